import { AmpClient, CreateWorkspaceCommand, DescribeWorkspaceCommand, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateWorkspaceCommand as CreateGrafanaWorkspace, GrafanaClient, UpdatePermissionsCommand, DescribeWorkspaceCommand as DescribeGrafanaWorkspace } from '@aws-sdk/client-grafana';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startSandbox, Sandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { GITHUB_ROLE_ARN } from '../../sandbox/src/models/iam';

let sandbox: Sandbox;
const region = 'eu-west-1';
const config = () => ({ region, endpoint: sandbox.url, credentials: STATIC_CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: { ampCreate: 100, grafanaCreate: 150, cfnResource: { default: 20, ChangeSet: 20 } } });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0 }));

describe('SigV4', () => {
  it('rejects an unsigned request', async () => {
    const res = await fetch(`${sandbox.url}/workspaces`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('rejects a request signed with the wrong secret, and an unknown key', async () => {
    const wrong = new AmpClient({ ...config(), credentials: { ...STATIC_CREDENTIALS, secretAccessKey: 'not-the-secret' } });
    await expect(wrong.send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    const unknown = new STSClient({ ...config(), credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    await expect(unknown.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });
});

describe('AMP', () => {
  it('creates a workspace that becomes ACTIVE, with tags and a client token', async () => {
    const amp = new AmpClient(config());
    const created = await amp.send(new CreateWorkspaceCommand({ alias: 'team/app', clientToken: 'tok-1', tags: { a: 'b' } }));
    expect(created.status?.statusCode).toBe('CREATING');
    const again = await amp.send(new CreateWorkspaceCommand({ alias: 'team/app', clientToken: 'tok-1', tags: { a: 'b' } }));
    expect(again.workspaceId).toBe(created.workspaceId);
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'other', clientToken: 'tok-1' }))).rejects.toMatchObject({ name: 'ConflictException' });
    await sleep(150);
    const ws = (await amp.send(new DescribeWorkspaceCommand({ workspaceId: created.workspaceId }))).workspace!;
    expect(ws.status?.statusCode).toBe('ACTIVE');
    expect(ws.tags).toEqual({ a: 'b' });
    expect(ws.createdAt).toBeInstanceOf(Date);
    expect(ws.prometheusEndpoint).toBe(`https://aps-workspaces.${region}.amazonaws.com/workspaces/${created.workspaceId}/api/v1/`);
  });

  it('filters aliases by prefix and paginates', async () => {
    const amp = new AmpClient(config());
    for (const alias of ['pfx/a', 'pfx/b', 'pfx/c', 'pfxx']) await amp.send(new CreateWorkspaceCommand({ alias }));
    const first = await amp.send(new ListWorkspacesCommand({ alias: 'pfx/', maxResults: 2 }));
    expect(first.workspaces!.map((w) => w.alias)).toEqual(['pfx/a', 'pfx/b']);
    const second = await amp.send(new ListWorkspacesCommand({ alias: 'pfx/', maxResults: 2, nextToken: first.nextToken }));
    expect(second.workspaces!.map((w) => w.alias)).toEqual(['pfx/c']);
    expect(second.nextToken).toBeUndefined();
    expect((await amp.send(new ListWorkspacesCommand({ alias: 'pfx' }))).workspaces).toHaveLength(4);
  });

  it('validates members as the model does', async () => {
    const amp = new AmpClient(config());
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'x'.repeat(101) }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'ok', tags: { 'aws:reserved': 'x' } }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new DescribeWorkspaceCommand({ workspaceId: 'ws-missing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('throttles without changing state', async () => {
    const amp = new AmpClient(config());
    const before = sandbox.amp.workspaces.size;
    sandbox.setFaults({ throttleRate: 1 });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'throttled' }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(sandbox.amp.workspaces.size).toBe(before);
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'aps', operation: 'CreateWorkspace', mutating: true, status: 429, injected: 'throttle' });
  });
});

describe('STS and the OIDC token', () => {
  it('exchanges a GitHub OIDC token for session credentials that sign later calls', async () => {
    const grant = sandbox.oidc.grant('acme/shop');
    const res = await fetch(`${sandbox.url}/_oidc/token?api-version=2.0&audience=sts.amazonaws.com`, { headers: { authorization: `Bearer ${grant}` } });
    const { value } = (await res.json()) as { value: string };
    const sts = new STSClient({ region, endpoint: sandbox.url, maxAttempts: 1 });
    const out = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'test', WebIdentityToken: value }));
    const c = out.Credentials!;
    const me = await new STSClient({ region, endpoint: sandbox.url, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } })
      .send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe('arn:aws:sts::123456789012:assumed-role/github-actions-preview/test');
  });

  it('refuses a token for another audience or repository', async () => {
    const sts = new STSClient({ region, endpoint: sandbox.url, maxAttempts: 1 });
    const wrongAud = sandbox.oidc.mint(sandbox.oidc.grant('acme/shop'), 'someone-else')!;
    await expect(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'x1', WebIdentityToken: wrongAud }))).rejects.toMatchObject({ name: 'AccessDenied' });
    const otherRepo = sandbox.oidc.mint(sandbox.oidc.grant('evil/fork'), 'sts.amazonaws.com')!;
    await expect(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'x2', WebIdentityToken: otherRepo }))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'x3', WebIdentityToken: 'a.b.c' }))).rejects.toMatchObject({ name: 'InvalidIdentityTokenException' });
  });
});

describe('AMG and CloudFormation', () => {
  const roleTemplate = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: grafana.amazonaws.com }, Action: sts:AssumeRole }]
Outputs:
  Arn: { Value: !GetAtt Role.Arn }
`;

  it('creates a workspace only with an existing role that trusts Grafana', async () => {
    const grafana = new GrafanaClient(config());
    const base = { accountAccessType: 'CURRENT_ACCOUNT' as const, authenticationProviders: ['AWS_SSO' as const], permissionType: 'CUSTOMER_MANAGED' as const };
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: 'arn:aws:iam::123456789012:role/nope' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, permissionType: 'SERVICE_MANAGED' }))).rejects.toThrow(/console/);

    const cfn = new CloudFormationClient(config());
    await expect(cfn.send(new CreateStackCommand({ StackName: 'role', TemplateBody: roleTemplate }))).rejects.toMatchObject({ name: 'InsufficientCapabilitiesException' });
    await cfn.send(new CreateStackCommand({ StackName: 'role', TemplateBody: roleTemplate, Capabilities: ['CAPABILITY_IAM'], Tags: [{ Key: 'k', Value: 'v' }] }));
    let stack;
    for (let i = 0; i < 50; i++) {
      stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'role' }))).Stacks![0];
      if (stack.StackStatus !== 'CREATE_IN_PROGRESS') break;
      await sleep(20);
    }
    expect(stack!.StackStatus).toBe('CREATE_COMPLETE');
    const roleArn = stack!.Outputs![0].OutputValue!;
    expect(roleArn).toMatch(/^arn:aws:iam::123456789012:role\/role-Role-/);

    const ws = (await grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: roleArn, workspaceName: 'w1' }))).workspace!;
    expect(ws.id).toMatch(/^g-[0-9a-f]{10}$/);
    await sleep(200);
    expect((await grafana.send(new DescribeGrafanaWorkspace({ workspaceId: ws.id }))).workspace!.status).toBe('ACTIVE');
    const perms = await grafana.send(new UpdatePermissionsCommand({ workspaceId: ws.id, updateInstructionBatch: [{ action: 'ADD', role: 'ADMIN', users: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SSO_USER' }] }] }));
    expect(perms.errors).toHaveLength(1);

    sandbox.setSsoEnabled(false);
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: roleArn, workspaceName: 'w2' }))).rejects.toThrow('SSO is not enabled in any region');
    sandbox.setSsoEnabled(true);
  });
});
