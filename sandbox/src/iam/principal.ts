// Who is asking, as IAM sees it: the policies that apply to a principal ARN and the request context
// keys AWS fills in for it.
import { IamRole, IamState } from '../core/types';
import { STATIC_USER_ARN, STATIC_USER_ID } from '../models/credentials';
import { awsManagedPolicy, isAwsManagedPolicyArn, PolicyDocument } from './managed-policies';

export interface ResolvedPrincipal {
  /** What the denial names: the session ARN for a role, the user ARN for a user. */
  arn: string;
  accountId: string;
  identityPolicies: { name: string; policy: unknown }[];
  /** Undefined without a boundary: then nothing caps the identity policies. */
  permissionsBoundary?: { name: string; policy: unknown };
  /** aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username, aws:PrincipalTag/*. */
  context: Record<string, string>;
}

const SESSION_ARN = /^arn:aws[-a-z]*:sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/;

/** The sandbox's one IAM user (long-term keys, runs without role-to-assume) administers the account. */
const STATIC_USER_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

export function resolvePrincipal(iam: IamState, principalArn: string): ResolvedPrincipal {
  if (principalArn === STATIC_USER_ARN) {
    const accountId = principalArn.split(':')[4];
    return {
      arn: principalArn, accountId,
      identityPolicies: [{ name: STATIC_USER_POLICY, policy: managedDocument(iam, STATIC_USER_POLICY) }],
      // aws:userid of an IAM user is its unique id; aws:username its name (IAM User Guide, "AWS global condition context keys").
      context: { 'aws:PrincipalArn': principalArn, 'aws:PrincipalAccount': accountId, 'aws:PrincipalType': 'User', 'aws:userid': STATIC_USER_ID, 'aws:username': principalArn.split('/').pop()! },
    };
  }
  const m = SESSION_ARN.exec(principalArn);
  if (!m) throw new Error(`sandbox authorization bug: no IAM principal behind ${principalArn}`);
  const [, accountId, roleName, sessionName] = m;
  const role = iam.roles.get(roleName);
  // A session outlives a deleted role's policies: it keeps its credentials but nothing allows it anything.
  const roleArn = role?.arn ?? `arn:aws:iam::${accountId}:role/${roleName}`;
  return {
    arn: principalArn, accountId,
    identityPolicies: role ? identityPolicies(iam, role) : [],
    permissionsBoundary: role?.permissionsBoundaryArn ? { name: role.permissionsBoundaryArn, policy: managedDocument(iam, role.permissionsBoundaryArn) } : undefined,
    // For a role session aws:PrincipalArn is the role's ARN, not the session's, and aws:userid is
    // "<role id>:<session name>" (IAM User Guide, "AWS global condition context keys").
    context: {
      'aws:PrincipalArn': roleArn, 'aws:PrincipalAccount': accountId, 'aws:PrincipalType': 'AssumedRole',
      'aws:userid': `${role?.roleId ?? 'AROAUNKNOWNROLE'}:${sessionName}`,
      ...Object.fromEntries(Object.entries(role?.tags ?? {}).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
    },
  };
}

function identityPolicies(iam: IamState, role: IamRole): ResolvedPrincipal['identityPolicies'] {
  const inline = Object.entries(role.policies).map(([name, policy]) => ({ name: `${role.roleName}/${name}`, policy: parsed(policy) }));
  const managed = role.managedPolicyArns.map((arn) => ({ name: arn, policy: managedDocument(iam, arn) }));
  return [...inline, ...managed];
}

/** Customer managed policies from the state, AWS managed ones from the sandbox's table; anything else is a gap, said loudly. */
function managedDocument(iam: IamState, arn: string): unknown {
  if (isAwsManagedPolicyArn(arn)) {
    const known: PolicyDocument | undefined = awsManagedPolicy(arn);
    if (!known) throw new Error(`sandbox authorization gap: the content of the AWS managed policy ${arn} is unknown (add it to sandbox/src/iam/managed-policies.ts)`);
    return known;
  }
  const customer = iam.managedPolicies?.get(arn);
  if (!customer) throw new Error(`sandbox authorization bug: the managed policy ${arn} does not exist, yet a principal has it attached`);
  return parsed(customer.document);
}

/** Policy documents arrive as objects (templates, tests) or as the JSON text IAM's API returns. */
function parsed(policy: unknown): unknown {
  return typeof policy === 'string' ? JSON.parse(policy) : policy;
}
