import { ampWorkspaceIsOurs, deleteEnvironmentWorkspaces } from '../aws/amp';
import type { AwsClients } from '../aws/clients';
import { deleteGrafanaWorkspace, grafanaWorkspaceTags, workspacesUsingRole } from '../aws/grafana';
import { destroyStack } from '../aws/stacks';
import type { GrafanaClient } from '../grafana/client';
import { removeEnvironmentFromGrafana } from '../grafana/teardown';
import type { Inventory } from '../inventory/types';
import type { Step } from '../plan/types';
import type { Removal } from '../render/teardown';
import type { Ownership } from '../tags';
import type { Executor, StepReturn } from './apply-plan';

export interface TeardownDeps {
  clients: Pick<AwsClients, 'amp' | 'cloudformation' | 'grafana'>;
  inventory: Inventory;
  /** Whose a step's resource must be (its tags are checked again before the delete): the run's, or the swept environment's. */
  ownerOf: (step: Step) => Ownership;
  /** The Grafana API of the repository's workspace, when its contents were read. */
  grafana?: GrafanaClient;
  /** The fix named when the role stack's tags are not this repository's. */
  roleStackOwnershipFix: string;
  /** cleanup's `notify` steps: the PR comment marked destroyed. */
  notify?: (step: Step) => Promise<StepReturn | void>;
  deadline: number;
  log: (line: string) => void;
}

const removal = (removed: string[]): StepReturn => ({ detail: removed.length ? 'deleted' : 'already gone', value: { removed } satisfies Removal });

/**
 * The teardown's executors: thin adapters onto src/aws and src/grafana. Each checks the resource's tags (or derived
 * names) again right before deleting it: the world can change between the inventory and the delete.
 */
export function teardownExecutor(deps: TeardownDeps): Executor {
  const { clients, log } = deps;
  const logFor = (step: Step) => (line: string) => log(`[${step.environment ?? 'repository'}] ${line}`);
  return async (step) => {
    const opts = { deadline: deps.deadline, log: logFor(step) };
    switch (step.kind) {
      case 'stack': {
        const done = await destroyStack(clients.cloudformation, step.resourceId!, deps.ownerOf(step), opts);
        if (done.outcome === 'kept') return { status: 'kept', detail: done.reason };
        if (done.outcome === 'absent') opts.log(`No stack ${step.resourceId}: already gone or never deployed`);
        return removal(done.outcome === 'deleted' ? [step.target] : []);
      }
      case 'amp-workspace': {
        const owner = deps.ownerOf(step);
        if (!(await ampWorkspaceIsOurs(clients.amp, step.resourceId!, owner))) return removal([]);
        await deleteEnvironmentWorkspaces(clients.amp, { owner, known: [step.resourceId!], ...opts });
        return removal([step.target]);
      }
      case 'grafana-objects': {
        if (!deps.grafana) throw new Error(`plan: ${step.id} without a Grafana API`);
        const removed = await removeEnvironmentFromGrafana(deps.grafana, deps.inventory.repository, step.environment!);
        for (const r of removed) opts.log(`Deleted ${r}`);
        return removal(removed);
      }
      case 'grafana-workspace': {
        const id = deps.inventory.grafanaWorkspace!.id;
        // Its tags as they are now, not as the inventory read them: deleteGrafanaWorkspace refuses one not ours.
        const tags = await grafanaWorkspaceTags(clients.grafana, id);
        if (!tags) return removal([]);
        await deleteGrafanaWorkspace(clients.grafana, { id, tags }, { repository: deps.inventory.repository }, opts);
        return removal([step.target]);
      }
      case 'grafana-role-stack':
        return deleteRoleStack(deps, step, opts);
      case 'pr-comment':
        return deps.notify?.(step);
      default:
        throw new Error(`plan: no teardown executor for ${step.kind}`);
    }
  };
}

/**
 * The repository's role stack goes with its last workspace only: another workspace (a second grafana-workspace-name,
 * or one made by hand with this role) whose role it is would lose every data source query to AccessDenied. Each
 * workspace's role is in DescribeWorkspace, so this is known only now, after the workspace is gone.
 */
async function deleteRoleStack(deps: TeardownDeps, step: Step, opts: { deadline: number; log: (line: string) => void }): Promise<StepReturn> {
  const roleArn = deps.inventory.roleStack?.roleArn;
  const deleted = deps.inventory.grafanaWorkspace?.id;
  const users = roleArn ? await workspacesUsingRole(deps.clients.grafana, roleArn, deleted ? [deleted] : []) : [];
  if (users.length > 0) return { status: 'kept', detail: `its role is still used by Grafana workspace ${users.join(', ')}` };
  const done = await destroyStack(deps.clients.cloudformation, step.resourceId!, { repository: deps.inventory.repository }, { ...opts, ownershipFix: deps.roleStackOwnershipFix });
  if (done.outcome === 'kept') return { status: 'kept', detail: done.reason };
  return removal(done.outcome === 'deleted' ? [step.target] : []);
}
