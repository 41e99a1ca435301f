import { AwsError, CallContext, IamState } from '../core/types';
import { CredentialStore } from './credentials';
import { findRoleByArn, trustsWebIdentity } from './iam';
import { OidcIssuer } from './oidc';
import { validate } from './validate';

/** STS (query protocol): the web-identity exchange and GetCallerIdentity. */
export class StsModel {
  constructor(
    private readonly iam: IamState,
    private readonly oidc: OidcIssuer,
    private readonly credentials: CredentialStore,
  ) {}

  assumeRoleWithWebIdentity(input: Record<string, string>) {
    validate(input, {
      RoleArn: { required: true, min: 20, max: 2048, pattern: /^arn:aws[-a-z]*:iam::\d{12}:role\/[\w+=,.@/-]+$/ },
      RoleSessionName: { required: true, min: 2, max: 64, pattern: /^[\w+=,.@-]*$/ },
      WebIdentityToken: { required: true, min: 4, max: 20000 },
      DurationSeconds: { pattern: /^\d+$/ },
    }, 'ValidationError');
    const duration = input.DurationSeconds ? Number(input.DurationSeconds) : 3600;
    if (duration < 900 || duration > 43200) {
      throw new AwsError('ValidationError', `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`, 400);
    }
    const verdict = this.oidc.verify(input.WebIdentityToken);
    if ('error' in verdict) {
      throw verdict.error === 'expired' ? new AwsError('ExpiredTokenException', verdict.message, 400) : new AwsError('InvalidIdentityToken', verdict.message, 400);
    }
    const role = findRoleByArn(this.iam, input.RoleArn);
    if (!role || !trustsWebIdentity(role, verdict.claims)) {
      throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
    }
    const maxSession = role.maxSessionDuration ?? 3600;
    if (duration > maxSession) {
      throw new AwsError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`, 400);
    }
    const assumedArn = `arn:aws:sts::${role.arn.split(':')[4]}:assumed-role/${role.roleName}/${input.RoleSessionName}`;
    const c = this.credentials.issueSession(assumedArn, duration);
    return {
      Credentials: { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration },
      SubjectFromWebIdentityToken: verdict.claims.sub,
      AssumedRoleUser: { Arn: assumedArn, AssumedRoleId: `${role.roleId}:${input.RoleSessionName}` },
      Provider: 'arn:aws:iam::' + role.arn.split(':')[4] + ':oidc-provider/token.actions.githubusercontent.com',
      Audience: verdict.claims.aud,
    };
  }

  getCallerIdentity(_input: Record<string, string>, ctx: CallContext) {
    return { UserId: ctx.accessKeyId, Account: ctx.accountId, Arn: ctx.principalArn };
  }
}
