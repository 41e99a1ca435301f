import * as core from '@actions/core';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { ActionError, describeAwsError } from '../util/errors';
import { clientConfig } from './clients';

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
  core.setSecret(token);
  // Evaluated only when a role is assumed: runs on configure-aws-credentials' keys never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AssumeRoleWithWebIdentityCommand, STSClient } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
  const sts = new STSClient(clientConfig(req.region));
  try {
    const out = await sts.send(new AssumeRoleWithWebIdentityCommand({
      RoleArn: req.roleArn,
      RoleSessionName: req.sessionName,
      DurationSeconds: req.durationSeconds,
      WebIdentityToken: token,
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new ActionError('STS AssumeRoleWithWebIdentity returned no credentials.');
    }
    core.setSecret(c.AccessKeyId);
    core.setSecret(c.SecretAccessKey);
    core.setSecret(c.SessionToken);
    core.info(`Assumed ${out.AssumedRoleUser?.Arn ?? req.roleArn} until ${c.Expiration?.toISOString() ?? 'unknown'}`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new ActionError(describeAwsError(`Assuming ${req.roleArn} with the GitHub OIDC token`, err), assumeRoleFix(err));
  } finally {
    sts.destroy();
  }
}

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
    return await core.getIDToken(audience);
  } catch (err) {
    throw new ActionError(
      `Requesting the GitHub OIDC token for audience '${audience}' failed: ${(err as Error).message}`,
      'Check that the job has `permissions: id-token: write`.',
    );
  }
}

function assumeRoleFix(err: unknown): string {
  switch ((err as { name?: string }).name) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return "The role's trust policy must allow sts:AssumeRoleWithWebIdentity for token.actions.githubusercontent.com with this repository in the `sub` condition and the `aud` matching the audience input.";
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
    case 'IDPRejectedClaim':
      return 'Add the GitHub OIDC identity provider (token.actions.githubusercontent.com) to IAM and check its audience.';
    case 'ValidationError':
      return "role-duration-seconds may exceed the role's maximum session duration.";
    default:
      return 'Check role-to-assume and the role\'s trust policy.';
  }
}
