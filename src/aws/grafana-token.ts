import * as core from '@actions/core';
import {
  CreateWorkspaceServiceAccountCommand,
  CreateWorkspaceServiceAccountTokenCommand,
  DeleteWorkspaceServiceAccountTokenCommand,
  GrafanaClient as AmgClient,
  paginateListWorkspaceServiceAccounts,
  paginateListWorkspaceServiceAccountTokens,
} from '@aws-sdk/client-grafana';
import { randomBytes } from 'node:crypto';
import { ActionError, describeAwsError, errorName, permissionFix } from '../util/errors';
import { holdSecret } from '../util/secrets';
import { readStepState, saveStepState } from '../github/step-state';
import { repositoryHash } from '../tags';

/** One service account per workspace, shared by every run of the action (tokens are per run). */
export const SERVICE_ACCOUNT_NAME = 'ecs-amp-action';
const TOKEN_PREFIX = 'ecs-amp-action-run-';

export interface ApiToken {
  key: string;
  serviceAccountId: string;
  tokenId: string;
  name: string;
}

/** The run a token belongs to: its name says so, so a later run can tell a finished run's token. */
export interface TokenOwner {
  repository: string;
  runId?: string;
  runAttempt?: string;
}

/** `ecs-amp-action-run-<repo hash>-<run id>-<attempt>-<random>`: well inside the API's 128 characters. */
export function tokenName(owner: TokenOwner, random = randomBytes(3).toString('hex')): string {
  return `${TOKEN_PREFIX}${repositoryHash(owner.repository)}-${owner.runId || 'local'}-${owner.runAttempt || '1'}-${random}`;
}

export function parseTokenName(name: string): { repositoryHash: string; runId: string; runAttempt: string } | undefined {
  const m = /^ecs-amp-action-run-([0-9a-f]{8})-(\d+)-(\d+)-[0-9a-f]+$/.exec(name);
  return m ? { repositoryHash: m[1], runId: m[2], runAttempt: m[3] } : undefined;
}

/** Asks whether a run attempt has finished: true, false, or undefined when it cannot tell. */
export type RunCompleted = (runId: string, runAttempt: string) => Promise<boolean | undefined>;

export interface TokenOptions {
  /** Default: this job's repository, run id and attempt (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT). */
  owner?: TokenOwner;
  /** Overrides owner.runId (older callers pass only this). */
  runId?: string;
  ttlSeconds: number;
  log: (line: string) => void;
  /** Called once the token exists, before it is used: the post step deletes it if this step is killed. */
  onCreated?: (token: ApiToken) => void;
  /** Called once the token is deleted (or found gone). */
  onDeleted?: () => void;
  /** Enables the sweep of tokens left by finished runs of this repository. */
  runCompleted?: RunCompleted;
}

/**
 * Runs `use` with a short-lived Grafana API token and deletes the token afterwards, whether `use`
 * succeeded or not. API keys are deprecated since Grafana 9; service-account tokens are what AMG offers.
 */
export async function withGrafanaToken<T>(
  amg: AmgClient,
  workspaceId: string,
  opts: TokenOptions,
  use: (token: ApiToken) => Promise<T>,
): Promise<T> {
  opts = { ...opts, owner: ownerOf(opts) };
  const serviceAccountId = await ensureServiceAccount(amg, workspaceId, opts.log);
  // Tokens of runs that were killed before their cleanup (and before their post step) live on until
  // they expire, Admin tokens all: remove the expired ones and those of finished runs while we are here.
  const sweep = deleteStaleTokens(amg, workspaceId, serviceAccountId, opts);
  const token = await createToken(amg, workspaceId, serviceAccountId, opts);
  // Saved for the post step (src/post.ts) before the token is used: a step killed from here on
  // leaves a token the post step deletes. Never the key: the post step needs only the ids.
  saveTokenState({ workspaceId, region: await amg.config.region(), serviceAccountId, tokenId: token.tokenId, name: token.name });
  opts.onCreated?.(token);
  try {
    return await use(token);
  } finally {
    await sweep;
    if (await deleteToken(amg, workspaceId, token, opts.log)) {
      // Later entries of the state file win: the post step then finds nothing to do.
      saveTokenState(undefined);
      opts.onDeleted?.();
    }
  }
}

function ownerOf(opts: TokenOptions): TokenOwner {
  const owner = opts.owner ?? { repository: process.env.GITHUB_REPOSITORY ?? '', runId: process.env.GITHUB_RUN_ID, runAttempt: process.env.GITHUB_RUN_ATTEMPT };
  return { ...owner, runId: opts.runId ?? owner.runId };
}

/** What the post step needs to delete a token this step created: where it is, never its key. */
export interface SavedToken {
  workspaceId: string;
  region: string;
  serviceAccountId: string;
  tokenId: string;
  name: string;
}

/** The name of the action state (GITHUB_STATE) that holds the token the post step must delete. */
export const TOKEN_STATE = 'grafanaToken';

function saveTokenState(saved: SavedToken | undefined): void {
  saveStepState(TOKEN_STATE, saved);
}

/** The token the main step saved and did not delete, or undefined. */
export function readTokenState(): SavedToken | undefined {
  return readStepState(TOKEN_STATE, (value) => {
    const saved = value as Partial<SavedToken>;
    const ok = ['workspaceId', 'region', 'serviceAccountId', 'tokenId', 'name'].every((k) => typeof saved[k as keyof SavedToken] === 'string');
    return ok ? saved as SavedToken : undefined;
  });
}

async function ensureServiceAccount(amg: AmgClient, workspaceId: string, log: (line: string) => void): Promise<string> {
  const existing = await findServiceAccount(amg, workspaceId);
  if (existing) return usable(existing, workspaceId);
  try {
    const out = await amg.send(new CreateWorkspaceServiceAccountCommand({ workspaceId, name: SERVICE_ACCOUNT_NAME, grafanaRole: 'ADMIN' }));
    log(`Created Grafana service account '${SERVICE_ACCOUNT_NAME}' (id ${out.id}, Admin) in ${workspaceId}`);
    return out.id!;
  } catch (err) {
    // Another run created it between our list and our create.
    if (errorName(err) === 'ConflictException') {
      const raced = await findServiceAccount(amg, workspaceId);
      if (raced) return usable(raced, workspaceId);
    }
    throw new ActionError(describeAwsError('Grafana CreateWorkspaceServiceAccount', err),
      permissionFix(err, 'grafana:CreateWorkspaceServiceAccount') ?? 'Service accounts need Grafana 9 or later: upgrade the workspace.');
  }
}

export interface ListedServiceAccount {
  id: string;
  grafanaRole?: string;
  /** The AMG API returns it as a string: "true" or "false" (ServiceAccountSummary.isDisabled). */
  isDisabled?: string;
}

/**
 * The account a previous run (or a person) left is used only as the action needs it: enabled, and
 * Admin (data sources need Admin). The AMG API can neither enable a service account (the model
 * says that is done in the console) nor change its role (there is no UpdateWorkspaceServiceAccount),
 * and deleting one a person disabled or demoted would undo their decision and every token of it:
 * so the step fails and says what to do, instead of failing later with a 401 or 403 from Grafana.
 */
export function usable(sa: ListedServiceAccount, workspaceId: string): string {
  const disabled = String(sa.isDisabled).toLowerCase() === 'true';
  const role = sa.grafanaRole ?? 'unknown';
  if (!disabled && role === 'ADMIN') return sa.id;
  const what = [disabled ? 'disabled' : '', role !== 'ADMIN' ? `has the Grafana role ${role}, not ADMIN` : ''].filter(Boolean).join(' and ');
  throw new ActionError(
    `The Grafana service account '${SERVICE_ACCOUNT_NAME}' (id ${sa.id}) in workspace ${workspaceId} is ${what}; the action cannot use it.`,
    `${disabled ? 'Enable it in the workspace (Administration → Service accounts)' : 'Give it the Admin role in the workspace (Administration → Service accounts)'}, or delete it (aws grafana delete-workspace-service-account --workspace-id ${workspaceId} --service-account-id ${sa.id}) so the next run creates it again with the Admin role.`,
  );
}

async function findServiceAccount(amg: AmgClient, workspaceId: string): Promise<ListedServiceAccount | undefined> {
  try {
    for await (const page of paginateListWorkspaceServiceAccounts({ client: amg }, { workspaceId })) {
      const found = page.serviceAccounts?.find((sa) => sa.name === SERVICE_ACCOUNT_NAME);
      if (found) return { id: found.id!, grafanaRole: found.grafanaRole, isDisabled: found.isDisabled };
    }
    return undefined;
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana ListWorkspaceServiceAccounts', err), permissionFix(err, 'grafana:ListWorkspaceServiceAccounts'));
  }
}

async function createToken(amg: AmgClient, workspaceId: string, serviceAccountId: string, opts: TokenOptions): Promise<ApiToken> {
  const name = tokenName(opts.owner!);
  try {
    const out = await amg.send(new CreateWorkspaceServiceAccountTokenCommand({
      workspaceId, serviceAccountId, name, secondsToLive: opts.ttlSeconds,
    }));
    const key = out.serviceAccountToken!.key!;
    holdSecret(key);
    opts.log(`Created Grafana API token '${name}' (expires in ${(opts.ttlSeconds / 60).toFixed(opts.ttlSeconds < 600 ? 1 : 0)} min; deleted when this step ends, or by its post step)`);
    return { key, serviceAccountId, tokenId: out.serviceAccountToken!.id!, name };
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana CreateWorkspaceServiceAccountToken', err), permissionFix(err, 'grafana:CreateWorkspaceServiceAccountToken'));
  }
}

/** Never throws: the token expires anyway, and a failed delete must not hide the step's real error. True when the token is gone. */
export async function deleteToken(amg: AmgClient, workspaceId: string, token: Pick<ApiToken, 'serviceAccountId' | 'tokenId' | 'name'>,
  log: (line: string) => void): Promise<boolean> {
  try {
    await amg.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId: token.serviceAccountId, tokenId: token.tokenId }));
    log(`Deleted Grafana API token '${token.name}'`);
    return true;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return true;
    core.warning(`Could not delete Grafana API token '${token.name}' (it expires on its own): ${describeAwsError('DeleteWorkspaceServiceAccountToken', err)}`);
    return false;
  }
}

/** At most this many runs are asked about per sweep: a backlog is worked off over a few runs, never holding one. */
const MAX_RUN_LOOKUPS = 10;

interface ListedToken {
  id: string;
  name: string;
  expiresAt?: Date;
}

/**
 * Which of the service account's tokens to delete: expired ones of the action, and this
 * repository's tokens of other runs that GitHub says have completed. The current run's own tokens
 * and other repositories' are never touched (their runs are not ours to ask about).
 */
export async function staleTokens(tokens: ListedToken[], owner: TokenOwner, now: number, runCompleted?: RunCompleted): Promise<ListedToken[]> {
  const mine = repositoryHash(owner.repository);
  const stale: ListedToken[] = [];
  const runs = new Map<string, ListedToken[]>();
  for (const t of tokens) {
    if (!t.name.startsWith(TOKEN_PREFIX)) continue;
    if (t.expiresAt && t.expiresAt.getTime() < now) {
      stale.push(t);
      continue;
    }
    const parsed = parseTokenName(t.name);
    if (!parsed || parsed.repositoryHash !== mine) continue;
    if (parsed.runId === owner.runId && parsed.runAttempt === (owner.runAttempt || '1')) continue;
    const key = `${parsed.runId}/${parsed.runAttempt}`;
    runs.set(key, [...(runs.get(key) ?? []), t]);
  }
  if (runCompleted) {
    const asked = [...runs.entries()].slice(0, MAX_RUN_LOOKUPS);
    const answers = await Promise.all(asked.map(([key]) => runCompleted(...(key.split('/') as [string, string])).catch(() => undefined)));
    asked.forEach(([, list], i) => {
      if (answers[i] === true) stale.push(...list);
    });
  }
  return stale;
}

async function deleteStaleTokens(amg: AmgClient, workspaceId: string, serviceAccountId: string, opts: TokenOptions): Promise<void> {
  try {
    const listed: ListedToken[] = [];
    for await (const page of paginateListWorkspaceServiceAccountTokens({ client: amg }, { workspaceId, serviceAccountId })) {
      for (const t of page.serviceAccountTokens ?? []) if (t.id && t.name) listed.push({ id: t.id, name: t.name, expiresAt: t.expiresAt });
    }
    const stale = await staleTokens(listed, opts.owner!, Date.now(), opts.runCompleted);
    await Promise.all(stale.map((t) => amg.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId, tokenId: t.id }))
      .catch((err: unknown) => {
        if (errorName(err) !== 'ResourceNotFoundException') throw err;
      })));
    if (stale.length) opts.log(`Deleted ${stale.length} Grafana API token(s) left by earlier runs (expired, or of finished runs of this repository)`);
  } catch (err) {
    // Harmless for this step, but a role that may never sweep them lets killed runs' tokens pile up.
    const denied = /AccessDenied/.test(errorName(err) ?? '');
    (denied ? core.warning : core.debug)(`Sweeping stale Grafana tokens failed (harmless for this step): ${describeAwsError('stale-token sweep', err)}`);
  }
}
