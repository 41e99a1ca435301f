import type { AwsClients } from '../aws/clients';
import { deleteEnvironmentWorkspaces } from '../aws/amp';
import { destroyStack } from '../aws/stacks';
import type { GrafanaClient } from '../grafana/client';
import { removeEnvironmentFromGrafana } from '../grafana/teardown';
import type { Ownership } from '../tags';
import { ActionError } from '../util/errors';

export interface TeardownRequest {
  owner: Ownership & { environment: string };
  /** The environment's stack (stack-name, or as cleanup found it); undefined when cleanup found none. */
  stackName?: string;
  /** The environment's AMP workspaces when the caller already listed them (cleanup), saving a listing per environment. */
  ampWorkspaceIds?: string[];
  /** Set when the user named the AMP workspace (amp-workspace-id): that one is theirs and is kept. */
  givenAmpWorkspaceId?: string;
  /** The Grafana API of the repository's workspace, when there is one. */
  grafana?: GrafanaClient;
  deadline: number;
  log: (line: string) => void;
}

export interface TeardownResult {
  environment: string;
  removed: string[];
  kept: string[];
}

/** A teardown that failed part-way still says what it removed. */
export class TeardownError extends ActionError {
  constructor(message: string, fix: string | undefined, public readonly result: TeardownResult) {
    super(message, fix);
  }
}

/**
 * Removes one environment: its stack, its Grafana folder, dashboards and data source, and the AMP
 * workspaces its tags name. The three are independent, so they run side by side and each is
 * finished (or failed) before this returns; what is already gone is skipped, so it can be re-run.
 */
export async function destroyEnvironment(clients: AwsClients, req: TeardownRequest): Promise<TeardownResult> {
  const { owner, log } = req;
  const result: TeardownResult = { environment: owner.environment, removed: [], kept: [] };
  const stackName = req.stackName;
  const tasks: Promise<void>[] = [
    stackName === undefined ? Promise.resolve() : destroyStack(clients.cloudformation, stackName, owner, { deadline: req.deadline, log: (l) => log(`[stack] ${l}`) }).then((r) => {
      if (r.outcome === 'deleted') result.removed.push(`stack ${stackName}`);
      else if (r.outcome === 'kept') result.kept.push(`stack ${stackName} (${r.reason})`);
      else log(`[stack] No stack ${stackName}: already gone or never deployed`);
    }),
    req.givenAmpWorkspaceId
      ? Promise.resolve().then(() => { result.kept.push(`AMP workspace ${req.givenAmpWorkspaceId} (given by amp-workspace-id)`); })
      : deleteEnvironmentWorkspaces(clients.amp, { owner, known: req.ampWorkspaceIds, deadline: req.deadline, log: (l) => log(`[amp] ${l}`) }).then((ids) => {
        if (ids.length === 0) log('[amp] No AMP workspace of this environment: already gone');
        result.removed.push(...ids.map((id) => `AMP workspace ${id}`));
      }),
  ];
  if (req.grafana) {
    const api = req.grafana;
    tasks.push(removeEnvironmentFromGrafana(api, owner.repository, owner.environment).then((removed) => {
      for (const r of removed) log(`[grafana] Deleted ${r}`);
      if (removed.length === 0) log('[grafana] No dashboards, folder or data source of this environment: already gone');
      result.removed.push(...removed);
    }));
  }
  const failures = (await Promise.allSettled(tasks)).filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
  if (failures.length > 0) {
    const fix = failures.map((f) => (f instanceof ActionError ? f.fix : undefined)).filter(Boolean).join(' ');
    throw new TeardownError(failures.map((f) => f.message).join('\n'), fix || undefined, result);
  }
  return result;
}
