import type { Change } from '@aws-sdk/client-cloudformation';
import { formatChangeSetLines, readablePath, renderChangeSet, shorten } from '../../src/render/change-set';
import { maskNoEchoValues, parameterChanges } from '../../src/aws/stacks';

const add = (id: string, type: string): Change => ({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: id, ResourceType: type, Details: [] } });
const CONTAINERS = [{ Name: 'app', Image: 'public.ecr.aws/acme/shop:v1' }, { Name: 'collector', Image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0' }];
const ctx = (containers: unknown) => JSON.stringify({ Properties: { ContainerDefinitions: containers } });

/** A redeploy with a new app image, as DescribeChangeSet with IncludePropertyValues returns it. */
const IMAGE_CHANGE: Change[] = [
  { Type: 'Resource', ResourceChange: {
    Action: 'Modify', LogicalResourceId: 'TaskDefinition', ResourceType: 'AWS::ECS::TaskDefinition', Replacement: 'True', Scope: ['Properties'],
    BeforeContext: ctx(CONTAINERS), AfterContext: ctx([{ ...CONTAINERS[0], Image: 'public.ecr.aws/acme/shop:4f1c2e9' }, CONTAINERS[1]]),
    Details: [
      { Target: { Attribute: 'Properties', Name: 'ContainerDefinitions', RequiresRecreation: 'Always', Path: '/Properties/ContainerDefinitions/0/Image', BeforeValue: 'public.ecr.aws/acme/shop:v1', AfterValue: 'public.ecr.aws/acme/shop:4f1c2e9', AttributeChangeType: 'Modify' }, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
      { Target: { Attribute: 'Properties', Name: 'ContainerDefinitions', RequiresRecreation: 'Always', Path: '/Properties/ContainerDefinitions/0/Image', BeforeValue: 'public.ecr.aws/acme/shop:v1', AfterValue: 'public.ecr.aws/acme/shop:4f1c2e9', AttributeChangeType: 'Modify' }, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'AppImage' },
    ],
  } },
  { Type: 'Resource', ResourceChange: {
    Action: 'Modify', LogicalResourceId: 'Service', ResourceType: 'AWS::ECS::Service', Replacement: 'False', Scope: ['Properties'],
    Details: [{ Target: { Attribute: 'Properties', Name: 'TaskDefinition', RequiresRecreation: 'Never', Path: '/Properties/TaskDefinition', BeforeValue: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/shop:1', AfterValue: '{{changeSet:KNOWN_AFTER_APPLY}}', AttributeChangeType: 'Modify' }, Evaluation: 'Dynamic', ChangeSource: 'ResourceReference', CausingEntity: 'TaskDefinition' }],
  } },
];

describe('the change set a reviewer reads', () => {
  it('folds a first deploy\'s 18 additions under a count line', () => {
    const changes = Array.from({ length: 18 }, (_, i) => add(`Resource${i}`, 'AWS::EC2::Subnet'));
    const md = renderChangeSet({ changes, parameters: [] });
    expect(md.split('\n')[0]).toBe('**18 to add, 0 to modify, 0 to replace, 0 to remove**');
    expect(md).toMatch(/<details><summary>18 resource\(s\) to add<\/summary>/);
    expect(md.match(/^- `Resource\d+` \(AWS::EC2::Subnet\)$/gm)).toHaveLength(18);
  });

  it('shows an image change as the container\'s image before → after, once, and the service that follows it', () => {
    const md = renderChangeSet({ changes: IMAGE_CHANGE, parameters: [] });
    expect(md.split('\n')[0]).toBe('**0 to add, 1 to modify, 1 to replace, 0 to remove**');
    expect(md).toContain('- ⚠️ `TaskDefinition` (AWS::ECS::TaskDefinition) **replaced**');
    expect(md.match(/ContainerDefinitions\\\[app\\\]\.Image: `…:v1` → `…:4f1c2e9`/g)).toHaveLength(1);
    expect(md).toContain('TaskDefinition: `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop:1` → (known after deploy)');
    expect(formatChangeSetLines({ changes: IMAGE_CHANGE, parameters: [] })).toEqual([
      '0 to add, 1 to modify, 1 to replace, 0 to remove',
      'Modify TaskDefinition (AWS::ECS::TaskDefinition) [replacement]',
      '         ContainerDefinitions[app].Image: …:v1 → …:4f1c2e9',
      'Modify Service (AWS::ECS::Service)',
      '         TaskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/shop:1 → (known after deploy)',
    ]);
  });

  it('lists changed parameters before → after, shortening long values in the middle', () => {
    const config = `receivers:\n  prometheus:\n    config: ${'x'.repeat(200)}\nexporters: remote`;
    const md = renderChangeSet({ changes: [], parameters: [{ key: 'DesiredCount', before: '1', after: '2' }, { key: 'AdotConfig', before: config, after: `${config}2` }] });
    expect(md).toContain('- `DesiredCount`: `1` → `2`');
    const line = md.split('\n').find((l) => l.startsWith('- `AdotConfig`'))!;
    expect(line).toContain('…');
    expect(line).toContain('receivers: prometheus:');
    expect(line.length).toBeLessThan(160);
  });

  it('never lists a NoEcho parameter, masked by CloudFormation on both sides', () => {
    expect(parameterChanges(
      [{ ParameterKey: 'Token', ParameterValue: '****' }, { ParameterKey: 'AppImage', ParameterValue: 'a:1' }, { ParameterKey: 'Same', ParameterValue: 'x' }],
      [{ ParameterKey: 'Token', ParameterValue: '****' }, { ParameterKey: 'AppImage', ParameterValue: 'a:2' }, { ParameterKey: 'Same', ParameterValue: 'x' }],
    )).toEqual([{ key: 'AppImage', before: 'a:1', after: 'a:2' }]);
  });

  it('masks property values a NoEcho parameter feeds, in both of CloudFormation\'s details for the path', () => {
    const target = { Attribute: 'Tags', Path: '/Properties/Tags/0/Value', BeforeValue: 'old-secret', AfterValue: 'new-secret', AttributeChangeType: 'Modify' } as const;
    const changes = maskNoEchoValues([{ ResourceChange: { Action: 'Modify', LogicalResourceId: 'R', ResourceType: 'T', Replacement: 'False', AfterContext: '{"Properties":{"Tags":[{"Value":"new-secret"}]}}', Details: [
      { Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
      { Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Token' },
    ] } }], [{ ParameterKey: 'Token', ParameterValue: '****' }]);
    const md = renderChangeSet({ changes, parameters: [] });
    expect(JSON.stringify(changes)).not.toContain('secret');
    expect(md).toContain('`****` → `****`');
  });

  it('calls out a conditional replacement and a removal', () => {
    const md = renderChangeSet({ changes: [
      { ResourceChange: { Action: 'Modify', LogicalResourceId: 'Lb', ResourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Replacement: 'Conditional', Details: [{ Target: { Attribute: 'Properties', Name: 'Subnets', RequiresRecreation: 'Always', Path: '/Properties/Subnets/0', BeforeValue: 'subnet-1', AfterValue: '{{changeSet:KNOWN_AFTER_APPLY}}', AttributeChangeType: 'Modify' }, Evaluation: 'Dynamic' }] } },
      { ResourceChange: { Action: 'Remove', LogicalResourceId: 'OldQueue', ResourceType: 'AWS::SQS::Queue', Details: [] } },
    ], parameters: [] });
    expect(md.split('\n')[0]).toBe('**0 to add, 0 to modify, 1 to replace, 1 to remove**');
    expect(md).toContain('`Lb` (AWS::ElasticLoadBalancingV2::LoadBalancer) **may be replaced**');
    expect(md).toContain('Subnets\\[0\\]: `subnet-1` → (known after deploy)');
    expect(md).toContain('- ➖ `OldQueue` (AWS::SQS::Queue) **removed**');
  });

  it('says nothing changed when nothing did', () => {
    expect(renderChangeSet({ changes: [], parameters: [] })).toBe('_No changes._');
    expect(formatChangeSetLines({ changes: [], parameters: [] })).toEqual([]);
  });

  it('keeps values CloudFormation echoes from the template inside code spans', () => {
    const md = renderChangeSet({ changes: [{ ResourceChange: { Action: 'Modify', LogicalResourceId: 'A', ResourceType: 'T', Replacement: 'False', Details: [{ Target: { Path: '/Properties/Tags/0/Value', BeforeValue: '@team `x`', AfterValue: '<img src=x>', AttributeChangeType: 'Modify' } }] } }], parameters: [] });
    // Values stay inside code spans, where nothing is markdown, HTML or a mention.
    expect(md).toContain('Tags\\[0\\].Value: `` @team `x` `` → `<img src=x>`');
  });

  it('names list elements by Name or Key, and keeps both ends of a long value', () => {
    expect(readablePath('/Properties/Tags/1/Value', { Properties: { Tags: [{ Key: 'a' }, { Key: 'owner', Value: 'x' }] } })).toBe('Tags[owner].Value');
    expect(readablePath('/Properties/Environment/Variables/PORT')).toBe('Environment.Variables.PORT');
    expect(shorten(`start-${'m'.repeat(100)}-end`, 20)).toBe('start-mmmm…mmmmm-end');
  });
});
