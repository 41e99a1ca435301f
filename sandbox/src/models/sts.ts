import { AwsError, CallContext, IamState } from '../core/types';
import { CredentialStore } from './credentials';
import { findOidcProvider, findRoleByArn, trustsWebIdentity } from './iam';
import { OidcIssuer } from './oidc';
import { STS_SPEC } from './specs/sts';
import { validate } from './validate';

const ROLE_ARN = /^arn:aws[-a-z]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/;
const DEFAULT_ROLE_MAX_SESSION_S = 3600;
const DEFAULT_SESSION_S = 3600;

/** STS (query protocol): the web-identity exchange and GetCallerIdentity. */
export class StsModel {
  constructor(
    private readonly iam: IamState,
    private readonly oidc: OidcIssuer,
    private readonly credentials: CredentialStore,
  ) {}

  assumeRoleWithWebIdentity(form: Record<string, unknown>) {
    const input = withIntegers(form, ['DurationSeconds']);
    validate(input, STS_SPEC.AssumeRoleWithWebIdentity.input, 'ValidationError');
    const roleArn = String(input.RoleArn);
    if (!ROLE_ARN.test(roleArn)) throw new AwsError('ValidationError', `${roleArn} is invalid: RoleArn must be an IAM role ARN.`, 400);
    const session = String(input.RoleSessionName);
    const duration = (input.DurationSeconds as number | undefined) ?? DEFAULT_SESSION_S;

    // STS fetches the issuer's keys to verify the signature; an outage there is the one transient InvalidIdentityToken.
    const verdict = this.oidc.verify(String(input.WebIdentityToken));
    if ('error' in verdict) {
      throw verdict.error === 'expired' ? new AwsError('ExpiredTokenException', verdict.message, 400) : new AwsError('InvalidIdentityToken', verdict.message, 400);
    }
    const { claims } = verdict;
    // The account must have registered the issuer, with the token's audience among its client ids.
    const provider = findOidcProvider(this.iam, String(claims.iss));
    if (!provider) throw new AwsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${String(claims.iss)}`, 400);
    const audiences = ([] as unknown[]).concat(claims.aud ?? []).map(String);
    if (!audiences.some((a) => provider.clientIdList.includes(a))) throw new AwsError('InvalidIdentityToken', 'Incorrect token audience', 400);

    const role = findRoleByArn(this.iam, roleArn);
    if (!role || !trustsWebIdentity(role, claims, session)) {
      throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
    }
    if (duration > (role.maxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION_S)) {
      throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400);
    }
    const accountId = ROLE_ARN.exec(role.arn)![1];
    const assumedArn = `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${session}`;
    const assumedRoleId = `${role.roleId}:${session}`;
    const c = this.credentials.issueSession({ arn: assumedArn, userId: assumedRoleId, accountId }, duration);
    return {
      Credentials: { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration },
      SubjectFromWebIdentityToken: claims.sub,
      AssumedRoleUser: { Arn: assumedArn, AssumedRoleId: assumedRoleId },
      // AWS documents Provider as the token's iss for OpenID Connect tokens.
      Provider: claims.iss,
      Audience: audiences.find((a) => provider.clientIdList.includes(a)),
    };
  }

  getCallerIdentity(form: Record<string, unknown>, ctx: CallContext) {
    validate(form, STS_SPEC.GetCallerIdentity.input, 'ValidationError');
    const credential = this.credentials.get(ctx.accessKeyId);
    return { UserId: credential?.userId ?? ctx.accessKeyId, Account: ctx.accountId, Arn: ctx.principalArn };
  }
}

/** awsQuery sends every scalar as text; members the model types as integers are parsed here. */
function withIntegers(form: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out = { ...form };
  for (const name of names) {
    if (out[name] === undefined) continue;
    const text = String(out[name]);
    if (!/^-?\d{1,10}$/.test(text)) throw new AwsError('ValidationError', `Value '${text}' at '${name}' failed to satisfy constraint: Member must be an integer`, 400);
    out[name] = Number(text);
  }
  return out;
}
