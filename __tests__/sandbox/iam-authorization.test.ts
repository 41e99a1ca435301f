import { AmpClient, CreateWorkspaceCommand, DeleteWorkspaceCommand, DescribeWorkspaceCommand, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import {
  CloudFormationClient, CreateChangeSetCommand, CreateStackCommand, DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { CreateWorkspaceCommand as CreateGrafanaWorkspaceCommand, GrafanaClient, ListWorkspacesCommand as ListGrafanaWorkspacesCommand } from '@aws-sdk/client-grafana';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IamRole } from '../../sandbox/src/core/types';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { ACCOUNT_ID } from '../../sandbox/src/models/iam';
import { clientConfig, FAST, REGION, waitFor } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.clearLog());

type Statement = { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: string | string[]; Condition?: Record<string, Record<string, string | string[]>> };
const policy = (...Statement: Statement[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', Condition?: Statement['Condition']): Statement => ({ Effect: 'Allow', Action, Resource, ...(Condition && { Condition }) });
const deny = (Action: string | string[], Resource: string | string[] = '*'): Statement => ({ Effect: 'Deny', Action, Resource });

let roles = 0;
/** A role of its own with `policies`, and SDK credentials of a session of it. */
function sessionOf(policies: Record<string, unknown>, extra: Partial<IamRole> = {}) {
  const roleName = `authz-test-${++roles}`;
  const role: IamRole = {
    roleName, arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`, roleId: `AROATEST${roles}`, path: '/', assumeRolePolicyDocument: {},
    policies, managedPolicyArns: [], tags: {}, createdAt: new Date(), ...extra,
  };
  sandbox.iam.roles.set(roleName, role);
  const sessionArn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName}/test`;
  const c = sandbox.credentials.issueSession({ arn: sessionArn, userId: `${role.roleId}:test`, accountId: ACCOUNT_ID }, 3600);
  return { sessionArn, config: clientConfig(sandbox, { credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken } }) };
}

/** A trusted role the services may be handed (AMG's workspace role, CloudFormation's service role). */
function serviceRole(name: string, service: string): string {
  const arn = `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
  sandbox.iam.roles.set(name, {
    roleName: name, arn, roleId: `AROA${name.toUpperCase().replace(/-/g, '')}`, path: '/', policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] },
  });
  return arn;
}

const admin = () => new AmpClient(clientConfig(sandbox));
const activeAmpWorkspace = async (id: string) => waitFor(async () => ((await admin().send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace!.status!.statusCode === 'ACTIVE' ? true : undefined));
const denial = (who: string, action: string, resource: string, why = `because no identity-based policy allows the ${action} action`) => `User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${why}`;

describe('IAM on the wire', () => {
  it('a narrow policy allows exactly what it says; a denied CreateWorkspace changes nothing and answers as AMP does', async () => {
    const { sessionArn, config } = sessionOf({ read: policy(allow(['aps:ListWorkspaces', 'aps:DescribeWorkspace'])) });
    const amp = new AmpClient(config);
    await expect(amp.send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
    const before = JSON.stringify(sandbox.state());
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'nope' }))).rejects.toMatchObject({
      name: 'AccessDeniedException', $metadata: { httpStatusCode: 403, attempts: 1 }, message: denial(sessionArn, 'aps:CreateWorkspace', '*'),
    });
    expect(JSON.stringify(sandbox.state())).toBe(before);
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'aps', operation: 'CreateWorkspace', status: 403, errorCode: 'AccessDeniedException', denied: { action: 'aps:CreateWorkspace', resource: '*' } });
    expect(sandbox.log.at(-1)).not.toHaveProperty('injected');
  });

  it('each protocol refuses in its own shape: AMG 403, CloudFormation AccessDenied 403, ECS 400', async () => {
    const { sessionArn, config } = sessionOf({ nothing: policy(allow('sts:GetCallerIdentity')) });
    await expect(new GrafanaClient(config).send(new ListGrafanaWorkspacesCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 }, message: denial(sessionArn, 'grafana:ListWorkspaces', '*'),
    });
    const stack = `arn:aws:cloudformation:${REGION}:${ACCOUNT_ID}:stack/preview-absent/*`;
    await expect(new CloudFormationClient(config).send(new DescribeStacksCommand({ StackName: 'preview-absent' }))).rejects.toMatchObject({
      name: 'AccessDenied', $metadata: { httpStatusCode: 403 }, message: denial(sessionArn, 'cloudformation:DescribeStacks', stack),
    });
    const service = `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:service/previews/web`;
    await expect(new ECSClient(config).send(new DescribeServicesCommand({ cluster: 'previews', services: ['web'] }))).rejects.toMatchObject({
      name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 }, message: denial(sessionArn, 'ecs:DescribeServices', service),
    });
    expect(sandbox.authorizations.at(-1)).toMatchObject({ action: 'ecs:DescribeServices', resource: service, context: { 'ecs:cluster': `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/previews` } });
  });

  it('GetCallerIdentity needs no permission; ListTasks is evaluated on "*" with ecs:cluster', async () => {
    const cluster = `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/previews`;
    const { config } = sessionOf({ tasks: policy(allow('ecs:ListTasks', '*', { ArnEquals: { 'ecs:cluster': cluster } })) });
    await expect(new STSClient(config).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    // Authorized, then the model answers: the cluster does not exist.
    await expect(new ECSClient(config).send(new ListTasksCommand({ cluster: 'previews' }))).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
    await expect(new ECSClient(config).send(new ListTasksCommand({ cluster: 'other' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(sandbox.authorizations.map((a) => [a.action, a.allowed])).toEqual([['ecs:ListTasks', true], ['ecs:ListTasks', false]]);
  });

  it('an explicit Deny beats an Allow', async () => {
    const id = (await admin().send(new CreateWorkspaceCommand({ alias: 'deny-me' }))).workspaceId!;
    await activeAmpWorkspace(id);
    const { sessionArn, config } = sessionOf({ all: policy(allow('aps:*')), guard: policy(deny('aps:DeleteWorkspace')) });
    const arn = `arn:aws:aps:${REGION}:${ACCOUNT_ID}:workspace/${id}`;
    await expect(new AmpClient(config).send(new DeleteWorkspaceCommand({ workspaceId: id }))).rejects.toMatchObject({
      name: 'AccessDeniedException', message: `User: ${sessionArn} is not authorized to perform: aps:DeleteWorkspace on resource: ${arn} with an explicit deny in an identity-based policy`,
    });
    expect(sandbox.amp.workspaces.get(id)!.status).toBe('ACTIVE');
  });

  it('a permissions boundary caps an admin inline policy', async () => {
    const boundaryArn = `arn:aws:iam::${ACCOUNT_ID}:policy/amp-only`;
    sandbox.iam.managedPolicies ??= new Map();
    sandbox.iam.managedPolicies.set(boundaryArn, { arn: boundaryArn, policyName: 'amp-only', path: '/', document: policy(allow('aps:*')) });
    const { sessionArn, config } = sessionOf({ admin: policy(allow('*')) }, { permissionsBoundaryArn: boundaryArn });
    await expect(new AmpClient(config).send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
    await expect(new GrafanaClient(config).send(new ListGrafanaWorkspacesCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException', message: denial(sessionArn, 'grafana:ListWorkspaces', '*', 'because no permissions boundary allows the grafana:ListWorkspaces action'),
    });
  });

  it('tag conditions: aws:RequestTag on create and aws:ResourceTag on delete allow and deny as written', async () => {
    const { config } = sessionOf({
      create: policy(allow('aps:CreateWorkspace', '*', { StringEquals: { 'aws:RequestTag/preview': 'true' } })),
      remove: policy(allow(['aps:DeleteWorkspace', 'aps:DescribeWorkspace'], 'arn:aws:aps:*:*:workspace/*', { StringEquals: { 'aws:ResourceTag/preview': 'true' } })),
    });
    const amp = new AmpClient(config);
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'untagged' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'wrong', tags: { preview: 'false' } }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const mine = (await amp.send(new CreateWorkspaceCommand({ alias: 'mine', tags: { preview: 'true' } }))).workspaceId!;
    const theirs = (await admin().send(new CreateWorkspaceCommand({ alias: 'theirs', tags: { team: 'core' } }))).workspaceId!;
    await activeAmpWorkspace(mine);
    await activeAmpWorkspace(theirs);
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId: theirs }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId: mine }))).resolves.toBeDefined();
    expect(sandbox.amp.workspaces.get(mine)!.status).toBe('DELETING');
    expect(sandbox.amp.workspaces.get(theirs)!.status).toBe('ACTIVE');
    expect(sandbox.authorizations.find((a) => a.action === 'aps:DeleteWorkspace' && a.allowed)!.context).toMatchObject({ 'aws:ResourceTag/preview': 'true' });
  });

  it('DescribeStacks without a name also needs cloudformation:ListStacks on "*"', async () => {
    const onlyDescribe = sessionOf({ p: policy(allow('cloudformation:DescribeStacks')) });
    await expect(new CloudFormationClient(onlyDescribe.config).send(new DescribeStacksCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied', $metadata: { httpStatusCode: 403 },
      // CloudFormation names no resource for a request on "*".
      message: `User: ${onlyDescribe.sessionArn} is not authorized to perform: cloudformation:ListStacks because no identity-based policy allows the cloudformation:ListStacks action`,
    });
    expect(sandbox.log.at(-1)!.denied).toEqual({ action: 'cloudformation:ListStacks', resource: '*' });
    const both = sessionOf({ p: policy(allow(['cloudformation:DescribeStacks', 'cloudformation:ListStacks'])) });
    await expect(new CloudFormationClient(both.config).send(new DescribeStacksCommand({}))).resolves.toBeDefined();
    // A policy on specific stacks does not list all of them.
    const scoped = sessionOf({ p: policy(allow(['cloudformation:DescribeStacks', 'cloudformation:ListStacks'], 'arn:aws:cloudformation:*:*:stack/preview-*/*')) });
    await expect(new CloudFormationClient(scoped.config).send(new DescribeStacksCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('iam:PassRole is asked with iam:PassedToService for the service the role is handed to', async () => {
    const workspaceRole = serviceRole('amg-workspace-role', 'grafana.amazonaws.com');
    const create = { accountAccessType: 'CURRENT_ACCOUNT' as const, authenticationProviders: ['SAML' as const], permissionType: 'CUSTOMER_MANAGED' as const, workspaceRoleArn: workspaceRole, workspaceName: 'passrole' };
    const wrongService = sessionOf({ p: policy(allow('grafana:CreateWorkspace'), allow('iam:PassRole', '*', { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } })) });
    await expect(new GrafanaClient(wrongService.config).send(new CreateGrafanaWorkspaceCommand(create))).rejects.toMatchObject({
      name: 'AccessDeniedException', message: denial(wrongService.sessionArn, 'iam:PassRole', workspaceRole),
    });
    expect(sandbox.state().grafanaWorkspaces).toHaveLength(0);
    const right = sessionOf({ p: policy(allow('grafana:CreateWorkspace'), allow('iam:PassRole', 'arn:aws:iam::*:role/amg-*', { StringEquals: { 'iam:PassedToService': 'grafana.amazonaws.com' } })) });
    await expect(new GrafanaClient(right.config).send(new CreateGrafanaWorkspaceCommand(create))).resolves.toBeDefined();
    expect(sandbox.state().grafanaWorkspaces).toHaveLength(1);

    // CloudFormation's service role: PassRole to cloudformation.amazonaws.com, and cloudformation:RoleArn on the change set.
    const cfnRole = serviceRole('cfn-service-role', 'cloudformation.amazonaws.com');
    const { config } = sessionOf({ p: policy(allow('cloudformation:CreateChangeSet', '*', { ArnEquals: { 'cloudformation:RoleArn': cfnRole } })) });
    const changeSet = { StackName: 'preview-passrole', ChangeSetName: 'cs1', ChangeSetType: 'CREATE' as const, RoleARN: cfnRole, TemplateBody: '{"Resources":{"H":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}' };
    await expect(new CloudFormationClient(config).send(new CreateChangeSetCommand(changeSet))).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining(`iam:PassRole on resource: ${cfnRole}`) });
    expect(sandbox.authorizations.at(-1)).toMatchObject({ action: 'iam:PassRole', context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
    expect(sandbox.authorizations.at(-2)).toMatchObject({ action: 'cloudformation:CreateChangeSet', allowed: true, context: { 'cloudformation:ChangeSetName': 'cs1', 'cloudformation:ResourceTypes': ['AWS::CloudFormation::WaitConditionHandle'] } });
    expect(sandbox.state().stacks.filter((s) => s.stackName === 'preview-passrole')).toHaveLength(0);
  });

  it('the authorizations log records each decision, and tags on a stack ask cloudformation:TagResource too', async () => {
    const { sessionArn, config } = sessionOf({ p: policy(allow(['cloudformation:CreateStack', 'cloudformation:TagResource'], 'arn:aws:cloudformation:*:*:stack/preview-*/*')) });
    await new CloudFormationClient(config).send(new CreateStackCommand({
      StackName: 'preview-logged', Tags: [{ Key: 'pr', Value: '7' }], TemplateBody: '{"Resources":{"H":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}',
    }));
    const stack = `arn:aws:cloudformation:${REGION}:${ACCOUNT_ID}:stack/preview-logged/*`;
    expect(sandbox.authorizations).toEqual([
      expect.objectContaining({
        seq: expect.any(Number), principal: sessionArn, action: 'cloudformation:CreateStack', resource: stack, allowed: true, operation: 'CreateStack',
        context: expect.objectContaining({ 'aws:RequestTag/pr': '7', 'aws:TagKeys': ['pr'], 'cloudformation:ResourceTypes': ['AWS::CloudFormation::WaitConditionHandle'], 'aws:PrincipalArn': expect.stringMatching(/:role\/authz-test-/), 'aws:RequestedRegion': REGION }),
      }),
      expect.objectContaining({ action: 'cloudformation:TagResource', resource: stack, allowed: true, context: expect.objectContaining({ 'cloudformation:CreateAction': 'CreateStack', 'aws:RequestTag/pr': '7' }) }),
    ]);
    expect(sandbox.authorizations[0]).not.toHaveProperty('via');
    sandbox.clearLog();
    expect(sandbox.authorizations).toEqual([]);
  });

  it('the seeded workflow role allows everything by default; workflowRolePolicies replaces that', async () => {
    const narrow = await startSandbox({ latencies: FAST, workflowRolePolicies: { read: policy(allow('aps:ListWorkspaces')) } });
    try {
      expect(narrow.iam.roles.get('github-actions-preview')!.policies).toEqual({ read: policy(allow('aps:ListWorkspaces')) });
      expect(sandbox.iam.roles.get('github-actions-preview')!.policies).toEqual({ 'sandbox-allow-all': policy(allow('*')) });
    } finally {
      await narrow.close();
    }
  });
});
