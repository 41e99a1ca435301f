import { IamOidcProvider, IamRole, IamState } from '../core/types';
import { awsManagedPolicy } from '../iam/managed-policies';

export const ACCOUNT_ID = '123456789012';
export const OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com';
/** The role a workflow assumes with its OIDC token, as a platform team would have set it up. */
export const GITHUB_ROLE_NAME = 'github-actions-preview';
export const GITHUB_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/${GITHUB_ROLE_NAME}`;
export const GITHUB_OIDC_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${OIDC_ISSUER_HOST}`;
/** The audience GitHub's docs tell you to register for AWS, and the action's default. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

/**
 * The account as a platform team would have prepared it: GitHub's OIDC provider registered for the
 * STS audience, and a role that workflows of `repositories` may assume with their tokens.
 */
export function createIamState(repositories: string[]): IamState {
  const provider: IamOidcProvider = { arn: GITHUB_OIDC_PROVIDER_ARN, url: OIDC_ISSUER_HOST, clientIdList: [STS_AUDIENCE] };
  const roles = new Map<string, IamRole>();
  roles.set(GITHUB_ROLE_NAME, {
    roleName: GITHUB_ROLE_NAME,
    arn: GITHUB_ROLE_ARN,
    roleId: 'AROASANDBOXGITHUBROLE',
    path: '/',
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: GITHUB_OIDC_PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${OIDC_ISSUER_HOST}:aud`]: STS_AUDIENCE },
          StringLike: { [`${OIDC_ISSUER_HOST}:sub`]: repositories.map((r) => `repo:${r}:*`) },
        },
      }],
    },
    policies: {},
    managedPolicyArns: [],
    tags: {},
    createdAt: new Date(),
    maxSessionDuration: 3600,
  });
  return { roles, oidcProviders: new Map([[provider.arn, provider]]) };
}

/** The registered provider for a token issuer (`https://host/path` → host/path), if any. */
export function findOidcProvider(iam: IamState, issuer: string): IamOidcProvider | undefined {
  const url = issuer.replace(/^https:\/\//, '');
  return [...(iam.oidcProviders?.values() ?? [])].find((p) => p.url === url);
}

export function findRoleByArn(iam: IamState, arn: string): IamRole | undefined {
  return [...iam.roles.values()].find((r) => r.arn === arn);
}

interface Statement {
  Effect?: string;
  Principal?: { Service?: string | string[]; Federated?: string | string[] };
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

function statements(role: IamRole): Statement[] {
  const doc = role.assumeRolePolicyDocument as { Statement?: Statement | Statement[] } | undefined;
  return ([] as Statement[]).concat(doc?.Statement ?? []);
}

const list = (v: string | string[] | undefined) => ([] as string[]).concat(v ?? []);

/** True when the role's trust policy lets `service` assume it with sts:AssumeRole (and no statement denies it). */
export function trustsService(role: IamRole, service: string): boolean {
  const applies = (s: Statement) => list(s.Principal?.Service).includes(service) && actionMatches(s, 'sts:AssumeRole');
  return evaluate(role, applies);
}

/**
 * Evaluates the role's web-identity trust for the token's claims: the statement must name the
 * account's provider for the issuer as its Federated principal, and every condition on the
 * provider's keys (StringEquals / StringLike on aud, sub, …) must hold. Unknown operators and keys
 * do not hold, so a policy the sandbox cannot evaluate denies rather than allows.
 */
export function trustsWebIdentity(role: IamRole, claims: Record<string, unknown>): boolean {
  const accountId = role.arn.split(':')[4];
  const issuerHost = String(claims.iss ?? '').replace(/^https:\/\//, '');
  const providerArn = `arn:aws:iam::${accountId}:oidc-provider/${issuerHost}`;
  const applies = (s: Statement) => {
    if (!list(s.Principal?.Federated).includes(providerArn) || !actionMatches(s, 'sts:AssumeRoleWithWebIdentity')) return false;
    return Object.entries(s.Condition ?? {}).every(([op, conds]) => Object.entries(conds).every(([key, expected]) => {
      if (!key.startsWith(`${issuerHost}:`)) return false;
      const actual = ([] as unknown[]).concat(claims[key.slice(issuerHost.length + 1)] ?? []).map(String);
      const patterns = list(expected);
      if (op === 'StringEquals') return actual.some((a) => patterns.includes(a));
      if (op === 'StringLike') return actual.some((a) => patterns.some((p) => globMatch(p, a)));
      return false;
    }));
  };
  return evaluate(role, applies);
}

/** IAM's rule: an explicit Deny wins, otherwise one Allow is enough. */
function evaluate(role: IamRole, applies: (s: Statement) => boolean): boolean {
  const matching = statements(role).filter(applies);
  return matching.some((s) => s.Effect === 'Allow') && !matching.some((s) => s.Effect === 'Deny');
}

function actionMatches(s: Statement, action: string): boolean {
  return list(s.Action).some((a) => globMatch(a.toLowerCase(), action.toLowerCase()));
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}

interface IdentityStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: unknown;
}

// AWS managed policies come from the authorizer's table (sandbox/src/iam/managed-policies.ts); here an
// unknown one grants nothing.
function identityStatements(role: IamRole): IdentityStatement[] {
  const inline = Object.values(role.policies).flatMap((doc) => ([] as IdentityStatement[]).concat((doc as { Statement?: IdentityStatement | IdentityStatement[] } | undefined)?.Statement ?? []));
  const managed = role.managedPolicyArns.flatMap((arn) => awsManagedPolicy(arn)?.Statement ?? []);
  return [...inline, ...managed];
}

/**
 * Whether the role's identity policies (inline, and the managed ones the sandbox knows) allow
 * `action` on `resource`: IAM's rule, an explicit Deny wins, otherwise one Allow is enough. Action
 * and Resource match with IAM wildcards. A statement with a Condition the sandbox cannot evaluate
 * never allows, but does deny, so an unevaluable policy errs on the side of "not authorized".
 */
export function roleAllows(role: IamRole, action: string, resource: string): boolean {
  const matchesAction = (s: IdentityStatement) => (s.NotAction !== undefined
    ? !list(s.NotAction).some((a) => globMatch(a.toLowerCase(), action.toLowerCase()))
    : list(s.Action).some((a) => globMatch(a.toLowerCase(), action.toLowerCase())));
  const matchesResource = (s: IdentityStatement) => (s.NotResource !== undefined
    ? !list(s.NotResource).some((r) => globMatch(r, resource))
    : list(s.Resource).some((r) => globMatch(r, resource)));
  const applicable = identityStatements(role).filter((s) => matchesAction(s) && matchesResource(s));
  if (applicable.some((s) => s.Effect === 'Deny')) return false;
  return applicable.some((s) => s.Effect === 'Allow' && s.Condition === undefined);
}
