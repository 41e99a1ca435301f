import { IamRole, IamState } from '../core/types';

export const ACCOUNT_ID = '123456789012';
export const OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com';
/** The role a workflow assumes with its OIDC token, as a platform team would have set it up. */
export const GITHUB_ROLE_NAME = 'github-actions-preview';
export const GITHUB_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/${GITHUB_ROLE_NAME}`;

export function createIamState(repositories: string[]): IamState {
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
        Principal: { Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${OIDC_ISSUER_HOST}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${OIDC_ISSUER_HOST}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${OIDC_ISSUER_HOST}:sub`]: repositories.map((r) => `repo:${r}:*`) },
        },
      }],
    },
    policies: {},
    managedPolicyArns: [],
    tags: {},
    createdAt: new Date(),
  });
  return { roles };
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

/** True when the role's trust policy lets `service` assume it with sts:AssumeRole. */
export function trustsService(role: IamRole, service: string): boolean {
  return statements(role).some((s) => s.Effect === 'Allow' && list(s.Principal?.Service).includes(service) && list(s.Action).includes('sts:AssumeRole'));
}

/** Evaluates the role's web-identity trust for the token's claims (StringEquals / StringLike on aud and sub). */
export function trustsWebIdentity(role: IamRole, claims: Record<string, unknown>): boolean {
  return statements(role).some((s) => {
    if (s.Effect !== 'Allow' || !list(s.Action).includes('sts:AssumeRoleWithWebIdentity')) return false;
    if (!list(s.Principal?.Federated).some((f) => f.endsWith(`oidc-provider/${OIDC_ISSUER_HOST}`))) return false;
    return Object.entries(s.Condition ?? {}).every(([op, conds]) => Object.entries(conds).every(([key, expected]) => {
      const claim = key.split(':').pop()!;
      const actual = ([] as unknown[]).concat(claims[claim] ?? []).map(String);
      const patterns = list(expected);
      if (op === 'StringEquals') return actual.some((a) => patterns.includes(a));
      if (op === 'StringLike') return actual.some((a) => patterns.some((p) => globMatch(p, a)));
      return false;
    }));
  });
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}
