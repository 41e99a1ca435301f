import * as core from '@actions/core';
import { ampUrls, AmpWorkspace, ensureAmpWorkspace } from '../aws/amp';
import { ensureGrafanaWorkspace, GrafanaWorkspace } from '../aws/grafana';
import { ensureStack } from '../aws/stacks';
import { readTemplate } from '../aws/templates';
import { grafanaRoleStackName } from '../aws/stack-names';
import { ROLE_PATH } from '../permissions/scopes';
import type { Link } from '../render/report';
import { ownershipTags } from '../tags';
import { timed } from '../util/timing';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info, startGroup } from '../util/log';

export const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';

export { grafanaRoleStackName };

export const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';

/** Roles the templates create live under ROLE_PATH (their names are generated, the path is not). */
function isTemplateRole(arn: string): boolean {
  return arn.includes(`:role${ROLE_PATH}`);
}

/**
 * Creates or reuses the environment's AMP workspace and the repository's Grafana workspace. The two
 * are independent, so they run side by side; both are awaited even when one fails, so the log and
 * the report say what happened to each and nothing is left mid-flight.
 */
export async function provision(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner, deadline } = ctx;
  const timings: Record<string, number> = {};
  const repoOwner = { repository: owner.repository };

  let role: Promise<string> | undefined;
  const roleStack = (): Promise<string> => role ??= timed(timings, 'Grafana workspace role', async () => {
    const stack = await ensureStack(clients.cloudformation, {
      name: grafanaRoleStackName(owner.repository),
      templateBody: readTemplate(GRAFANA_ROLE_TEMPLATE),
      parameters: { PermissionsBoundaryName: inputs.permissionsBoundary },
      tags: ownershipTags(repoOwner, inputs.extraTags),
      owner: repoOwner,
      ownershipFix: GRAFANA_ROLE_OWNERSHIP_FIX,
      capabilities: ['CAPABILITY_IAM'],
      // The role stack goes through the same service role as the preview stacks, when one is given.
      roleArn: inputs.deploy.cloudformationRoleArn,
    }, { deadline, log: (line) => info(`[grafana-role] ${line}`) });
    return stack.outputs.RoleArn;
  });

  startGroup(`Provisioning the AMP workspace${inputs.grafana ? ' and the Grafana workspace (concurrently)' : ''}`);
  const [ampResult, grafanaResult] = await Promise.allSettled([
    timed(timings, 'AMP workspace', () => ensureAmpWorkspace(clients.amp, {
      alias: inputs.ampWorkspaceAlias,
      owner,
      tags: ownershipTags(owner, inputs.extraTags),
      existingId: inputs.ampWorkspaceId,
      deadline,
      log: (line) => info(`[amp] ${line}`),
    })),
    inputs.grafana
      ? timed(timings, 'Grafana workspace', () => ensureGrafanaWorkspace(clients.grafana, {
        name: inputs.grafanaWorkspaceName,
        owner: repoOwner,
        tags: ownershipTags(repoOwner, inputs.extraTags),
        existingId: inputs.grafanaWorkspaceId,
        auth: inputs.grafanaAuth,
        admins: inputs.grafanaAdmins,
        grafanaVersion: inputs.grafanaVersion,
        deadline,
        log: (line) => info(`[grafana] ${line}`),
        roleArn: async () => inputs.grafanaRoleArn ?? roleStack(),
        // A workspace whose role stack is gone (deleted while the workspace lived on) would fail every
        // query with AccessDenied: re-create the role and point the workspace at it. Only for roles
        // the action's templates made (under their path): a role the user chose is theirs.
        reusedRoleArn: inputs.grafanaRoleArn ? undefined : async (current) => (current && isTemplateRole(current) ? roleStack() : undefined),
      }))
      : Promise.resolve(undefined),
  ]);
  core.endGroup();

  const amp = ampResult.status === 'fulfilled' ? ampResult.value : undefined;
  const grafana = grafanaResult.status === 'fulfilled' ? grafanaResult.value : undefined;
  const result: ModeResult = {
    headline: headline(amp, grafana),
    outputs: { ...ampOutputs(amp), ...grafanaOutputs(grafana) },
    links: [...ampLinks(amp), ...grafanaLinks(grafana)],
    timings,
  };
  const failures = [ampResult, grafanaResult].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    const cause = failures.length === 1 ? failures[0].reason : new AggregateError(failures.map((f) => f.reason),
      failures.map((f) => (f.reason as Error).message).join('\n'));
    throw new ModeFailure(cause, result);
  }
  return result;
}

function ampOutputs(amp: AmpWorkspace | undefined): Record<string, string> {
  if (!amp) return {};
  const urls = ampUrls(amp.prometheusEndpoint);
  return {
    'amp-workspace-id': amp.id,
    'amp-workspace-arn': amp.arn,
    'amp-endpoint': urls.endpoint,
    'amp-remote-write-url': urls.remoteWrite,
    'amp-query-url': urls.query,
  };
}

function grafanaOutputs(grafana: GrafanaWorkspace | undefined): Record<string, string> {
  return grafana ? { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url } : {};
}

function ampLinks(amp: AmpWorkspace | undefined): Link[] {
  if (!amp) return [];
  const urls = ampUrls(amp.prometheusEndpoint);
  return [
    { label: 'AMP workspace', value: `${amp.id} (${amp.origin})` },
    { label: 'AMP remote write URL', value: urls.remoteWrite },
    { label: 'AMP query URL', value: urls.query },
  ];
}

function grafanaLinks(grafana: GrafanaWorkspace | undefined): Link[] {
  return grafana ? [{ label: 'Grafana', value: `${grafana.id} (${grafana.origin})`, href: grafana.url }] : [];
}

function headline(amp: AmpWorkspace | undefined, grafana: GrafanaWorkspace | undefined): string {
  const parts: string[] = [];
  if (amp) parts.push(`AMP ${amp.id} ${amp.origin}`);
  if (grafana) parts.push(`Grafana ${grafana.id} ${grafana.origin}`);
  return parts.join(', ') || 'nothing provisioned';
}
