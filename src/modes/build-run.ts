import * as core from '@actions/core';
import { applyPlan, failures } from '../apply/apply-plan';
import { buildExecution } from '../apply/build';
import { grafanaRoleStackName } from '../aws/stack-names';
import type { DashboardFile } from '../grafana/dashboard-files';
import { datasourceName } from '../grafana/naming';
import type { Inputs } from '../inputs/types';
import { readEnvironmentInventory } from '../inventory/read';
import { BuildMode, BuildRequest, planFor } from '../plan/build';
import { buildResult } from '../render/build';
import { stepLine } from '../render/plan';
import { info, startGroup } from '../util/log';
import type { MetricsCheckResult } from '../verify/deploy-check';
import { ModeContext, ModeFailure, ModeResult } from './types';

/** What the planners take from the inputs; deploy alone never looks at Grafana. */
export function buildRequest(mode: BuildMode, inputs: Inputs, repository: string, dashboardFiles: number): BuildRequest {
  const d = inputs.deploy;
  return {
    repository,
    environment: inputs.environment,
    amp: { alias: inputs.ampWorkspaceAlias, givenId: inputs.ampWorkspaceId },
    stack: { name: d.stackName, metricsCheck: d.metricsCheck, desiredCount: d.desiredCount, expose: d.expose.mode },
    grafana: inputs.grafana && mode !== 'deploy'
      ? { name: inputs.grafanaWorkspaceName, givenId: inputs.grafanaWorkspaceId, roleArnGiven: inputs.grafanaRoleArn !== undefined, roleStackName: grafanaRoleStackName(repository) }
      : false,
    dashboardFiles,
  };
}

/**
 * provision, deploy, dashboard and up: read what exists (once), plan, log the plan before anything changes, apply it
 * (each step as soon as its own dependencies are done; in a dry run only the lookups and the change-set preview),
 * then report from the plan and its outcomes.
 */
export async function runBuild(mode: BuildMode, ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner } = ctx;
  const files = (ctx.prepared as DashboardFile[] | undefined) ?? [];
  const req = buildRequest(mode, inputs, owner.repository, files.length);
  const deploys = mode === 'deploy' || mode === 'up';
  const inv = await readEnvironmentInventory(clients, {
    owner: { ...owner, environment: inputs.environment },
    amp: { alias: inputs.ampWorkspaceAlias, existingId: inputs.ampWorkspaceId },
    stackName: deploys ? inputs.deploy.stackName : undefined,
    grafanaWorkspace: req.grafana ? { name: req.grafana.name, existingId: req.grafana.givenId } : undefined,
    roleStackName: req.grafana && (mode === 'provision' || mode === 'up') && !req.grafana.roleArnGiven ? req.grafana.roleStackName : undefined,
  });
  const plan = planFor(mode, req, inv);
  const dryRun = inputs.deploy.dryRun;

  startGroup(`Plan of ${mode}${dryRun ? ' (dry run: only lookups and the change-set preview run)' : ''}: ${plan.steps.length} step(s)`);
  for (const step of plan.steps) info(stepLine(step));
  core.endGroup();

  const exec = buildExecution(ctx, plan, inv, files);
  let outcomes;
  try {
    outcomes = await applyPlan(plan, exec.execute, {
      dryRun,
      onStart: (step) => info(`▶ ${stepLine(step)}`),
      onEnd: (step, outcome) => {
        info(stepLine(step, outcome));
        exec.onEnd(step, outcome);
      },
    });
  } finally {
    await exec.close();
  }

  const result = buildResult({
    mode, plan, outcomes, findings: exec.findings, region: inputs.region, stackName: inputs.deploy.stackName, dryRun,
    datasourceName: datasourceName(inputs.environment, owner.repository),
  });
  const errors = failures(plan, outcomes).map((f) => f.error);
  const metrics = outcomes.get('metrics')?.value as MetricsCheckResult | undefined;
  if (metrics?.problem) {
    if (inputs.deploy.metricsCheck === 'fail') errors.push(metrics.problem);
    else core.warning(metrics.problem.describe());
  }
  if (errors.length > 0) {
    const cause = errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map((e) => (e as Error).message).join('\n'));
    throw new ModeFailure(cause, result);
  }
  return result;
}
