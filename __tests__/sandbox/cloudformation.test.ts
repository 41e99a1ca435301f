import { CallContext, IamState, Latencies } from '../../sandbox/src/core/types';
import { CloudFormationModel } from '../../sandbox/src/models/cloudformation/model';
import { EcsModel } from '../../sandbox/src/models/ecs';
import { parseTemplate } from '../../sandbox/src/models/cloudformation/template';
import { evaluate } from '../../sandbox/src/models/cloudformation/intrinsics';
import { evalContext } from '../../sandbox/src/models/cloudformation/plan';

const latencies: Latencies = { ampCreate: 0, ampDelete: 0, grafanaCreate: 0, grafanaDelete: 0, grafanaUpdate: 0, cfnResource: { default: 5, ChangeSet: 5 } };
const ctx: CallContext = { region: 'eu-west-1', accountId: '123456789012', accessKeyId: 'AKIA', principalArn: 'arn:aws:iam::123456789012:user/u', requestId: 'r' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ROLE_TEMPLATE = `
Parameters:
  Name: { Type: String, Default: '' }
  Env: { Type: String, AllowedValues: [dev, prod], Default: dev }
Conditions:
  HasName: !Not [!Equals [!Ref Name, '']]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !If [HasName, !Ref Name, !Ref AWS::NoValue]
      Description: !Sub 'role for \${Env} in \${AWS::Region}'
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: grafana.amazonaws.com }, Action: sts:AssumeRole }]
Outputs:
  Arn: { Value: !GetAtt Role.Arn }
  Name: { Value: !Ref Role }
`;

function setup() {
  const iam: IamState = { roles: new Map() };
  return { iam, cfn: new CloudFormationModel({ iam, ecs: new EcsModel(), latencies: () => latencies, accountId: '123456789012' }) };
}

async function settle(cfn: CloudFormationModel, name: string): Promise<Record<string, any>> {
  for (let i = 0; i < 200; i++) {
    const stack = ((await cfn.call('DescribeStacks', { StackName: name }, ctx)).Stacks as Record<string, any>[])[0];
    if (!/_IN_PROGRESS$/.test(stack.StackStatus) || stack.StackStatus === 'REVIEW_IN_PROGRESS') return stack;
    await sleep(5);
  }
  throw new Error('stack did not settle');
}

async function changeSet(cfn: CloudFormationModel, input: Record<string, unknown>) {
  const { Id } = await cfn.call('CreateChangeSet', input, ctx);
  for (let i = 0; i < 100; i++) {
    const cs = await cfn.call('DescribeChangeSet', { ChangeSetName: Id }, ctx);
    if (cs.Status !== 'CREATE_PENDING') return cs as Record<string, any>;
    await sleep(5);
  }
  throw new Error('change set did not settle');
}

describe('template parsing and intrinsics', () => {
  it('turns every short-form tag into its long form', () => {
    const t = parseTemplate(`
Resources:
  R:
    Type: AWS::CloudFormation::WaitConditionHandle
    Metadata:
      a: !Ref X
      b: !GetAtt R.Arn
      c: !Sub 'x-\${AWS::Region}'
      d: !Join ['-', [a, b]]
      e: !Select [0, !Split [',', 'a,b']]
      f: !If [C, 1, 2]
      g: !Base64 abc
      h: !FindInMap [M, k, v]
      i: !GetAZs ''
      j: !And [!Equals [1, 1], !Or [!Not [!Condition C]]]
      k: !Cidr ['10.0.0.0/16', 2, 8]
      l: !ImportValue shared
`);
    expect(t.Resources.R.Metadata).toEqual({
      a: { Ref: 'X' }, b: { 'Fn::GetAtt': ['R', 'Arn'] }, c: { 'Fn::Sub': 'x-${AWS::Region}' },
      d: { 'Fn::Join': ['-', ['a', 'b']] }, e: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
      f: { 'Fn::If': ['C', 1, 2] }, g: { 'Fn::Base64': 'abc' }, h: { 'Fn::FindInMap': ['M', 'k', 'v'] }, i: { 'Fn::GetAZs': '' },
      j: { 'Fn::And': [{ 'Fn::Equals': [1, 1] }, { 'Fn::Or': [{ 'Fn::Not': [{ Condition: 'C' }] }] }] },
      k: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }, l: { 'Fn::ImportValue': 'shared' },
    });
  });

  it('evaluates Sub, Join, Select, If, Cidr and NoValue as CloudFormation does', () => {
    const t = parseTemplate(ROLE_TEMPLATE);
    const c = evalContext(t, { Name: '', Env: 'prod' }, { region: 'eu-west-1', accountId: '1', stackName: 's', stackId: 'id' }, () => ({ ref: 'r', attributes: { Arn: 'arn:x' } }));
    expect(evaluate(t.Resources.Role.Properties, c)).toMatchObject({ Description: 'role for prod in eu-west-1' });
    expect(evaluate(t.Resources.Role.Properties, c)).not.toHaveProperty('RoleName');
    expect(evaluate({ 'Fn::Sub': ['${A}-${!Lit}-${Role.Arn}', { A: 'a' }] }, c)).toBe('a-${Lit}-arn:x');
    expect(evaluate({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }, c)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(evaluate({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b'] }] }, c)).toBe('b');
  });
});

describe('stacks', () => {
  it('creates resources with events in order, outputs, and stack tags on the role', async () => {
    const { iam, cfn } = setup();
    await expect(cfn.call('CreateStack', { StackName: 's1', TemplateBody: ROLE_TEMPLATE }, ctx)).rejects.toMatchObject({ code: 'InsufficientCapabilitiesException' });
    await expect(cfn.call('CreateStack', { StackName: 's1', TemplateBody: ROLE_TEMPLATE, Capabilities: ['CAPABILITY_IAM'], Parameters: [{ ParameterKey: 'Name', ParameterValue: 'named' }] }, ctx))
      .rejects.toMatchObject({ message: 'Requires capabilities : [CAPABILITY_NAMED_IAM]' });
    await cfn.call('CreateStack', { StackName: 's1', TemplateBody: ROLE_TEMPLATE, Capabilities: ['CAPABILITY_IAM'], Tags: [{ Key: 'owner', Value: 'me' }] }, ctx);
    const stack = await settle(cfn, 's1');
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const role = [...iam.roles.values()][0];
    expect(role.tags).toEqual({ owner: 'me' });
    expect(stack.Outputs).toEqual([
      { OutputKey: 'Arn', OutputValue: role.arn, Description: undefined, ExportName: undefined },
      { OutputKey: 'Name', OutputValue: role.roleName, Description: undefined, ExportName: undefined },
    ]);
    const events = ((await cfn.call('DescribeStackEvents', { StackName: 's1' }, ctx)).StackEvents as Record<string, any>[]).reverse();
    expect(events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`)).toEqual([
      's1 CREATE_IN_PROGRESS', 'Role CREATE_IN_PROGRESS', 'Role CREATE_COMPLETE', 's1 CREATE_COMPLETE',
    ]);
  });

  it('diffs change sets: a replacing Modify, and an empty change set that fails with the exact reason', async () => {
    const { cfn } = setup();
    const base = { StackName: 's2', TemplateBody: ROLE_TEMPLATE, Capabilities: ['CAPABILITY_NAMED_IAM'] };
    const create = await changeSet(cfn, { ...base, ChangeSetName: 'c1', ChangeSetType: 'CREATE' });
    expect(create.Changes.map((c: any) => c.ResourceChange.Action)).toEqual(['Add']);
    await cfn.call('ExecuteChangeSet', { ChangeSetName: create.ChangeSetId }, ctx);
    expect((await settle(cfn, 's2')).StackStatus).toBe('CREATE_COMPLETE');

    const same = await changeSet(cfn, { ...base, ChangeSetName: 'c2', ChangeSetType: 'UPDATE' });
    expect(same.Status).toBe('FAILED');
    expect(same.StatusReason).toBe("The submitted information didn't contain changes. Submit different information to create a change set.");

    const renamed = await changeSet(cfn, { ...base, ChangeSetName: 'c3', ChangeSetType: 'UPDATE', Parameters: [{ ParameterKey: 'Name', ParameterValue: 'explicit-name' }] });
    expect(renamed.Changes).toHaveLength(1);
    expect(renamed.Changes[0].ResourceChange).toMatchObject({ Action: 'Modify', LogicalResourceId: 'Role', Replacement: 'True', Scope: ['Properties'] });
    expect(renamed.Changes[0].ResourceChange.Details[0].Target).toEqual({ Attribute: 'Properties', Name: 'RoleName', RequiresRecreation: 'Always' });

    await expect(cfn.call('CreateChangeSet', { ...base, ChangeSetName: 'c4', ChangeSetType: 'CREATE' }, ctx)).rejects.toMatchObject({ code: 'ValidationError', message: expect.stringMatching(/already exists/) });
  });

  it('rolls back a failed create to ROLLBACK_COMPLETE, reporting the root cause first', async () => {
    const { iam, cfn } = setup();
    const t = ROLE_TEMPLATE.replace('Outputs:', `  Other:
    Type: AWS::IAM::Role
    DependsOn: Role
    Properties:
      AssumeRolePolicyDocument: {}
Outputs:`);
    cfn.injectResourceFailure({ logicalId: 'Other' }, 'Access denied for iam:CreateRole');
    await cfn.call('CreateStack', { StackName: 's3', TemplateBody: t, Capabilities: ['CAPABILITY_IAM'] }, ctx);
    const stack = await settle(cfn, 's3');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(iam.roles.size).toBe(0);
    const events = ((await cfn.call('DescribeStackEvents', { StackName: 's3' }, ctx)).StackEvents as Record<string, any>[]).reverse();
    expect(events.find((e) => e.ResourceStatus.endsWith('_FAILED'))).toMatchObject({ LogicalResourceId: 'Other', ResourceStatusReason: 'Access denied for iam:CreateRole' });
    await expect(cfn.call('UpdateStack', { StackName: 's3', TemplateBody: t, Capabilities: ['CAPABILITY_IAM'] }, ctx)).rejects.toMatchObject({ message: expect.stringMatching(/ROLLBACK_COMPLETE state and can not be updated/) });
    await cfn.call('DeleteStack', { StackName: 's3' }, ctx);
    expect((await settle(cfn, stack.StackId)).StackStatus).toBe('DELETE_COMPLETE');
    await expect(cfn.call('DescribeStacks', { StackName: 's3' }, ctx)).rejects.toMatchObject({ message: 'Stack with id s3 does not exist' });
  });

  it('fails an unsupported property at provisioning time and rolls an update back', async () => {
    const { iam, cfn } = setup();
    await cfn.call('CreateStack', { StackName: 's4', TemplateBody: ROLE_TEMPLATE, Capabilities: ['CAPABILITY_IAM'] }, ctx);
    await settle(cfn, 's4');
    const broken = ROLE_TEMPLATE.replace('      Description:', '      Colour: blue\n      Description:');
    await cfn.call('UpdateStack', { StackName: 's4', TemplateBody: broken, Capabilities: ['CAPABILITY_IAM'] }, ctx);
    expect((await settle(cfn, 's4')).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const events = (await cfn.call('DescribeStackEvents', { StackName: 's4' }, ctx)).StackEvents as Record<string, any>[];
    expect(events.some((e) => e.ResourceStatusReason === 'Encountered unsupported property Colour')).toBe(true);
    expect(iam.roles.size).toBe(1);
  });

  it.each([
    ['an unknown resource type', 'Resources: { X: { Type: AWS::Nope::Thing } }', 'Template format error: Unrecognized resource types: [AWS::Nope::Thing]'],
    ['an unresolved Ref', 'Resources: { X: { Type: AWS::IAM::Role, Properties: { RoleName: !Ref Missing, AssumeRolePolicyDocument: {} } } }', 'Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template'],
    ['a missing parameter', 'Parameters: { P: { Type: String } }\nResources: { X: { Type: AWS::CloudFormation::WaitConditionHandle } }', 'Parameters: [P] must have values'],
    ['an unknown attribute', 'Resources: { X: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }, Y: { Type: AWS::IAM::Role, Properties: { Description: !GetAtt X.Nope, AssumeRolePolicyDocument: {} } } }', 'Template error: resource X does not support attribute type Nope in Fn::GetAtt'],
    ['a circular dependency', 'Resources: { A: { Type: AWS::CloudFormation::WaitConditionHandle, DependsOn: B }, B: { Type: AWS::CloudFormation::WaitConditionHandle, DependsOn: A } }', 'Circular dependency between resources: [A, B]'],
    ['a bad top-level section', 'Resource: {}', 'Template format error: Invalid template property or properties [Resource]'],
  ])('rejects %s', async (_what, body, message) => {
    const { cfn } = setup();
    await expect(cfn.call('CreateStack', { StackName: 'bad', TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] }, ctx)).rejects.toMatchObject({ code: 'ValidationError', message });
  });
});

describe('change sets described with property values', () => {
  const TEMPLATE = `
Parameters:
  Name: { Type: String, Default: '' }
  Secret: { Type: String, NoEcho: true, Default: s1 }
Conditions:
  HasName: !Not [!Equals [!Ref Name, '']]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !If [HasName, !Ref Name, !Ref AWS::NoValue]
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: grafana.amazonaws.com }, Action: sts:AssumeRole }]
      Tags: [{ Key: purpose, Value: !Ref Secret }]
  Other:
    Type: AWS::IAM::Role
    Properties:
      Description: !GetAtt Role.Arn
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: grafana.amazonaws.com }, Action: sts:AssumeRole }]
`;
  const base = { StackName: 'pv', TemplateBody: TEMPLATE, Capabilities: ['CAPABILITY_NAMED_IAM'] };

  async function created(cfn: CloudFormationModel) {
    const create = await changeSet(cfn, { ...base, ChangeSetName: 'c1', ChangeSetType: 'CREATE' });
    await cfn.call('ExecuteChangeSet', { ChangeSetName: create.ChangeSetId }, ctx);
    expect((await settle(cfn, 'pv')).StackStatus).toBe('CREATE_COMPLETE');
    return changeSet(cfn, { ...base, ChangeSetName: 'c2', ChangeSetType: 'UPDATE', Parameters: [{ ParameterKey: 'Name', ParameterValue: 'named' }, { ParameterKey: 'Secret', ParameterValue: 's2' }] });
  }

  it('returns each changed leaf with its path, before and after value, the parameter that caused it, and what follows a replacement', async () => {
    const { cfn } = setup();
    const cs = await created(cfn);
    const full = await cfn.call('DescribeChangeSet', { ChangeSetName: cs.ChangeSetId, IncludePropertyValues: 'true' }, ctx) as Record<string, any>;
    const [role, other] = full.Changes.map((c: any) => c.ResourceChange);
    expect(role).toMatchObject({ Action: 'Modify', LogicalResourceId: 'Role', Replacement: 'True' });
    expect(role.Details).toContainEqual({
      Target: { Attribute: 'Properties', Name: 'RoleName', RequiresRecreation: 'Always', Path: '/Properties/RoleName', AfterValue: 'named', AttributeChangeType: 'Add' },
      Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Name',
    });
    expect(role.Details).toContainEqual(expect.objectContaining({ Target: expect.objectContaining({ Attribute: 'Tags', Path: '/Properties/Tags/0/Value', BeforeValue: 's1', AfterValue: 's2' }), CausingEntity: 'Secret' }));
    expect(JSON.parse(role.AfterContext).Properties.RoleName).toBe('named');
    // Other reads Role's Arn, which the replacement changes: known only once the change set runs.
    expect(other).toMatchObject({ Action: 'Modify', LogicalResourceId: 'Other', Replacement: 'False' });
    expect(other.Details).toEqual([{
      Target: expect.objectContaining({ Path: '/Properties/Description', AfterValue: '{{changeSet:KNOWN_AFTER_APPLY}}', AttributeChangeType: 'Modify' }),
      Evaluation: 'Dynamic', ChangeSource: 'ResourceAttribute', CausingEntity: 'Role.Arn',
    }]);
    // Without the flag: one detail per property and cause, and no values.
    expect(cs.Changes[0].ResourceChange.BeforeContext).toBeUndefined();
    expect(cs.Changes[0].ResourceChange.Details.every((d: any) => d.Target.Path === undefined && d.Target.BeforeValue === undefined)).toBe(true);
  });

  it('masks NoEcho parameters as ****, pages Changes past the page size, and refuses a foreign token or a non-boolean flag', async () => {
    const { cfn } = setup();
    const cs = await created(cfn);
    expect(cs.Parameters).toContainEqual({ ParameterKey: 'Secret', ParameterValue: '****' });
    expect(cs.Parameters).toContainEqual({ ParameterKey: 'Name', ParameterValue: 'named' });
    const stack = await settle(cfn, 'pv');
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'Secret', ParameterValue: '****' });

    cfn.changeSetPageBytes = 10;
    const first = await cfn.call('DescribeChangeSet', { ChangeSetName: cs.ChangeSetId, IncludePropertyValues: 'true' }, ctx) as Record<string, any>;
    expect(first.Changes).toHaveLength(1);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await cfn.call('DescribeChangeSet', { ChangeSetName: cs.ChangeSetId, IncludePropertyValues: 'true', NextToken: first.NextToken }, ctx) as Record<string, any>;
    expect(second.Changes.map((c: any) => c.ResourceChange.LogicalResourceId)).toEqual(['Other']);
    expect(second.NextToken).toBeUndefined();

    await expect(cfn.call('DescribeChangeSet', { ChangeSetName: cs.ChangeSetId, NextToken: 'bogus!' }, ctx)).rejects.toMatchObject({ code: 'ValidationError' });
    await expect(cfn.call('DescribeChangeSet', { ChangeSetName: cs.ChangeSetId, IncludePropertyValues: 'yes' }, ctx)).rejects.toMatchObject({ code: 'ValidationError' });
  });
});
