import {
  CreateWorkspaceCommand,
  DeleteWorkspaceCommand,
  DescribeWorkspaceCommand,
  GrafanaClient,
  UpdatePermissionsCommand,
  UpdateWorkspaceCommand,
  WorkspaceDescription,
  WorkspaceSummary,
  paginateListWorkspaces,
} from '@aws-sdk/client-grafana';
import { createHash } from 'node:crypto';
import type { GrafanaAdmin, GrafanaAuth } from '../inputs/types';
import { isOwnedBy, Ownership } from '../tags';
import { ActionError, describeAwsError, errorName, permissionFix } from '../util/errors';
import { EXPECTED, pollUntil } from '../util/poll';

export interface GrafanaWorkspace {
  id: string;
  name?: string;
  /** https:// URL of the workspace (AMG returns a bare host). */
  url: string;
  grafanaVersion?: string;
  origin: 'created' | 'reused' | 'given';
}

export interface EnsureGrafanaRequest {
  name: string;
  /** Repository-level ownership: one workspace serves every preview of the repository. */
  owner: Ownership;
  tags: Record<string, string>;
  existingId?: string;
  auth: GrafanaAuth;
  /** Resolved lazily: only a workspace that has to be created needs a role. */
  roleArn: () => Promise<string>;
  /**
   * For a workspace found by name: the role it should use, given the one it has (re-creating the
   * role when it is missing); undefined leaves the workspace's role as it is.
   */
  reusedRoleArn?: (current: string | undefined) => Promise<string | undefined>;
  admins: GrafanaAdmin[];
  /** grafana-version: passed to CreateWorkspace only; undefined lets AMG choose its default (the latest). */
  grafanaVersion?: string;
  deadline: number;
  log: (line: string) => void;
}

const FAILED = new Set(['FAILED', 'CREATION_FAILED', 'DELETION_FAILED', 'UPDATE_FAILED', 'UPGRADE_FAILED', 'VERSION_UPDATE_FAILED', 'LICENSE_REMOVAL_FAILED']);

/** AMG returns the endpoint without a scheme; one that carries its own scheme is kept as is. */
export function workspaceUrl(endpoint: string): string {
  return /^https?:\/\//.test(endpoint) ? endpoint.replace(/\/$/, '') : `https://${endpoint}`;
}

export function grafanaClientToken(owner: Ownership, name: string): string {
  return createHash('sha256').update(`ecs-amp-action|grafana|${owner.repository}|${name}`).digest('hex').slice(0, 64);
}

export async function ensureGrafanaWorkspace(grafana: GrafanaClient, req: EnsureGrafanaRequest): Promise<GrafanaWorkspace> {
  let ws: WorkspaceDescription;
  let origin: GrafanaWorkspace['origin'];
  if (req.existingId) {
    ws = await describe(grafana, req.existingId, 'grafana-workspace-id');
    origin = 'given';
  } else {
    const found = await findByName(grafana, req.name, req.owner);
    if (found) {
      req.log(`Reusing Grafana workspace ${found.id} ('${req.name}', status ${found.status})`);
      ws = await describe(grafana, found.id!);
      origin = 'reused';
    } else {
      ws = await create(grafana, req);
      origin = 'created';
    }
  }
  ws = await waitActive(grafana, ws, req);
  if (origin !== 'created' && req.grafanaVersion && ws.grafanaVersion !== req.grafanaVersion) {
    // Never changed here: a version update is irreversible (AMG user guide, "Update your workspace version").
    req.log(`Grafana workspace ${ws.id} runs Grafana ${ws.grafanaVersion ?? '?'}; grafana-version ${req.grafanaVersion} applies only to a workspace the action creates (upgrade it in the AMG console)`);
  }
  if (origin === 'reused' && req.reusedRoleArn) {
    const wanted = await req.reusedRoleArn(ws.workspaceRoleArn);
    if (wanted && wanted !== ws.workspaceRoleArn) ws = await pointAtRole(grafana, ws, wanted, req);
  }
  if (req.admins.length > 0) await grantAdmins(grafana, ws.id!, req.admins, req.log);
  return { id: ws.id!, name: ws.name, url: workspaceUrl(ws.endpoint!), grafanaVersion: ws.grafanaVersion, origin };
}

/**
 * Points a workspace at another role (UpdateWorkspace keeps every parameter it is not given: AMG
 * API reference) and waits until it is ACTIVE again.
 */
async function pointAtRole(grafana: GrafanaClient, ws: WorkspaceDescription, roleArn: string, req: EnsureGrafanaRequest): Promise<WorkspaceDescription> {
  req.log(`Grafana workspace ${ws.id} uses role ${ws.workspaceRoleArn ?? '(none)'}; pointing it at ${roleArn}`);
  try {
    await grafana.send(new UpdateWorkspaceCommand({ workspaceId: ws.id, permissionType: 'CUSTOMER_MANAGED', workspaceRoleArn: roleArn }));
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana UpdateWorkspace', err), permissionFix(err, 'grafana:UpdateWorkspace and iam:PassRole on the workspace role'));
  }
  return waitActive(grafana, await describe(grafana, ws.id!), req);
}

/** Every workspace of the account (any owner) whose role is `roleArn`, except those named in `except`. */
export async function workspacesUsingRole(grafana: GrafanaClient, roleArn: string, except: string[] = []): Promise<string[]> {
  const ids: string[] = [];
  try {
    for await (const page of paginateListWorkspaces({ client: grafana, pageSize: 100 }, {})) {
      ids.push(...(page.workspaces ?? []).filter((w) => w.status !== 'DELETING' && !except.includes(w.id!)).map((w) => w.id!));
    }
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana ListWorkspaces', err), permissionFix(err, 'grafana:ListWorkspaces'));
  }
  // ListWorkspaces' summaries carry no role: DescribeWorkspace does (workspaceRoleArn).
  const described = await Promise.all(ids.map(async (id) => {
    try {
      return (await grafana.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
    } catch (err) {
      if (errorName(err) === 'ResourceNotFoundException') return undefined;
      throw new ActionError(describeAwsError(`Grafana DescribeWorkspace ${id}`, err), permissionFix(err, 'grafana:DescribeWorkspace'));
    }
  }));
  return described.filter((w) => w && w.status !== 'DELETING' && w.workspaceRoleArn === roleArn).map((w) => w!.id!);
}

/** The repository's Grafana workspace if there is one (any status), without creating anything. */
export async function findGrafanaWorkspace(grafana: GrafanaClient, req: { name: string; owner: Ownership; existingId?: string }): Promise<(GrafanaWorkspace & { status: string; tags: Record<string, string>; roleArn?: string }) | undefined> {
  let origin: GrafanaWorkspace['origin'] = 'given';
  let id = req.existingId;
  if (!id) {
    const found = await findByName(grafana, req.name, req.owner);
    if (!found) return undefined;
    id = found.id!;
    origin = 'reused';
  }
  const ws = await describe(grafana, id, req.existingId ? 'grafana-workspace-id' : undefined);
  return { id, name: ws.name, url: workspaceUrl(ws.endpoint!), grafanaVersion: ws.grafanaVersion, origin, status: ws.status ?? 'UNKNOWN', tags: ws.tags ?? {}, roleArn: ws.workspaceRoleArn };
}

/** Deletes the repository's shared workspace and waits until it is gone; refuses one whose tags are not this repository's. */
export async function deleteGrafanaWorkspace(grafana: GrafanaClient, ws: { id: string; tags: Record<string, string> }, owner: Ownership, opts: { deadline: number; log: (line: string) => void }): Promise<void> {
  if (!isOwnedBy(ws.tags, owner)) {
    throw new ActionError(`Grafana workspace ${ws.id} is not tagged as created by ecs-amp-action for ${owner.repository}; refusing to delete it.`,
      'Leave delete-grafana-workspace false for a workspace you passed with grafana-workspace-id.');
  }
  opts.log(`Deleting Grafana workspace ${ws.id}`);
  try {
    await grafana.send(new DeleteWorkspaceCommand({ workspaceId: ws.id }));
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return;
    throw new ActionError(describeAwsError('Grafana DeleteWorkspace', err), permissionFix(err, 'grafana:DeleteWorkspace'));
  }
  await pollUntil({
    what: `deletion of Grafana workspace ${ws.id}`, deadline: opts.deadline, log: opts.log, maxDelayMs: 20_000,
    // DeleteWorkspace was just accepted: a describe now could only say DELETING.
    justStarted: true,
    check: async () => {
      try {
        const out = await grafana.send(new DescribeWorkspaceCommand({ workspaceId: ws.id }));
        return { done: false, status: out.workspace?.status ?? 'UNKNOWN' };
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') return { done: true, value: undefined };
        throw new ActionError(describeAwsError('Grafana DescribeWorkspace', err), permissionFix(err, 'grafana:DescribeWorkspace'));
      }
    },
  });
}

/**
 * AMG names are not unique, so a name match counts only when its tags say the action created it
 * for this repository. A same-named workspace that is not ours is never adopted silently: it would
 * mix two teams' previews.
 */
async function findByName(grafana: GrafanaClient, name: string, owner: Ownership): Promise<WorkspaceSummary | undefined> {
  const matches: WorkspaceSummary[] = [];
  try {
    for await (const page of paginateListWorkspaces({ client: grafana, pageSize: 100 }, {})) {
      matches.push(...(page.workspaces ?? []).filter((w) => w.name === name && w.status !== 'DELETING'));
    }
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana ListWorkspaces', err), permissionFix(err, 'grafana:ListWorkspaces'));
  }
  const owned = matches.filter((w) => isOwnedBy(w.tags, owner)).sort((a, b) => (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0));
  if (owned.length > 0) return owned[0];
  if (matches.length > 0) {
    throw new ActionError(
      `An Amazon Managed Grafana workspace named '${name}' (${matches[0].id}) exists but is not tagged as created by ecs-amp-action for ${owner.repository}.`,
      `Pass grafana-workspace-id: ${matches[0].id} to use it deliberately, or choose another grafana-workspace-name.`,
    );
  }
  return undefined;
}

async function create(grafana: GrafanaClient, req: EnsureGrafanaRequest): Promise<WorkspaceDescription> {
  const roleArn = await req.roleArn();
  req.log(`Creating Grafana workspace '${req.name}' (${req.auth}, role ${roleArn}, Grafana ${req.grafanaVersion ?? 'AMG default'})`);
  try {
    const out = await grafana.send(new CreateWorkspaceCommand({
      workspaceName: req.name,
      workspaceDescription: `Preview environments of ${req.owner.repository} (ecs-amp-action)`,
      accountAccessType: 'CURRENT_ACCOUNT',
      authenticationProviders: [req.auth],
      // SERVICE_MANAGED only works from the console: through the API AWS creates no role for it.
      permissionType: 'CUSTOMER_MANAGED',
      workspaceRoleArn: roleArn,
      ...(req.grafanaVersion ? { grafanaVersion: req.grafanaVersion } : {}),
      clientToken: grafanaClientToken(req.owner, req.name),
      tags: req.tags,
    }));
    return out.workspace!;
  } catch (err) {
    if (errorName(err) === 'ValidationException' && /SSO is not enabled/i.test((err as Error).message)) {
      throw new ActionError(
        `Creating the Grafana workspace failed: grafana-auth is AWS_SSO but IAM Identity Center is not enabled for this account (${(err as Error).message}).`,
        'Enable IAM Identity Center (in the organization\'s management account or this account), or set grafana-auth: SAML, or set grafana: false.',
      );
    }
    throw new ActionError(describeAwsError('Grafana CreateWorkspace', err),
      permissionFix(err, 'grafana:CreateWorkspace, grafana:TagResource, iam:PassRole on the workspace role, and sso:* actions the AMG docs list for AWS_SSO'));
  }
}

async function describe(grafana: GrafanaClient, id: string, input?: string): Promise<WorkspaceDescription> {
  try {
    return (await grafana.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace!;
  } catch (err) {
    if (input && errorName(err) === 'ResourceNotFoundException') {
      throw new ActionError(`Input '${input}': Grafana workspace ${id} does not exist in this region.`, 'Check the id and aws-region, or leave the input empty to use the shared workspace.');
    }
    throw new ActionError(describeAwsError(`Grafana DescribeWorkspace ${id}`, err), permissionFix(err, 'grafana:DescribeWorkspace'));
  }
}

async function waitActive(grafana: GrafanaClient, first: WorkspaceDescription, req: EnsureGrafanaRequest): Promise<WorkspaceDescription> {
  let current: WorkspaceDescription | undefined = first;
  return pollUntil({
    what: `Grafana workspace ${first.id}`,
    deadline: req.deadline,
    log: req.log,
    expected: EXPECTED.grafanaActive,
    // Creation takes minutes; there is no point asking every second after the first few.
    maxDelayMs: 20_000,
    check: async () => {
      const ws = current ?? (await describe(grafana, first.id!));
      current = undefined;
      // A string, not the SDK's union: the installed client predates DEGRADED, which the current API model has.
      const status: string = ws.status ?? 'UNKNOWN';
      if (status === 'ACTIVE') return { done: true, value: ws };
      if (FAILED.has(status) || status === 'DELETING') {
        throw new ActionError(`Grafana workspace ${ws.id} is ${status}.`,
          status === 'DELETING' ? 'Wait for the deletion to finish, then re-run.' : 'Inspect the workspace in the AMG console; delete it and re-run to create a new one.');
      }
      if (status === 'DEGRADED') {
        // The API model's only word on DEGRADED is that degradedWorkspaceReason says why; nothing
        // says a degraded workspace recovers on its own, so waiting would only run to the deadline.
        const reason = (ws as { degradedWorkspaceReason?: string }).degradedWorkspaceReason;
        throw new ActionError(`Grafana workspace ${ws.id} is DEGRADED${reason ? `: ${reason}` : ''}.`,
          'AMG reports the reason in the workspace\'s details (AMG console, or aws grafana describe-workspace: degradedWorkspaceReason). Fix what it names (often the workspace role, its network or its license), then re-run.');
      }
      return { done: false, status };
    },
  });
}

/** UpdatePermissions answers 200 even when users are unknown: the failures are in errors[]. */
async function grantAdmins(grafana: GrafanaClient, workspaceId: string, admins: GrafanaAdmin[], log: (line: string) => void): Promise<void> {
  for (let i = 0; i < admins.length; i += 20) {
    const batch = admins.slice(i, i + 20);
    let errors;
    try {
      const out = await grafana.send(new UpdatePermissionsCommand({
        workspaceId,
        updateInstructionBatch: [{ action: 'ADD', role: 'ADMIN', users: batch.map((a) => ({ id: a.id, type: a.type })) }],
      }));
      errors = out.errors ?? [];
    } catch (err) {
      throw new ActionError(describeAwsError('Grafana UpdatePermissions', err), permissionFix(err, 'grafana:UpdatePermissions'));
    }
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.causedBy?.users?.map((u) => u.id).join(', ') ?? '?'}: ${e.message} (code ${e.code})`).join('; ');
      throw new ActionError(`Input 'grafana-admins': Grafana rejected some admins: ${detail}.`, 'Use user or group ids that exist in IAM Identity Center (Identity Store ids, not user names).');
    }
  }
  log(`Granted ADMIN on Grafana workspace ${workspaceId} to ${admins.length} user(s)/group(s)`);
}

/** The Grafana workspace's tags now; undefined when it is already gone (or going). */
export async function grafanaWorkspaceTags(grafana: GrafanaClient, id: string): Promise<Record<string, string> | undefined> {
  try {
    const ws = (await grafana.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
    return ws?.status === 'DELETING' ? undefined : ws?.tags ?? {};
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return undefined;
    throw new ActionError(describeAwsError(`Grafana DescribeWorkspace ${id}`, err), permissionFix(err, 'grafana:DescribeWorkspace'));
  }
}
