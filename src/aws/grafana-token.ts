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

/** One service account per workspace, shared by every run of the action (tokens are per run). */
export const SERVICE_ACCOUNT_NAME = 'ecs-amp-action';
const TOKEN_PREFIX = 'ecs-amp-action-run-';

export interface ApiToken {
  key: string;
  serviceAccountId: string;
  tokenId: string;
  name: string;
}

/**
 * Runs `use` with a short-lived Grafana API token and deletes the token afterwards, whether `use`
 * succeeded or not. API keys are deprecated since Grafana 9; service-account tokens are what AMG offers.
 */
export async function withGrafanaToken<T>(
  amg: AmgClient,
  workspaceId: string,
  opts: { runId?: string; ttlSeconds: number; log: (line: string) => void },
  use: (token: ApiToken) => Promise<T>,
): Promise<T> {
  const serviceAccountId = await ensureServiceAccount(amg, workspaceId, opts.log);
  // Tokens of runs that were killed before their cleanup expire on their own, but they still count
  // against Grafana's limits and clutter the console: remove the expired ones while we are here.
  const sweep = deleteExpiredTokens(amg, workspaceId, serviceAccountId, opts.log);
  const token = await createToken(amg, workspaceId, serviceAccountId, opts);
  try {
    return await use(token);
  } finally {
    await sweep;
    await deleteToken(amg, workspaceId, token, opts.log);
  }
}

async function ensureServiceAccount(amg: AmgClient, workspaceId: string, log: (line: string) => void): Promise<string> {
  const existing = await findServiceAccount(amg, workspaceId);
  if (existing) return existing;
  try {
    const out = await amg.send(new CreateWorkspaceServiceAccountCommand({ workspaceId, name: SERVICE_ACCOUNT_NAME, grafanaRole: 'ADMIN' }));
    log(`Created Grafana service account '${SERVICE_ACCOUNT_NAME}' (id ${out.id}, Admin) in ${workspaceId}`);
    return out.id!;
  } catch (err) {
    // Another run created it between our list and our create.
    if (errorName(err) === 'ConflictException') {
      const raced = await findServiceAccount(amg, workspaceId);
      if (raced) return raced;
    }
    throw new ActionError(describeAwsError('Grafana CreateWorkspaceServiceAccount', err),
      permissionFix(err, 'grafana:CreateWorkspaceServiceAccount') ?? 'Service accounts need Grafana 9 or later: upgrade the workspace.');
  }
}

async function findServiceAccount(amg: AmgClient, workspaceId: string): Promise<string | undefined> {
  try {
    for await (const page of paginateListWorkspaceServiceAccounts({ client: amg }, { workspaceId })) {
      const found = page.serviceAccounts?.find((sa) => sa.name === SERVICE_ACCOUNT_NAME);
      if (found) return found.id;
    }
    return undefined;
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana ListWorkspaceServiceAccounts', err), permissionFix(err, 'grafana:ListWorkspaceServiceAccounts'));
  }
}

async function createToken(amg: AmgClient, workspaceId: string, serviceAccountId: string,
  opts: { runId?: string; ttlSeconds: number; log: (line: string) => void }): Promise<ApiToken> {
  const name = `${TOKEN_PREFIX}${opts.runId ?? 'local'}-${randomBytes(3).toString('hex')}`;
  try {
    const out = await amg.send(new CreateWorkspaceServiceAccountTokenCommand({
      workspaceId, serviceAccountId, name, secondsToLive: opts.ttlSeconds,
    }));
    const key = out.serviceAccountToken!.key!;
    holdSecret(key);
    opts.log(`Created Grafana API token '${name}' (expires in ${Math.round(opts.ttlSeconds / 60)} min; deleted when this step ends)`);
    return { key, serviceAccountId, tokenId: out.serviceAccountToken!.id!, name };
  } catch (err) {
    throw new ActionError(describeAwsError('Grafana CreateWorkspaceServiceAccountToken', err), permissionFix(err, 'grafana:CreateWorkspaceServiceAccountToken'));
  }
}

/** Never throws: the token expires anyway, and a failed delete must not hide the step's real error. */
async function deleteToken(amg: AmgClient, workspaceId: string, token: ApiToken, log: (line: string) => void): Promise<void> {
  try {
    await amg.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId: token.serviceAccountId, tokenId: token.tokenId }));
    log(`Deleted Grafana API token '${token.name}'`);
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return;
    core.warning(`Could not delete Grafana API token '${token.name}' (it expires on its own): ${describeAwsError('DeleteWorkspaceServiceAccountToken', err)}`);
  }
}

async function deleteExpiredTokens(amg: AmgClient, workspaceId: string, serviceAccountId: string, log: (line: string) => void): Promise<void> {
  try {
    const expired: string[] = [];
    for await (const page of paginateListWorkspaceServiceAccountTokens({ client: amg }, { workspaceId, serviceAccountId })) {
      for (const t of page.serviceAccountTokens ?? []) {
        if (t.name?.startsWith(TOKEN_PREFIX) && t.expiresAt && t.expiresAt.getTime() < Date.now()) expired.push(t.id!);
      }
    }
    await Promise.all(expired.map((tokenId) => amg.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId, tokenId }))));
    if (expired.length) log(`Deleted ${expired.length} expired Grafana API token(s) left by earlier runs`);
  } catch (err) {
    // Harmless for this step, but a role that may never sweep them lets killed runs' tokens pile up.
    const denied = /AccessDenied/.test(errorName(err) ?? '');
    (denied ? core.warning : core.debug)(`Sweeping expired Grafana tokens failed (harmless for this step): ${describeAwsError('expired-token sweep', err)}`);
  }
}
