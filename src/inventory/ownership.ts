import { environmentsOf } from './environments';
import type { Inventory } from './types';

/**
 * The ownership rules that decide, from the inventory alone, what a run may remove. (Each listing already holds only
 * what the tags or derived names prove is the repository's; the adapters check the tags again before every delete,
 * because the world can change between the inventory and the delete.)
 */

/**
 * Who else still uses the repository's Grafana workspace once `leaving` is gone: the other environments with anything
 * left (a stack, a live AMP workspace, Grafana objects) and other repositories' dashboards in a shared workspace.
 * Empty means the workspace may go with `leaving` (when delete-grafana-workspace asks for it). Unknown Grafana
 * contents (not read) count as in use: a workspace whose dashboards could not be listed is never deleted.
 */
export function grafanaWorkspaceUsers(inv: Inventory, leaving: readonly string[]): string[] {
  if (!inv.grafana) return ['its dashboards (they could not be read)'];
  const gone = new Set(leaving);
  const users = environmentsOf({ ...inv, environment: undefined })
    .filter((e) => !gone.has(e.environment) && (e.stack || e.ampWorkspaces.length > 0 || e.grafana))
    .map((e) => e.environment);
  if (inv.grafana.otherRepositories.length > 0) users.push(`${inv.grafana.otherRepositories.length} dashboard(s) of other repositories`);
  return users;
}

/** A workspace the user named (amp-workspace-id, grafana-workspace-id) is theirs: used, never deleted. */
export function isGiven(id: string | undefined, givenId: string | undefined): boolean {
  return id !== undefined && givenId !== undefined && id === givenId;
}

/**
 * Why the Grafana workspace's contents are unknown, or undefined when they were read: an environment's objects are
 * deleted only from what was read, never guessed at.
 */
export function grafanaObjectsUnread(inv: Inventory, unreadReason?: string): string | undefined {
  if (inv.grafana) return undefined;
  const ws = inv.grafanaWorkspace;
  if (ws && ws.status !== 'ACTIVE') return `Grafana workspace ${ws.id} is ${ws.status}, so its contents cannot be read now`;
  return `the Grafana workspace's contents could not be read${unreadReason ? ` (${unreadReason})` : ''}`;
}

/**
 * A resource tagged for PR N is PR N's (src/tags.ts isOwnedBy): a run for another PR, or for none, that ends up with the
 * same environment name keeps it. Untagged for a PR (a branch environment) matches any run.
 */
export function prMismatch(taggedPr: number | undefined, runPr: number | undefined): string | undefined {
  if (taggedPr === undefined || taggedPr === runPr) return undefined;
  return `tagged for PR #${taggedPr}, and this run is ${runPr === undefined ? 'not for a pull request' : `for PR #${runPr}`}`;
}
