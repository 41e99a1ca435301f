import * as core from '@actions/core';
import { listRepositoryWorkspaces } from '../aws/amp';
import { deleteGrafanaWorkspace, findGrafanaWorkspace, workspacesUsingRole } from '../aws/grafana';
import { withGrafanaToken } from '../aws/grafana-token';
import { describeStack, destroyStack, listEnvironmentStacks, outputsOf } from '../aws/stacks';
import { GrafanaClient } from '../grafana/client';
import { environmentsInGrafana, otherRepositoriesInGrafana } from '../grafana/teardown';
import { destroyEnvironment, TeardownError, TeardownResult } from '../teardown/environment';
import { timed } from '../util/timing';
import { renderTeardown } from '../render/teardown';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import { GRAFANA_ROLE_OWNERSHIP_FIX, grafanaRoleStackName } from './provision';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info, startGroup } from '../util/log';

const TOKEN_TTL_SECONDS = 1800;

/**
 * Tears one environment down: stack, Grafana objects and AMP workspace, in parallel. Safe to run
 * again and on a half-gone environment; refuses anything whose tags are not this repository's.
 */
export async function destroy(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner, deadline } = ctx;
  const env = { ...owner, environment: inputs.environment };
  const timings: Record<string, number> = {};
  const log = (line: string) => info(line);
  const repoOwner = { repository: owner.repository };

  const grafana = inputs.grafana
    ? await findGrafanaWorkspace(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: repoOwner, existingId: inputs.grafanaWorkspaceId })
    : undefined;
  if (grafana && grafana.status !== 'ACTIVE') log(`Grafana workspace ${grafana.id} is ${grafana.status}; its dashboards cannot be removed now`);

  let result: TeardownResult;
  let workspaceUnused = false;
  const teardown = (api?: GrafanaClient) => destroyEnvironment(clients, {
    owner: env, stackName: inputs.deploy.stackName, givenAmpWorkspaceId: inputs.ampWorkspaceId, grafana: api, deadline, log,
  });
  startGroup(`Destroying environment '${inputs.environment}'`);
  try {
    if (grafana?.status === 'ACTIVE') {
      result = await withGrafanaToken(clients.grafana, grafana.id, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS, log }, async (token) => {
        const api = new GrafanaClient({ baseUrl: grafana.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log });
        const done = await timed(timings, 'environment', () => teardown(api));
        if (inputs.teardown.deleteGrafanaWorkspace) workspaceUnused = await unused(ctx, api);
        return done;
      });
    } else {
      result = await timed(timings, 'environment', () => teardown());
      // Said out loud: otherwise a half-created workspace would silently keep this environment's dashboards.
      if (grafana) result.kept.push(`Grafana dashboards, folder and data source, if any (workspace ${grafana.id} is ${grafana.status}; re-run destroy once it is ACTIVE)`);
    }
  } catch (err) {
    core.endGroup();
    const partial = err instanceof TeardownError ? err.result : { environment: inputs.environment, removed: [], kept: [] };
    throw new ModeFailure(err, resultOf(partial, timings));
  }

  if (inputs.teardown.deleteGrafanaWorkspace && grafana) {
    if (!workspaceUnused) {
      result.kept.push(`Grafana workspace ${grafana.id} (${grafana.status === 'ACTIVE' ? 'other environments still use it' : `it is ${grafana.status}, so its use could not be checked`})`);
    } else {
      await timed(timings, 'Grafana workspace', () => deleteGrafanaWorkspace(clients.grafana, grafana, repoOwner, { deadline, log }));
      result.removed.push(`Grafana workspace ${grafana.id}`);
      if (!inputs.grafanaRoleArn) await timed(timings, 'Grafana workspace role', () => destroyRoleStack(ctx, grafana.id, result));
    }
  } else if (grafana?.status === 'ACTIVE') {
    result.kept.push(`Grafana workspace ${grafana.id} (shared; set delete-grafana-workspace: true to remove it with the last environment)`);
  }
  core.endGroup();
  for (const line of result.removed) log(`Removed ${line}`);
  for (const line of result.kept) log(`Kept ${line}`);
  return resultOf(result, timings);
}

/**
 * The repository's role stack goes with its last workspace only: another workspace (a second
 * grafana-workspace-name, or one created by hand with this role) whose role it is would lose every
 * data source query to AccessDenied. Each workspace's role is in DescribeWorkspace.
 */
async function destroyRoleStack(ctx: ModeContext, deletedWorkspace: string, result: TeardownResult): Promise<void> {
  const { clients, owner, deadline } = ctx;
  const name = grafanaRoleStackName(owner.repository);
  const repoOwner = { repository: owner.repository };
  const stack = await describeStack(clients.cloudformation, name);
  if (!stack) return;
  const roleArn = outputsOf(stack).RoleArn;
  const users = roleArn ? await workspacesUsingRole(clients.grafana, roleArn, [deletedWorkspace]) : [];
  if (users.length > 0) {
    info(`Stack ${name} kept: its role ${roleArn} is the role of Grafana workspace(s) ${users.join(', ')}`);
    result.kept.push(`stack ${name} (its role is still used by Grafana workspace ${users.join(', ')})`);
    return;
  }
  const done = await destroyStack(clients.cloudformation, name, repoOwner, { deadline, log: (line) => info(line), ownershipFix: GRAFANA_ROLE_OWNERSHIP_FIX });
  if (done.outcome === 'deleted') result.removed.push(`stack ${name}`);
  else if (done.outcome === 'kept') result.kept.push(`stack ${name} (${done.reason})`);
}

/** No other environment of the repository has a stack, an AMP workspace or Grafana objects. */
async function unused(ctx: ModeContext, api: GrafanaClient): Promise<boolean> {
  const { clients, owner, inputs } = ctx;
  const [stacks, workspaces, inGrafana, foreign] = await Promise.all([
    listEnvironmentStacks(clients.cloudformation, owner.repository),
    listRepositoryWorkspaces(clients.amp, owner.repository),
    environmentsInGrafana(api, owner.repository),
    otherRepositoriesInGrafana(api, owner.repository),
  ]);
  const others = new Set([...stacks.map((s) => s.environment), ...workspaces.filter((w) => w.status !== 'DELETING').map((w) => w.environment), ...inGrafana.keys()]);
  others.delete(inputs.environment);
  // A workspace shared with other repositories (grafana-workspace-id) is theirs too while they have dashboards in it.
  if (foreign.length > 0) others.add(`${foreign.length} dashboard(s) of other repositories`);
  if (others.size > 0) info(`Grafana workspace kept: still used by ${[...others].sort().join(', ')}`);
  return others.size === 0;
}

function resultOf(result: TeardownResult, timings: Record<string, number>): ModeResult {
  const removed = result.removed.length;
  return {
    headline: removed > 0 ? `removed ${removed} resource(s)` : 'nothing to remove: the environment was already gone',
    outputs: { removed: JSON.stringify([result]) },
    links: [],
    sections: [{ title: 'removed', markdown: renderTeardown(result) }],
    timings,
  };
}
