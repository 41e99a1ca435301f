import * as core from '@actions/core';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { ActionError, describeAwsError, errorName } from '../util/errors';
import { holdSecret } from '../util/secrets';
import { clientConfig } from './clients';
import { decodeTokenClaims, explainWebIdentityDenial, WebIdentityDenial } from './oidc-claims';
import { info } from '../util/log';

/**
 * STS answers InvalidIdentityToken "Couldn't retrieve verification key from your identity
 * provider…" when it cannot fetch GitHub's JWKS in time: transient, and retried by
 * aws-actions/configure-aws-credentials too. Every other InvalidIdentityToken is final.
 */
const KEY_RETRIEVAL = /couldn't retrieve verification key/i;
/** STS's API reference calls IDPCommunicationError transient too and says to retry it a limited number of times. */
const IDP_UNREACHABLE = /^IDPCommunicationError(Exception)?$/;
/** Waits before each retry of the transient error: 1 + 2 + 4 s stays well inside the token's five minutes. */
const KEY_RETRIEVAL_BACKOFF_MS = [1000, 2000, 4000];

export interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  audience: string;
  region: string;
  /** For the error message: a fork PR never gets an OIDC token. */
  fromFork: boolean;
}

/**
 * Exchanges the job's GitHub OIDC token for role credentials. Every secret is masked before
 * anything could print it. Without role-to-assume, main() leaves credentials to the SDK's default
 * chain so the action composes with aws-actions/configure-aws-credentials.
 */
export async function assumeRoleWithOidc(req: AssumeRoleRequest): Promise<AwsCredentialIdentity> {
  const token = await requestOidcToken(req.audience, req.fromFork);
  holdSecret(token);
  // Evaluated only when a role is assumed: runs on configure-aws-credentials' keys never pay for it.
  const { AssumeRoleWithWebIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient(clientConfig(req.region));
  const input = { RoleArn: req.roleArn, RoleSessionName: req.sessionName, DurationSeconds: req.durationSeconds, WebIdentityToken: token };
  try {
    const out = await withKeyRetrievalRetries(() => sts.send(new AssumeRoleWithWebIdentityCommand(input)));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new ActionError('STS AssumeRoleWithWebIdentity returned no credentials.');
    }
    holdSecret(c.AccessKeyId);
    holdSecret(c.SecretAccessKey);
    holdSecret(c.SessionToken);
    info(`Assumed ${out.AssumedRoleUser?.Arn ?? req.roleArn} until ${c.Expiration?.toISOString() ?? 'unknown'}`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  } catch (err) {
    if (err instanceof ActionError) throw err;
    const what = describeAwsError(`Assuming ${req.roleArn} with the GitHub OIDC token`, err);
    const denial = denialKind(err);
    if (!denial) throw new ActionError(what, assumeRoleFix(err));
    const { details, fix } = explainWebIdentityDenial(denial, req.roleArn, decodeTokenClaims(token), req.audience);
    throw new ActionError(`${what}\n${details}`, fix);
  } finally {
    sts.destroy();
  }
}

const OIDC_TIMEOUT_MS = 30_000;

async function requestOidcToken(audience: string, fromFork: boolean): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(
      fromFork
        ? 'This pull request comes from a fork, and GitHub gives fork PRs no OIDC token, so role-to-assume cannot be used.'
        : 'role-to-assume is set, but the job has no GitHub OIDC token.',
      fromFork
        ? 'Run the privileged steps from a workflow GitHub trusts: a `pull_request_target` workflow (check out the PR head only for building, never run its code with credentials) or a `workflow_run` workflow triggered by the unprivileged PR build.'
        : 'Give the job `permissions: id-token: write` (and `contents: read`).',
    );
  }
  try {
    // The toolkit's HTTP client sets no socket timeout: a token service that never answers would hold the step.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${OIDC_TIMEOUT_MS / 1000} s`)), OIDC_TIMEOUT_MS);
    });
    return await Promise.race([core.getIDToken(audience), timeout]).finally(() => clearTimeout(timer));
  } catch (err) {
    throw new ActionError(
      `Requesting the GitHub OIDC token for audience '${audience}' failed: ${(err as Error).message}`,
      'Check that the job has `permissions: id-token: write`.',
    );
  }
}

async function withKeyRetrievalRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const name = errorName(err) ?? '';
      const transient = IDP_UNREACHABLE.test(name) || (/^InvalidIdentityToken(Exception)?$/.test(name) && KEY_RETRIEVAL.test((err as Error).message ?? ''));
      if (!transient || attempt >= KEY_RETRIEVAL_BACKOFF_MS.length) throw err;
      info(`STS could not fetch GitHub's OIDC signing keys (attempt ${attempt + 1}); retrying in ${KEY_RETRIEVAL_BACKOFF_MS[attempt] / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, KEY_RETRIEVAL_BACKOFF_MS[attempt]));
    }
  }
}

/** Denials a trust policy or the IAM OIDC provider explains; the token's claims say what to change. */
function denialKind(err: unknown): WebIdentityDenial | undefined {
  const name = errorName(err) ?? '';
  const message = (err as Error).message ?? '';
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || /^IDPRejectedClaim(Exception)?$/.test(name)) return 'trust';
  if (/^InvalidIdentityToken(Exception)?$/.test(name)) {
    if (/audience/i.test(message)) return 'audience';
    if (/No OpenIDConnect provider found/i.test(message)) return 'provider';
  }
  return undefined;
}

/** For the failures denialKind() leaves: tokens STS could not use, and bad requests. */
function assumeRoleFix(err: unknown): string {
  switch ((err as { name?: string }).name) {
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
    case 'ExpiredTokenException':
    case 'IDPCommunicationError':
    case 'IDPCommunicationErrorException':
      return 'Check that the IAM OIDC identity provider for token.actions.githubusercontent.com exists in the role\'s account with the audience input among its audiences, then re-run the job (a new token is minted for each run).';
    case 'ValidationError':
      return "role-duration-seconds may exceed the role's maximum session duration.";
    default:
      return 'Check role-to-assume and the role\'s trust policy.';
  }
}
