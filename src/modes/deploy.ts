import * as core from '@actions/core';
import { ampUrls, requireEnvironmentWorkspace } from '../aws/amp';
import { StoppedTaskWatcher, waitServiceStable } from '../aws/ecs';
import { ensureStack, StackResult } from '../aws/stacks';
import { exposeParameters, verifyAppUrl } from '../expose/app-url';
import { readTemplate } from '../aws/templates';
import { renderAdotConfig } from '../render/adot-config';
import { formatChangeSetLines, renderChangeSet } from '../render/change-set';
import { ownershipTags } from '../tags';
import { checkDeployMetrics, MetricsCheckResult } from '../verify/deploy-check';
import { ActionError, imagePullFix } from '../util/errors';
import { timed } from '../util/timing';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info, startGroup } from '../util/log';

export const PREVIEW_TEMPLATE = 'preview-stack.yaml';

/**
 * Deploys the environment's stack through a change set: shows the diff, executes it while
 * streaming stack events and stopped-task reasons, and waits for the ECS service to be stable.
 * The AMP workspace is found the way provision left it, so the two steps need no plumbing.
 */
export async function deploy(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner, deadline } = ctx;
  const d = inputs.deploy;
  const timings: Record<string, number> = {};
  const log = (line: string) => info(line);
  const deployStartedAt = Date.now();

  const found = await timed(timings, 'AMP workspace lookup', () => requireEnvironmentWorkspace(clients.amp, {
    alias: inputs.ampWorkspaceAlias, owner, existingId: inputs.ampWorkspaceId,
  }));
  const workspace = { ...found, remoteWriteUrl: ampUrls(found.prometheusEndpoint).remoteWrite };
  log(`AMP workspace ${workspace.id}: remote write to ${workspace.remoteWriteUrl}`);
  const adotConfig = renderAdotConfig({
    region: inputs.region, remoteWriteUrl: workspace.remoteWriteUrl, appPort: d.appPort, metricsPath: d.appMetricsPath, environment: inputs.environment,
  });

  const watcher = new StoppedTaskWatcher(clients.ecs, d.stackName, (line) => core.warning(line));
  startGroup(`${d.dryRun ? 'Planning' : 'Deploying'} stack ${d.stackName}`);
  let stack: StackResult;
  try {
    stack = await timed(timings, 'CloudFormation', () => ensureStack(clients.cloudformation, {
      name: d.stackName,
      templateBody: readTemplate(PREVIEW_TEMPLATE),
      parameters: {
        EnvironmentName: inputs.environment,
        AmpWorkspaceArn: workspace.arn,
        AdotConfig: adotConfig,
        AppImage: d.appImage,
        AppPort: String(d.appPort),
        TaskCpu: d.cpu,
        TaskMemory: d.memory,
        DesiredCount: String(d.desiredCount),
        VpcId: d.vpcId ?? '',
        SubnetIds: d.subnetIds.join(','),
        AdotImage: d.adotImage,
        PermissionsBoundaryName: inputs.permissionsBoundary,
        ...exposeParameters(d.expose),
      },
      tags: ownershipTags(owner, inputs.extraTags),
      owner,
      capabilities: ['CAPABILITY_IAM'],
      roleArn: d.cloudformationRoleArn,
    }, {
      deadline,
      log,
      alwaysChangeSet: true,
      dryRun: d.dryRun,
      // Tasks that stop while the service resource is being created say why a deploy hangs or fails.
      onPoll: async () => watcher.poll(),
      // What will change, before it does: a person reading the log sees the plan while the stack runs.
      onChangeSet: (changeSet) => {
        const lines = formatChangeSetLines(changeSet);
        log(lines.length ? `Changes:\n  ${lines.join('\n  ')}` : 'No changes.');
      },
    }));
  } catch (err) {
    core.endGroup();
    // The tasks that stopped after the last poll say why too.
    await watcher.poll();
    const reasons = watcher.reasons.length ? `\nStopped tasks:\n${watcher.reasons.join('\n')}` : '';
    throw new ModeFailure(reasons && err instanceof ActionError ? new ActionError(`${err.message}${reasons}`, imagePullFix(reasons, d.appImage) ?? err.fix) : err, {
      headline: 'deploy failed', outputs: { 'stack-name': d.stackName }, links: [], timings,
    });
  }
  core.endGroup();

  if (stack.action === 'unchanged') log('No changes.');
  const outputs: Record<string, string> = {
    'stack-name': d.stackName,
    'stack-id': stack.stackId,
    'change-count': String(stack.changes.length),
  };
  if (stack.outputs.ClusterName) outputs['cluster-name'] = stack.outputs.ClusterName;
  if (stack.outputs.ServiceName) outputs['service-name'] = stack.outputs.ServiceName;

  let metrics: MetricsCheckResult | undefined;
  if (!d.dryRun && stack.outputs.ClusterName && stack.outputs.ServiceName) {
    await timed(timings, 'ECS service stable', () =>
      waitServiceStable(clients.ecs, stack.outputs.ClusterName, stack.outputs.ServiceName, watcher, { deadline, log }));
    metrics = await metricsCheck(ctx, workspace.prometheusEndpoint, deployStartedAt, timings);
  }

  // expose: the app's URL, only once it answers.
  const appLinks = [];
  if (!d.dryRun && stack.outputs.ClusterName && stack.outputs.ServiceName) {
    let appUrl: string | undefined;
    try {
      appUrl = await timed(timings, 'app URL answering', () => verifyAppUrl({
        clients, expose: d.expose, appPort: d.appPort, cluster: stack.outputs.ClusterName, service: stack.outputs.ServiceName, stackOutputs: stack.outputs, deadline, log,
      }));
    } catch (err) {
      throw new ModeFailure(err, { headline: 'deploy failed: the app did not answer', outputs, links: [], timings });
    }
    if (appUrl) {
      outputs['app-url'] = appUrl;
      appLinks.push({ label: 'App', value: appUrl, href: appUrl });
    }
  }

  const verb = { created: 'created', updated: 'updated', unchanged: 'unchanged (no changes)', planned: 'planned (dry run)' }[stack.action];
  const headline = `stack ${d.stackName} ${verb}, ${stack.changes.length} change(s)${metrics ? `; metrics: ${metrics.verification.verdict.live}` : ''}`;
  const sections = [{ title: d.dryRun ? 'planned changes (dry run)' : 'changes', markdown: renderChangeSet(stack) }, ...(metrics ? [metrics.section] : [])];
  Object.assign(outputs, metrics?.outputs);
  if (metrics?.problem) {
    if (d.metricsCheck === 'fail') throw new ModeFailure(metrics.problem, { headline, outputs, links: [], sections, timings });
    core.warning(metrics.problem.describe());
  }
  return {
    headline,
    outputs,
    links: [
      { label: 'Stack', value: d.stackName, href: `https://${inputs.region}.console.aws.amazon.com/cloudformation/home?region=${inputs.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.stackId)}` },
      ...(outputs['service-name'] ? [{ label: 'ECS service', value: `${outputs['cluster-name']}/${outputs['service-name']}` }] : []),
      ...appLinks,
    ],
    sections,
    timings,
  };
}

/** metrics-check after the service is stable; skipped when off or when no task runs to send metrics. */
async function metricsCheck(ctx: ModeContext, prometheusEndpoint: string, deployStartedAt: number, timings: Record<string, number>): Promise<MetricsCheckResult | undefined> {
  const d = ctx.inputs.deploy;
  if (d.metricsCheck === 'off') return undefined;
  if (d.desiredCount === 0) {
    info('metrics-check skipped: desired-count 0 runs no task to send metrics.');
    return undefined;
  }
  const since = Date.now();
  return timed(timings, 'metrics in AMP', () => checkDeployMetrics(ctx.clients, {
    region: ctx.inputs.region, environment: ctx.inputs.environment, prometheusEndpoint, deploy: d, since, logsSince: deployStartedAt, deadline: ctx.deadline,
  }));
}
