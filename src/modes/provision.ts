import * as core from '@actions/core';
import { ampUrls, AmpWorkspace, ensureAmpWorkspace } from '../aws/amp';
import { ensureGrafanaWorkspace, GrafanaWorkspace } from '../aws/grafana';
import { ensureStack } from '../aws/stacks';
import { readTemplate } from '../aws/templates';
import type { Link } from '../render/report';
import { ownershipTags } from '../tags';
import { timed } from '../util/timing';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info, startGroup } from '../util/log';

export const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';

/** One role stack per repository, like the shared workspace it serves. */
export function grafanaRoleStackName(repository: string): string {
  const slug = repository.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `ecs-amp-action-grafana-role-${slug}`.slice(0, 128).replace(/-+$/, '');
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
        deadline,
        log: (line) => info(`[grafana] ${line}`),
        roleArn: async () => inputs.grafanaRoleArn ?? (await timed(timings, 'Grafana workspace role', async () => {
          const stack = await ensureStack(clients.cloudformation, {
            name: grafanaRoleStackName(owner.repository),
            templateBody: readTemplate(GRAFANA_ROLE_TEMPLATE),
            parameters: { PermissionsBoundaryName: inputs.permissionsBoundary },
            tags: ownershipTags(repoOwner, inputs.extraTags),
            capabilities: ['CAPABILITY_IAM'],
            // The role stack goes through the same service role as the preview stacks, when one is given.
            roleArn: inputs.deploy.cloudformationRoleArn,
          }, { deadline, log: (line) => info(`[grafana-role] ${line}`) });
          return stack.outputs.RoleArn;
        })),
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
