import { IamRole, IamState } from '../../sandbox/src/core/types';
import { SandboxAuthorizer } from '../../sandbox/src/iam/authorizer';
import { STATIC_USER_ARN } from '../../sandbox/src/models/credentials';

const ACCOUNT = '123456789012';
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/run-1`;
const WS = `arn:aws:aps:eu-west-1:${ACCOUNT}:workspace/ws-1`;

function role(policies: Record<string, unknown>, extra: Partial<IamRole> = {}): IamRole {
  return {
    roleName: 'deployer', arn: `arn:aws:iam::${ACCOUNT}:role/deployer`, roleId: 'AROADEPLOYER', path: '/', assumeRolePolicyDocument: {},
    policies, managedPolicyArns: [], tags: {}, createdAt: new Date(), ...extra,
  };
}
const allow = (Action: string | string[], Resource: string | string[] = '*', Condition?: unknown) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) }] });
const stateWith = (r: IamRole, managed: IamState['managedPolicies'] = new Map()): IamState => ({ roles: new Map([[r.roleName, r]]), managedPolicies: managed });

describe('SandboxAuthorizer', () => {
  it('allows what an inline policy allows, and only that, in IAM\'s words', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ p: allow('aps:DescribeWorkspace', 'arn:aws:aps:*:*:workspace/*') })));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: WS })).resolves.toEqual({ allowed: true });
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DeleteWorkspace', resource: WS })).resolves.toEqual({
      allowed: false, reason: 'no-allow',
      message: `User: ${SESSION} is not authorized to perform: aps:DeleteWorkspace on resource: ${WS} because no identity-based policy allows the aps:DeleteWorkspace action`,
    });
  });

  it('does not let a resource-scoped Allow grant an action that only takes "*"', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ p: allow('aps:CreateWorkspace', 'arn:aws:aps:*:*:workspace/*') })));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:CreateWorkspace', resource: '*' })).resolves.toMatchObject({ allowed: false, reason: 'no-allow' });
  });

  it('reads a * in the request\'s resource literally', async () => {
    const stackStar = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/preview-1/*`;
    const exact = new SandboxAuthorizer(stateWith(role({ p: allow('cloudformation:CreateStack', `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/preview-1/abc`) })));
    await expect(exact.authorize(SESSION, 'eu-west-1', { action: 'cloudformation:CreateStack', resource: stackStar })).resolves.toMatchObject({ allowed: false });
    const pattern = new SandboxAuthorizer(stateWith(role({ p: allow('cloudformation:CreateStack', 'arn:aws:cloudformation:*:*:stack/preview-*/*') })));
    await expect(pattern.authorize(SESSION, 'eu-west-1', { action: 'cloudformation:CreateStack', resource: stackStar })).resolves.toEqual({ allowed: true });
  });

  it('an explicit Deny beats an Allow', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ a: allow('aps:*'), d: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'aps:DeleteWorkspace', Resource: '*' }] } })));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DeleteWorkspace', resource: WS })).resolves.toMatchObject({
      allowed: false, reason: 'explicit-deny', message: expect.stringMatching(/with an explicit deny in an identity-based policy$/),
    });
  });

  it('a permissions boundary caps an admin policy; an explicit deny in it says so', async () => {
    const boundaryArn = `arn:aws:iam::${ACCOUNT}:policy/preview-boundary`;
    const boundary = { arn: boundaryArn, policyName: 'preview-boundary', path: '/', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'aps:*', Resource: '*' }, { Effect: 'Deny', Action: 'aps:DeleteWorkspace', Resource: '*' }] } };
    const authz = new SandboxAuthorizer(stateWith(role({ admin: allow('*') }, { permissionsBoundaryArn: boundaryArn }), new Map([[boundaryArn, boundary]])));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: WS })).resolves.toEqual({ allowed: true });
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'grafana:ListWorkspaces', resource: '*' })).resolves.toMatchObject({
      allowed: false, reason: 'boundary', message: expect.stringMatching(/because no permissions boundary allows the grafana:ListWorkspaces action$/),
    });
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DeleteWorkspace', resource: WS })).resolves.toMatchObject({
      allowed: false, reason: 'explicit-deny', message: expect.stringMatching(/with an explicit deny in a permissions boundary$/),
    });
  });

  it('fills the principal\'s keys as AWS does: the role ARN, its account and tags, the region, aws:userid', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({
      p: allow('aps:ListWorkspaces', '*', {
        StringEquals: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/deployer`, 'aws:PrincipalAccount': ACCOUNT, 'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': 'obs', 'aws:userid': 'AROADEPLOYER:run-1' },
      }),
    }, { tags: { team: 'obs' } })));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:ListWorkspaces', resource: '*' })).resolves.toEqual({ allowed: true });
    await expect(authz.authorize(SESSION, 'us-east-1', { action: 'aps:ListWorkspaces', resource: '*' })).resolves.toMatchObject({ allowed: false });
  });

  it('the static IAM user administers the account', async () => {
    const authz = new SandboxAuthorizer({ roles: new Map() });
    await expect(authz.authorize(STATIC_USER_ARN, 'eu-west-1', { action: 'grafana:CreateWorkspace', resource: '*' })).resolves.toEqual({ allowed: true });
  });

  it('AWS managed policies the sandbox knows grant what they say; unknown ones fail loudly', async () => {
    const known = new SandboxAuthorizer(stateWith(role({}, { managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] })));
    await expect(known.authorize(SESSION, 'eu-west-1', { action: 'ecr:GetAuthorizationToken', resource: '*' })).resolves.toEqual({ allowed: true });
    const unknown = new SandboxAuthorizer(stateWith(role({}, { managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })));
    await expect(unknown.authorize(SESSION, 'eu-west-1', { action: 'aps:ListWorkspaces', resource: '*' })).rejects.toThrow(/content of the AWS managed policy .*ReadOnlyAccess is unknown/);
  });

  it('throws for requests the Service Authorization Reference cannot describe', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ p: allow('*') })));
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'grafana:CreateWorkspaces', resource: '*' })).rejects.toThrow(/defines no action grafana:CreateWorkspaces/);
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: '*' })).rejects.toThrow(/needs a resource of type workspace/);
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: `arn:aws:grafana:eu-west-1:${ACCOUNT}:/workspaces/g-1` })).rejects.toThrow(/is not a resource aps:DescribeWorkspace accepts/);
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'aps:ListWorkspaces', resource: '*', context: { 'aws:ResourceTag/a': 'b' } })).rejects.toThrow(/does not carry the condition key aws:ResourceTag\/a/);
    await expect(authz.authorize(SESSION, 'eu-west-1', { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/x`, context: { 'iam:PassedToService': 'grafana.amazonaws.com' } })).resolves.toEqual({ allowed: true });
  });

  it('logs every decision with the context it was evaluated with', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ p: allow('aps:TagResource', WS) })));
    await authz.authorize(SESSION, 'eu-west-1', { action: 'aps:TagResource', resource: WS, context: { 'aws:TagKeys': 'env', 'aws:RequestTag/env': 'pr' }, operation: 'TagResource' });
    await authz.authorize(SESSION, 'eu-west-1', { action: 'aps:untagresource', resource: WS, via: 'cloudformation', operation: 'AWS::APS::Workspace UPDATE' });
    expect(authz.log).toEqual([
      expect.objectContaining({ seq: 1, principal: SESSION, action: 'aps:TagResource', resource: WS, allowed: true, operation: 'TagResource', context: expect.objectContaining({ 'aws:TagKeys': ['env'], 'aws:RequestTag/env': 'pr', 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/deployer` }) }),
      expect.objectContaining({ seq: 2, action: 'aps:UntagResource', allowed: false, reason: 'no-allow', via: 'cloudformation', operation: 'AWS::APS::Workspace UPDATE' }),
    ]);
    expect(authz.log[0]).not.toHaveProperty('via');
    authz.clearLog();
    expect(authz.log).toEqual([]);
  });

  it('is fast enough to run on every request', async () => {
    const authz = new SandboxAuthorizer(stateWith(role({ p: allow(['aps:*', 'grafana:*', 'cloudformation:*'], '*'), q: allow('iam:PassRole', '*', { StringEquals: { 'iam:PassedToService': 'grafana.amazonaws.com' } }) })));
    await authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: WS });
    const n = 500;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await authz.authorize(SESSION, 'eu-west-1', { action: 'aps:DescribeWorkspace', resource: WS, context: { 'aws:ResourceTag/env': 'pr' } });
    const perCallMs = Number(process.hrtime.bigint() - start) / 1e6 / n;
    expect(perCallMs).toBeLessThan(2);
  });
});
