import { DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateWorkspaceCommand, DeleteWorkspaceCommand, DescribeWorkspaceCommand, GrafanaClient, UpdatePermissionsCommand } from '@aws-sdk/client-grafana';
import { DEFAULT_SSO_DIRECTORY, Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { ACCOUNT_ID } from '../../sandbox/src/models/iam';
import { clientConfig, FAST, REGION, waitFor } from './support';

// What AWS asks IAM for each call, as the authorizations log shows it (the static user may do anything).
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  sandbox.iam.roles.set('amg-role', {
    roleName: 'amg-role', arn: `arn:aws:iam::${ACCOUNT_ID}:role/amg-role`, roleId: 'AROAAMGROLE', path: '/', policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'grafana.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.clearLog());

const asked = () => sandbox.authorizations.map((a) => `${a.action} ${a.resource}`);

describe('authorization requests', () => {
  it('AMG with IAM Identity Center: the Identity Center calls on create, the directory lookups per user and group, the application removed on delete', async () => {
    const amg = new GrafanaClient(clientConfig(sandbox));
    const ws = (await amg.send(new CreateWorkspaceCommand({
      accountAccessType: 'CURRENT_ACCOUNT', authenticationProviders: ['AWS_SSO'], permissionType: 'CUSTOMER_MANAGED',
      workspaceRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/amg-role`, tags: { pr: '9' },
    }))).workspace!;
    const arn = `arn:aws:grafana:${REGION}:${ACCOUNT_ID}:/workspaces/${ws.id}`;
    expect(asked()).toEqual([
      'grafana:CreateWorkspace *', `iam:PassRole arn:aws:iam::${ACCOUNT_ID}:role/amg-role`,
      'sso:DescribeRegisteredRegions *', 'sso:GetSharedSsoConfiguration *', 'organizations:DescribeOrganization *', 'sso:CreateManagedApplicationInstance *',
    ]);
    expect(sandbox.authorizations[0].context).toMatchObject({ 'aws:RequestTag/pr': '9', 'aws:TagKeys': ['pr'] });
    await waitFor(async () => ((await amg.send(new DescribeWorkspaceCommand({ workspaceId: ws.id }))).workspace!.status === 'ACTIVE' ? true : undefined));

    sandbox.clearLog();
    const [user, group] = DEFAULT_SSO_DIRECTORY;
    await amg.send(new UpdatePermissionsCommand({ workspaceId: ws.id, updateInstructionBatch: [{ action: 'ADD', role: 'ADMIN', users: [{ id: user, type: 'SSO_USER' }, { id: group, type: 'SSO_GROUP' }] }] }));
    expect(asked()).toEqual([`grafana:UpdatePermissions ${arn}`, 'sso-directory:DescribeUser *', 'sso-directory:DescribeGroup *']);
    expect(sandbox.authorizations[0].context).toMatchObject({ 'aws:ResourceTag/pr': '9' });

    sandbox.clearLog();
    await amg.send(new DeleteWorkspaceCommand({ workspaceId: ws.id }));
    expect(asked()).toEqual([`grafana:DeleteWorkspace ${arn}`, 'sso:DeleteManagedApplicationInstance *']);
  });

  it('ECS DescribeTasks: each task\'s ARN in its cluster, with ecs:cluster', async () => {
    await new ECSClient(clientConfig(sandbox)).send(new DescribeTasksCommand({ cluster: 'previews', tasks: ['abc', `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task/previews/def`] })).catch(() => undefined);
    expect(sandbox.authorizations.map((a) => [a.resource, a.context['ecs:cluster']])).toEqual([
      [`arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task/previews/abc`, `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/previews`],
      [`arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task/previews/def`, `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/previews`],
    ]);
  });
});
