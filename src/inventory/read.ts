import { ampUrls, describeAmpWorkspace, findOwnedWorkspace, listRepositoryWorkspaces } from '../aws/amp';
import type { AwsClients } from '../aws/clients';
import { findGrafanaWorkspace } from '../aws/grafana';
import { describeStack, listEnvironmentStacks, outputsOf } from '../aws/stacks';
import { fromTagList, type Ownership, TAG_ENVIRONMENT, TAG_PR } from '../tags';
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

export interface EnvironmentInventoryRequest {
  owner: Ownership & { environment: string };
  /** The environment's AMP workspace: by alias and tags, or the given id. */
  amp: { alias: string; existingId?: string };
  /** The environment's own stack, when the mode deploys it (never every stack of the account: that needs ListStacks). */
  stackName?: string;
  grafanaWorkspace?: { name: string; existingId?: string };
  roleStackName?: string;
}

/**
 * What provision, deploy, dashboard and up need of the world, read at once: the environment's AMP workspace, its stack,
 * the repository's Grafana workspace and role stack. Only the names the run already knows are described, so each mode
 * needs no permission beyond what its steps use anyway.
 */
export async function readEnvironmentInventory(
  clients: Partial<Pick<AwsClients, 'amp' | 'cloudformation' | 'grafana'>>,
  req: EnvironmentInventoryRequest,
): Promise<Inventory> {
  const cfn = () => {
    if (!clients.cloudformation) throw new Error('readEnvironmentInventory: a stack was asked for without a CloudFormation client');
    return clients.cloudformation;
  };
  const [ampWorkspace, stack, grafanaWorkspace, roleStack] = await Promise.all([
    readAmpWorkspace(clients, req),
    req.stackName ? describeStack(cfn(), req.stackName) : Promise.resolve(undefined),
    req.grafanaWorkspace && clients.grafana
      ? findGrafanaWorkspace(clients.grafana, { name: req.grafanaWorkspace.name, owner: { repository: req.owner.repository }, existingId: req.grafanaWorkspace.existingId })
      : Promise.resolve(undefined),
    req.roleStackName ? describeStack(cfn(), req.roleStackName) : Promise.resolve(undefined),
  ]);
  const tags = fromTagList(stack?.Tags);
  return {
    repository: req.owner.repository,
    environment: req.owner.environment,
    // Whose the stack is, ensureStack decides (its tags, or an empty REVIEW_IN_PROGRESS stack's change sets): listed here as found.
    stacks: stack ? [{
      name: stack.StackName!, stackId: stack.StackId!, status: stack.StackStatus ?? 'UNKNOWN', environment: tags[TAG_ENVIRONMENT] ?? req.owner.environment,
      prNumber: /^\d+$/.test(tags[TAG_PR] ?? '') ? Number(tags[TAG_PR]) : undefined, lastDeployedAt: stack.LastUpdatedTime ?? stack.CreationTime,
    }] : [],
    ampWorkspaces: [],
    ampWorkspace,
    grafanaWorkspace: grafanaWorkspace as FoundGrafanaWorkspace | undefined,
    roleStack: roleStack && req.roleStackName
      ? { name: req.roleStackName, status: roleStack.StackStatus ?? 'UNKNOWN', roleArn: outputsOf(roleStack).RoleArn }
      : undefined,
  };
}

async function readAmpWorkspace(clients: Partial<Pick<AwsClients, 'amp'>>, req: EnvironmentInventoryRequest): Promise<Inventory['ampWorkspace']> {
  if (!clients.amp) return undefined;
  let id = req.amp.existingId;
  if (!id) {
    const { found } = await findOwnedWorkspace(clients.amp, req.amp.alias, req.owner);
    if (!found) return undefined;
    id = found.workspaceId!;
  }
  const ws = await describeAmpWorkspace(clients.amp, id, req.amp.existingId ? 'amp-workspace-id' : undefined);
  return { id, arn: ws.arn!, prometheusEndpoint: ampUrls(ws.prometheusEndpoint!).endpoint, status: ws.status?.statusCode ?? 'UNKNOWN', origin: req.amp.existingId ? 'given' : 'reused' };
}
