import {
  AmpClient,
  CreateWorkspaceCommand,
  DeleteWorkspaceCommand,
  DescribeWorkspaceCommand,
  WorkspaceDescription,
  WorkspaceSummary,
  paginateListWorkspaces,
} from '@aws-sdk/client-amp';
import { createHash } from 'node:crypto';
import { describeOwner, isOwnedBy, Ownership, ownershipProblem, TAG_ENVIRONMENT, TAG_MANAGED_BY, TAG_PR, TAG_REPOSITORY, MANAGED_BY } from '../tags';
import { ActionError, describeAwsError, errorName, permissionFix as fixFor } from '../util/errors';
import { EXPECTED, pollUntil } from '../util/poll';

export interface AmpWorkspace {
  id: string;
  arn: string;
  alias?: string;
  /** Ends with a slash, as AMP returns it: …/workspaces/ws-…/api/v1/ */
  prometheusEndpoint: string;
  /** created: by this run; reused: found by alias and ownership tags; given: named by amp-workspace-id. */
  origin: 'created' | 'reused' | 'given';
}

export interface EnsureAmpRequest {
  alias: string;
  owner: Ownership;
  tags: Record<string, string>;
  existingId?: string;
  deadline: number;
  log: (line: string) => void;
}

export function ampUrls(endpoint: string) {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  return { endpoint: base, remoteWrite: `${base}remote_write`, query: `${base}query` };
}

/**
 * The same job re-run, or two runs racing, must land on one workspace: the token is derived from
 * what identifies the environment, so AMP's idempotency collapses concurrent creates.
 */
export function ampClientToken(owner: Ownership, alias: string, skippedIds: string[] = []): string {
  // A workspace that failed to create, or was deleted, would be handed back for the same token;
  // folding those ids in gives the next attempt a new token that racing runs still agree on.
  const failed = [...skippedIds].sort().join(',');
  return createHash('sha256').update(`ecs-amp-action|${owner.repository}|${owner.environment ?? ''}|${alias}|${failed}`).digest('hex').slice(0, 64);
}

/** A workspace as find-or-create left it: its status then, so the wait can skip a describe it already has. */
export type StartedAmpWorkspace = AmpWorkspace & { status: string };

/**
 * Finds this environment's workspace (or the given one), or creates it, and returns as soon as AMP gives its id, ARN
 * and endpoint: CreateWorkspace answers with them while the workspace is still CREATING, and a stack that only names
 * the ARN need not wait for ACTIVE (waitAmpActive does that for what queries or writes to it).
 */
export async function findOrCreateAmpWorkspace(amp: AmpClient, req: Omit<EnsureAmpRequest, 'deadline'>): Promise<StartedAmpWorkspace> {
  if (req.existingId) {
    const ws = await describe(amp, req.existingId, 'amp-workspace-id');
    return started(ws, 'given');
  }
  const { found, failedIds } = await findOwnedWorkspace(amp, req.alias, req.owner);
  if (found) {
    req.log(`Reusing AMP workspace ${found.workspaceId} (alias '${req.alias}', status ${found.status?.statusCode})`);
    return started(await describe(amp, found.workspaceId!), 'reused');
  }
  if (failedIds.length > 0) req.log(`Ignoring AMP workspace(s) that failed to create: ${failedIds.join(', ')}`);
  req.log(`Creating AMP workspace with alias '${req.alias}'`);
  // A client token is replayed for hours: after destroy, the same environment's token can answer
  // with the workspace that was deleted. Such an id is folded into the next token, which racing
  // runs derive identically, so they still converge on one new workspace.
  const skipped = [...failedIds];
  for (let attempt = 1; ; attempt++) {
    let id: string;
    try {
      const out = await amp.send(new CreateWorkspaceCommand({
        alias: req.alias,
        clientToken: ampClientToken(req.owner, req.alias, skipped),
        tags: req.tags,
      }));
      id = out.workspaceId!;
    } catch (err) {
      throw new ActionError(describeAwsError('AMP CreateWorkspace', err), fixFor(err, 'aps:CreateWorkspace and aps:TagResource'));
    }
    const ws = await describeIfExists(amp, id);
    if (ws && ws.status?.statusCode !== 'DELETING') return started(ws, 'created');
    if (attempt >= 10) {
      throw new ActionError(`AMP CreateWorkspace kept answering with deleted workspaces (${[...skipped, id].join(', ')}).`, 'Re-run in a few minutes.');
    }
    req.log(`AMP answered with workspace ${id}, which was deleted (an earlier environment of the same name); creating a new one`);
    skipped.push(id);
  }
}

/** Waits until the workspace find-or-create returned is ACTIVE; a CREATION_FAILED or DELETING one fails with its fix. */
export async function waitAmpActive(amp: AmpClient, ws: Pick<StartedAmpWorkspace, 'id' | 'status'>, req: { deadline: number; log: (line: string) => void }): Promise<void> {
  if (ws.status === 'ACTIVE') return;
  // ws.status was read a moment ago (the workspace was just created or found): a describe now could only repeat it.
  await waitActive(amp, ws.id, req, { justStarted: true });
}

function started(ws: WorkspaceDescription, origin: AmpWorkspace['origin']): StartedAmpWorkspace {
  return { ...toWorkspace(ws, origin), status: ws.status?.statusCode ?? 'UNKNOWN' };
}

async function describeIfExists(amp: AmpClient, id: string): Promise<WorkspaceDescription | undefined> {
  try {
    return (await amp.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return undefined;
    throw new ActionError(describeAwsError(`AMP DescribeWorkspace ${id}`, err), fixFor(err, 'aps:DescribeWorkspace'));
  }
}

/**
 * ListWorkspaces filters aliases by prefix and aliases are not unique, so the match is exact and
 * ownership comes from the tags; a same-named workspace that is not ours is never adopted.
 */
export async function findOwnedWorkspace(amp: AmpClient, alias: string, owner: Ownership): Promise<{ found?: WorkspaceSummary; failedIds: string[] }> {
  const candidates: WorkspaceSummary[] = [];
  const failedIds: string[] = [];
  try {
    for await (const page of paginateListWorkspaces({ client: amp, pageSize: 1000 }, { alias })) {
      for (const ws of page.workspaces ?? []) {
        if (ws.alias !== alias || !isOwnedBy(ws.tags, owner)) continue;
        const status = ws.status?.statusCode;
        if (status === 'CREATION_FAILED') failedIds.push(ws.workspaceId!);
        else if (status !== 'DELETING') candidates.push(ws);
      }
    }
  } catch (err) {
    throw new ActionError(describeAwsError('AMP ListWorkspaces', err), fixFor(err, 'aps:ListWorkspaces'));
  }
  return { found: pickPreferred(candidates), failedIds };
}

/** ACTIVE before anything still being created; among equals, the oldest, so every run picks the same one. */
export function pickPreferred(candidates: WorkspaceSummary[]): WorkspaceSummary | undefined {
  const rank = (ws: WorkspaceSummary) => (ws.status?.statusCode === 'ACTIVE' ? 0 : 1);
  return [...candidates].sort((a, b) =>
    rank(a) - rank(b) || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || a.workspaceId!.localeCompare(b.workspaceId!))[0];
}

/** DescribeWorkspace; `input` names the input the id came from, for a clear error when it does not exist. */
export const describeAmpWorkspace = (amp: AmpClient, id: string, input?: string) => describe(amp, id, input);

async function describe(amp: AmpClient, id: string, input?: string): Promise<WorkspaceDescription> {
  try {
    const out = await amp.send(new DescribeWorkspaceCommand({ workspaceId: id }));
    return out.workspace!;
  } catch (err) {
    if (input && errorName(err) === 'ResourceNotFoundException') {
      throw new ActionError(`Input '${input}': AMP workspace ${id} does not exist in this region.`, 'Check the id and aws-region, or leave the input empty to have the action create a workspace.');
    }
    throw new ActionError(describeAwsError(`AMP DescribeWorkspace ${id}`, err), fixFor(err, 'aps:DescribeWorkspace'));
  }
}

async function waitActive(amp: AmpClient, id: string, req: { deadline: number; log: (line: string) => void }, opts: { justStarted?: boolean } = {}): Promise<WorkspaceDescription> {
  return pollUntil({
    what: `AMP workspace ${id}`,
    deadline: req.deadline,
    log: req.log,
    expected: EXPECTED.ampActive,
    justStarted: opts.justStarted,
    check: async () => {
      const ws = await describe(amp, id);
      const status = ws.status?.statusCode ?? 'UNKNOWN';
      if (status === 'ACTIVE') return { done: true, value: ws };
      if (status === 'CREATION_FAILED' || status === 'DELETING') {
        throw new ActionError(
          `AMP workspace ${ws.workspaceId} is ${status}.`,
          status === 'DELETING' ? 'Wait for the deletion to finish, then re-run to create a new workspace.' : 'Re-run to create a new workspace (the failed one is skipped; delete it when convenient), and check AMP quotas in Service Quotas.',
        );
      }
      return { done: false, status };
    },
  });
}

function toWorkspace(ws: WorkspaceDescription, origin: AmpWorkspace['origin']): AmpWorkspace {
  return { id: ws.workspaceId!, arn: ws.arn!, alias: ws.alias, prometheusEndpoint: ampUrls(ws.prometheusEndpoint!).endpoint, origin };
}

export interface OwnedAmpWorkspace {
  id: string;
  environment: string;
  prNumber?: number;
  status: string;
  createdAt?: Date;
}

/** Every workspace the action created for this repository, whatever its environment (cleanup's view). */
export async function listRepositoryWorkspaces(amp: AmpClient, repository: string): Promise<OwnedAmpWorkspace[]> {
  const found: OwnedAmpWorkspace[] = [];
  try {
    for await (const page of paginateListWorkspaces({ client: amp, pageSize: 1000 }, {})) {
      for (const ws of page.workspaces ?? []) {
        const tags = ws.tags ?? {};
        if (tags[TAG_MANAGED_BY] !== MANAGED_BY || tags[TAG_REPOSITORY] !== repository || !tags[TAG_ENVIRONMENT]) continue;
        found.push({
          id: ws.workspaceId!, environment: tags[TAG_ENVIRONMENT], status: ws.status?.statusCode ?? 'UNKNOWN', createdAt: ws.createdAt,
          prNumber: /^\d+$/.test(tags[TAG_PR] ?? '') ? Number(tags[TAG_PR]) : undefined,
        });
      }
    }
  } catch (err) {
    throw new ActionError(describeAwsError('AMP ListWorkspaces', err), fixFor(err, 'aps:ListWorkspaces'));
  }
  return found;
}

/**
 * Deletes the environment's workspaces (every one its tags name, failed creations included) and
 * waits until they are gone. A workspace named by amp-workspace-id is the user's and is never
 * passed here. Returns the ids deleted.
 */
export async function deleteEnvironmentWorkspaces(amp: AmpClient, req: { owner: Ownership; known?: string[]; deadline: number; log: (line: string) => void }): Promise<string[]> {
  // `known`: ids the caller found by the same ownership tags a moment ago (cleanup lists them all once).
  const mine = req.known
    ? req.known.map((id) => ({ id, status: 'UNKNOWN' }))
    : (await listRepositoryWorkspaces(amp, req.owner.repository)).filter((w) => w.environment === req.owner.environment);
  await Promise.all(mine.map(async (ws) => {
    if (ws.status !== 'DELETING') {
      req.log(`Deleting AMP workspace ${ws.id} (${ws.status})`);
      try {
        await amp.send(new DeleteWorkspaceCommand({ workspaceId: ws.id, clientToken: `ecs-amp-action-delete-${ws.id}`.slice(0, 64) }));
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') return;
        throw new ActionError(describeAwsError(`AMP DeleteWorkspace ${ws.id}`, err), fixFor(err, 'aps:DeleteWorkspace'));
      }
    }
    await pollUntil({
      what: `deletion of AMP workspace ${ws.id}`, deadline: req.deadline, log: req.log, expected: EXPECTED.ampDeleted,
      // Just asked to delete (or listed as DELETING a moment ago): the first check waits one interval.
      justStarted: true,
      check: async () => {
        const current = await describeIfExists(amp, ws.id);
        return current ? { done: false, status: current.status?.statusCode ?? 'UNKNOWN' } : { done: true, value: undefined };
      },
    });
  }));
  return mine.map((w) => w.id);
}

/**
 * False when the workspace is already gone (or going); throws when its tags no longer make it this environment's. AMP's
 * DescribeWorkspace returns the workspace's tags (AMP API Reference, WorkspaceDescription `tags`).
 */
export async function ampWorkspaceIsOurs(amp: AmpClient, id: string, owner: Ownership): Promise<boolean> {
  let tags: Record<string, string> | undefined;
  try {
    const ws = (await amp.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
    // Already going (another run's delete): nothing left for this one to do.
    if (ws?.status?.statusCode === 'DELETING') return false;
    tags = ws?.tags;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return false;
    throw new ActionError(describeAwsError(`AMP DescribeWorkspace ${id}`, err), fixFor(err, 'aps:DescribeWorkspace'));
  }
  const problem = ownershipProblem(tags, owner);
  if (problem) {
    throw new ActionError(`AMP workspace ${id} is not this run's to delete: ${problem} (it carries ${describeOwner(tags)}). Nothing was changed.`,
      'Its tags changed after the action listed it; check who re-tagged it, and delete it by hand if it is really unused.');
  }
  return true;
}
