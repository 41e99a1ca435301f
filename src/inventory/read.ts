import { listRepositoryWorkspaces } from '../aws/amp';
import type { AwsClients } from '../aws/clients';
import { findGrafanaWorkspace } from '../aws/grafana';
import { describeStack, listEnvironmentStacks, outputsOf } from '../aws/stacks';
import type { GrafanaClient } from '../grafana/client';
import { environmentsInGrafana, otherRepositoriesInGrafana } from '../grafana/teardown';
import type { FoundGrafanaWorkspace, Inventory } from './types';

export interface InventoryRequest {
  repository: string;
  environment?: string;
  /** When grafana is on: the repository's workspace by name (or the given id). */
  grafanaWorkspace?: { name: string; existingId?: string };
  /** Reads the repository's role stack too (destroy and cleanup decide whether it goes). */
  roleStackName?: string;
}

/**
 * Reads the AWS side of the inventory, every listing at once (one round trip of wall time, not three). Grafana's own
 * objects need a token for the workspace found here, so they are read after, by withGrafanaObjects.
 */
export async function readInventory(clients: Pick<AwsClients, 'amp' | 'cloudformation' | 'grafana'>, req: InventoryRequest): Promise<Inventory> {
  const [stacks, ampWorkspaces, grafanaWorkspace, roleStack] = await Promise.all([
    listEnvironmentStacks(clients.cloudformation, req.repository),
    listRepositoryWorkspaces(clients.amp, req.repository),
    req.grafanaWorkspace
      ? findGrafanaWorkspace(clients.grafana, { name: req.grafanaWorkspace.name, owner: { repository: req.repository }, existingId: req.grafanaWorkspace.existingId })
      : Promise.resolve(undefined),
    req.roleStackName ? describeStack(clients.cloudformation, req.roleStackName) : Promise.resolve(undefined),
  ]);
  return {
    repository: req.repository,
    environment: req.environment,
    stacks,
    ampWorkspaces,
    grafanaWorkspace: grafanaWorkspace as FoundGrafanaWorkspace | undefined,
    roleStack: roleStack && req.roleStackName
      ? { name: req.roleStackName, status: roleStack.StackStatus ?? 'UNKNOWN', roleArn: outputsOf(roleStack).RoleArn }
      : undefined,
  };
}

/** The inventory with what the Grafana workspace holds for the repository, read through its API. */
export async function withGrafanaObjects(inv: Inventory, api: GrafanaClient): Promise<Inventory> {
  const [byEnvironment, otherRepositories] = await Promise.all([
    environmentsInGrafana(api, inv.repository),
    otherRepositoriesInGrafana(api, inv.repository),
  ]);
  return { ...inv, grafana: { byEnvironment, otherRepositories } };
}
