import { environmentOf, environmentsOf } from '../inventory/environments';
import { grafanaObjectsUnread, grafanaWorkspaceUsers, isGiven, prMismatch } from '../inventory/ownership';
import type { EnvironmentInventory, Inventory } from '../inventory/types';
import { judge, type PullState, type Verdict } from '../teardown/staleness';
import type { Plan, Step } from './types';

/** What the teardown planners take from the inputs (and the run): a subset, so the unit tests build it in a line. */
export interface TeardownPlanInputs {
  /** grafana: true: the Grafana side is part of the teardown. */
  grafana: boolean;
  /** grafana-workspace-id: the user's workspace, never deleted. */
  grafanaWorkspaceId?: string;
  deleteGrafanaWorkspace: boolean;
  /** grafana-role-arn: the user's role, so there is no role stack of the action's to delete. */
  grafanaRoleArn?: string;
  /** Why the Grafana objects could not be read although the workspace is ACTIVE (no token, say). */
  grafanaUnreadReason?: string;
}

export interface DestroyPlanInputs extends TeardownPlanInputs {
  environment: string;
  /** The run's PR: a workspace tagged for another PR is not this run's. */
  prNumber?: number;
  /** stack-name: deleted even when the listing by tags did not find it, so a stack that is not ours is refused by name. */
  stackName: string;
  /** amp-workspace-id: the user's workspace, kept. */
  ampWorkspaceId?: string;
}

export interface CleanupPlanInputs extends TeardownPlanInputs {
  ttlMs: number;
  /** A GitHub token is there: the removed environments' PR comments are marked destroyed. */
  notify: boolean;
}

/** The environment's steps and, for the sweep, its verdict: the sweep's table is rendered from these. */
export interface EnvironmentPlan {
  environment: EnvironmentInventory;
  verdict?: Verdict;
  stepIds: string[];
}

export interface TeardownPlan extends Plan {
  environments: EnvironmentPlan[];
}

/**
 * destroy: the run's environment, whatever is left of it (a half-gone environment plans only what exists), then the
 * repository's Grafana workspace and role stack when asked for and nobody else uses them.
 */
export function planDestroy(inputs: DestroyPlanInputs, inv: Inventory): TeardownPlan {
  const env = environmentOf(inv, inputs.environment);
  const found = env.stack && env.stack.name === inputs.stackName ? env.stack : undefined;
  const steps: Step[] = [{
    id: `${env.environment}/stack`, action: 'delete', kind: 'stack', target: `stack ${inputs.stackName}`, environment: env.environment,
    resourceId: inputs.stackName, dependsOn: [],
    // Named by stack-name, so it is tried even when the listing by tags missed it: a stack that is not ours is
    // refused by name (the adapter checks its tags), and one already gone is found absent.
    reason: found ? `environment '${env.environment}' (${found.status})` : 'stack-name; not listed under this repository\'s tags, so looked up (and its tags checked) before deleting',
  }];
  for (const w of env.ampWorkspaces) {
    if (isGiven(w.id, inputs.ampWorkspaceId)) continue;
    const other = prMismatch(w.prNumber, inputs.prNumber);
    steps.push(other
      ? ampStep(env, w.id, 'keep', other)
      : ampStep(env, w.id, 'delete', `tagged for environment '${env.environment}' (${w.status})`));
  }
  if (inputs.ampWorkspaceId) steps.push(ampStep(env, inputs.ampWorkspaceId, 'keep', 'given by amp-workspace-id'));
  steps.push(...grafanaSteps(inputs, inv, env, undefined, true));
  const environments = [{ environment: env, stepIds: steps.map((s) => s.id) }];
  steps.push(...repositorySteps(inputs, inv, environments));
  return { mode: 'destroy', steps, environments };
}

/**
 * cleanup: every environment of the repository judged (src/teardown/staleness.ts); a stale one's parts deleted and its
 * PR comment marked destroyed after them, a kept one's parts kept with the verdict's reason.
 */
export function planCleanup(inputs: CleanupPlanInputs, inv: Inventory, pullStates: ReadonlyMap<number, PullState>, now: number): TeardownPlan {
  const steps: Step[] = [];
  const environments: EnvironmentPlan[] = [];
  for (const env of environmentsOf({ ...inv, environment: undefined })) {
    const verdict = judge(env, env.prNumber === undefined ? undefined : pullStates.get(env.prNumber), now, inputs.ttlMs);
    const action = verdict.stale ? 'delete' : 'keep';
    const own: Step[] = [];
    if (env.stack) {
      own.push({
        id: `${env.environment}/stack`, action, kind: 'stack', target: `stack ${env.stack.name}`, environment: env.environment,
        resourceId: env.stack.name, reason: verdict.reason, dependsOn: [],
      });
    }
    for (const w of env.ampWorkspaces) own.push(ampStep(env, w.id, action, verdict.reason));
    own.push(...grafanaSteps(inputs, inv, env, verdict, verdict.stale));
    if (verdict.stale && inputs.notify && env.prNumber !== undefined) {
      own.push({
        id: `${env.environment}/comment`, action: 'notify', kind: 'pr-comment', target: `PR #${env.prNumber} comment`, environment: env.environment,
        reason: 'a preview that vanished without a word is what the sweep exists to prevent; marked destroyed after its deletions',
        dependsOn: own.map((s) => s.id),
      });
    }
    steps.push(...own);
    environments.push({ environment: env, verdict, stepIds: own.map((s) => s.id) });
  }
  steps.push(...repositorySteps(inputs, inv, environments.filter((e) => e.verdict?.stale)));
  return { mode: 'cleanup', steps, environments };
}

function ampStep(env: EnvironmentInventory, id: string, action: 'delete' | 'keep', reason: string): Step {
  return { id: `${env.environment}/amp/${id}`, action, kind: 'amp-workspace', target: `AMP workspace ${id}`, environment: env.environment, resourceId: id, reason, dependsOn: [] };
}

/**
 * The environment's folder, dashboards and data source. Deleted only when the workspace's contents were read (a token,
 * an ACTIVE workspace); otherwise said out loud as kept, or a half-created workspace would silently keep them.
 */
function grafanaSteps(inputs: TeardownPlanInputs, inv: Inventory, env: EnvironmentInventory, verdict: Verdict | undefined, leaving: boolean): Step[] {
  if (!inputs.grafana || !inv.grafanaWorkspace) return [];
  const id = `${env.environment}/grafana`;
  const base = { id, kind: 'grafana-objects' as const, environment: env.environment, resourceId: inv.grafanaWorkspace.id, dependsOn: [] };
  const unread = grafanaObjectsUnread(inv, inputs.grafanaUnreadReason);
  if (unread) {
    if (!leaving) return [];
    return [{ ...base, action: 'keep', target: `Grafana dashboards, folder and data source of '${env.environment}', if any`, reason: `${unread}; re-run once it can be read` }];
  }
  if (!env.grafana) return [];
  const g = env.grafana;
  const what = [g.dashboards.length ? `${g.dashboards.length} dashboard(s)` : '', g.folder ? 'folder' : '', g.datasource ? 'data source' : ''].filter(Boolean).join(', ');
  return [{
    ...base, action: leaving ? 'delete' : 'keep', target: `Grafana ${what} of '${env.environment}' in ${inv.grafanaWorkspace.id}`,
    reason: verdict?.reason ?? `environment '${env.environment}' in Grafana workspace ${inv.grafanaWorkspace.id}`,
  }];
}

/**
 * The repository's Grafana workspace, after every leaving environment's steps, and its role stack after it. Whether
 * another workspace uses the role is known only at run time (the executor keeps the stack then).
 */
function repositorySteps(inputs: TeardownPlanInputs, inv: Inventory, leaving: EnvironmentPlan[]): Step[] {
  const ws = inv.grafanaWorkspace;
  if (!inputs.grafana || !ws) return [];
  const base = { id: 'grafana-workspace', kind: 'grafana-workspace' as const, target: `Grafana workspace ${ws.id}`, resourceId: ws.id };
  if (!inputs.deleteGrafanaWorkspace) {
    return [{ ...base, action: 'keep', reason: 'shared by the repository\'s environments; set delete-grafana-workspace: true to remove it with the last one', dependsOn: [] }];
  }
  if (isGiven(ws.id, inputs.grafanaWorkspaceId)) return [{ ...base, action: 'keep', reason: 'given by grafana-workspace-id', dependsOn: [] }];
  const users = grafanaWorkspaceUsers(inv, leaving.map((e) => e.environment.environment));
  if (users.length > 0) return [{ ...base, action: 'keep', reason: `still used by ${users.join(', ')}`, dependsOn: [] }];
  const steps: Step[] = [{
    ...base, action: 'delete', reason: `no other environment of ${inv.repository} uses it (delete-grafana-workspace)`,
    dependsOn: leaving.flatMap((e) => e.stepIds),
  }];
  if (!inputs.grafanaRoleArn && inv.roleStack) {
    steps.push({
      id: 'grafana-role-stack', action: 'delete', kind: 'grafana-role-stack', target: `stack ${inv.roleStack.name}`, resourceId: inv.roleStack.name,
      reason: 'the deleted workspace\'s role; kept if another workspace still uses it', dependsOn: ['grafana-workspace'],
    });
  }
  return steps;
}
