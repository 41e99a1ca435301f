import { randomBytes } from 'node:crypto';
import type { ResourceProvider } from './providers';

const id = (prefix: string) => `${prefix}-${randomBytes(8).toString('hex').slice(0, 17)}`;

/** A resource that only has to exist: an id, fixed attributes, and property names checked. */
function simple(prefix: string, properties: ResourceProvider['properties'], attributes: (physicalId: string, props: Record<string, unknown>) => Record<string, string>, replaceOn: string[] = []): ResourceProvider {
  return {
    properties,
    attributes: Object.keys(attributes('x', {})),
    replaceOn,
    create: (props) => {
      const physicalId = id(prefix);
      return { physicalId, attributes: attributes(physicalId, props) };
    },
    update: (physicalId, props) => ({ physicalId, attributes: attributes(physicalId, props) }),
    delete: () => undefined,
  };
}

const tags = { Tags: { type: 'list' as const } };

const ingressOf = (p: Record<string, unknown>) => ((p.SecurityGroupIngress as unknown[] | undefined) ?? [])
  .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);

/** The small public network the preview stack creates when no VPC is given. */
export const NETWORK_PROVIDERS: Record<string, ResourceProvider> = {
  'AWS::EC2::VPC': simple('vpc', { CidrBlock: { required: true }, EnableDnsHostnames: {}, EnableDnsSupport: {}, InstanceTenancy: {}, ...tags },
    (vpcId, p) => ({ VpcId: vpcId, CidrBlock: String(p.CidrBlock ?? ''), DefaultSecurityGroup: `sg-default${vpcId.slice(4, 12)}` }), ['CidrBlock']),
  'AWS::EC2::Subnet': simple('subnet', { VpcId: { required: true }, CidrBlock: { required: true }, AvailabilityZone: {}, MapPublicIpOnLaunch: {}, ...tags },
    (subnetId, p) => ({ SubnetId: subnetId, AvailabilityZone: String(p.AvailabilityZone ?? ''), VpcId: String(p.VpcId ?? '') }), ['VpcId', 'CidrBlock', 'AvailabilityZone']),
  'AWS::EC2::InternetGateway': simple('igw', { ...tags }, (igw) => ({ InternetGatewayId: igw })),
  'AWS::EC2::VPCGatewayAttachment': simple('attach', { VpcId: { required: true }, InternetGatewayId: {}, VpnGatewayId: {} }, () => ({})),
  'AWS::EC2::RouteTable': simple('rtb', { VpcId: { required: true }, ...tags }, (rtb) => ({ RouteTableId: rtb }), ['VpcId']),
  'AWS::EC2::Route': simple('r', { RouteTableId: { required: true }, DestinationCidrBlock: {}, GatewayId: {}, NatGatewayId: {} }, () => ({})),
  'AWS::EC2::SubnetRouteTableAssociation': simple('rtbassoc', { SubnetId: { required: true }, RouteTableId: { required: true } }, () => ({})),
  // The group's ingress rules go to the network model: they decide what reaches the tasks and the load balancer (sandbox/src/http/app-proxy.ts).
  'AWS::EC2::SecurityGroup': {
    properties: { GroupDescription: { required: true }, GroupName: {}, VpcId: {}, SecurityGroupIngress: { type: 'list' }, SecurityGroupEgress: { type: 'list' }, ...tags },
    attributes: ['GroupId', 'VpcId'],
    replaceOn: ['GroupDescription', 'GroupName', 'VpcId'],
    create: (p, ctx) => {
      const groupId = id('sg');
      ctx.ecs.network.putSecurityGroup(groupId, String(p.VpcId ?? ''), ingressOf(p));
      return { physicalId: groupId, attributes: { GroupId: groupId, VpcId: String(p.VpcId ?? '') } };
    },
    update: (groupId, p, ctx) => {
      ctx.ecs.network.putSecurityGroup(groupId, String(p.VpcId ?? ''), ingressOf(p));
      return { physicalId: groupId, attributes: { GroupId: groupId, VpcId: String(p.VpcId ?? '') } };
    },
    delete: (groupId, ctx) => { ctx.ecs.network.securityGroups.delete(groupId); },
  },
  'AWS::Logs::LogGroup': {
    properties: { LogGroupName: {}, RetentionInDays: { type: 'number' }, KmsKeyId: {}, ...tags },
    attributes: ['Arn'],
    replaceOn: ['LogGroupName'],
    physicalName: (p, ctx) => (p.LogGroupName as string | undefined) ?? `${ctx.stackName}-${ctx.logicalId}-${randomBytes(6).toString('hex').toUpperCase()}`,
    create: (p, ctx) => {
      const RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
      if (p.RetentionInDays !== undefined && !RETENTION.includes(Number(p.RetentionInDays))) {
        throw new Error(`Properties validation failed for resource ${ctx.logicalId} with message: #/RetentionInDays: ${String(p.RetentionInDays)} is not a valid enum value`);
      }
      const name = ctx.physicalName ?? NETWORK_PROVIDERS['AWS::Logs::LogGroup'].physicalName!(p, ctx);
      ctx.logs?.createLogGroup(name, ctx.region, ctx.accountId);
      return { physicalId: name, attributes: { Arn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}:*` } };
    },
    update: (name, _p, ctx) => ({ physicalId: name, attributes: { Arn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}:*` } }),
    delete: (name, ctx) => ctx.logs?.deleteLogGroup(name, ctx.region, ctx.accountId),
  },
};
