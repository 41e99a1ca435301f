// The preview's load balancer (expose: load-balancer), with the required properties of the provider
// schemas (cfn-lint v1.12.3, aws-elasticloadbalancingv2-*.json: Listener requires LoadBalancerArn and
// DefaultActions; a LoadBalancer takes Subnets or SubnetMappings) and ELB's own refusals.
import { randomBytes } from 'node:crypto';
import type { ProviderContext, ResourceProvider } from './providers';

const fail = (ctx: ProviderContext, message: string): never => {
  throw new Error(`Resource handler returned message: "${message} (Service: ElasticLoadBalancingV2, Status Code: 400, Request ID: ${randomBytes(8).toString('hex')})" (HandlerErrorCode: InvalidRequest) [${ctx.logicalId}]`);
};

/** CloudFormation names an unnamed load balancer or target group within ELB's 32 characters: a prefix of the stack and logical ids, then a random suffix. */
function generated(ctx: ProviderContext): string {
  const suffix = randomBytes(6).toString('hex').toUpperCase();
  return `${ctx.stackName.slice(0, 5)}-${ctx.logicalId.slice(0, 5)}-${suffix}`.replace(/[^A-Za-z0-9-]/g, '');
}

export const ELB_PROVIDERS: Record<string, ResourceProvider> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    properties: {
      Name: {}, Type: {}, Scheme: {}, IpAddressType: {}, SecurityGroups: { type: 'list' }, Subnets: { type: 'list' }, SubnetMappings: { type: 'list' },
      LoadBalancerAttributes: { type: 'list' }, Tags: { type: 'list' },
    },
    attributes: ['DNSName', 'LoadBalancerArn', 'LoadBalancerFullName', 'LoadBalancerName', 'CanonicalHostedZoneID', 'SecurityGroups'],
    replaceOn: ['Name', 'Type', 'Scheme'],
    physicalName: (p, ctx) => (p.Name as string | undefined) ?? generated(ctx),
    create: (p, ctx) => {
      const subnets = (p.Subnets as string[] | undefined) ?? [];
      if (subnets.length === 0 && !p.SubnetMappings) fail(ctx, 'At least one subnet must be specified');
      // ELB: an Application Load Balancer needs subnets in at least two Availability Zones.
      if ((p.Type ?? 'application') === 'application' && subnets.length < 2) fail(ctx, 'At least two subnets in two different Availability Zones must be specified');
      const name = ctx.physicalName ?? generated(ctx);
      const lb = ctx.ecs.network.createLoadBalancer(name, String(p.Scheme ?? 'internet-facing'), (p.SecurityGroups as string[] | undefined) ?? [], subnets, ctx.region, ctx.accountId);
      return { physicalId: lb.arn, attributes: lbAttributes(lb.arn, ctx) };
    },
    update: (arn, p, ctx) => {
      const lb = ctx.ecs.network.loadBalancers.get(arn);
      if (lb) lb.securityGroups = (p.SecurityGroups as string[] | undefined) ?? [];
      return { physicalId: arn, attributes: lbAttributes(arn, ctx) };
    },
    delete: (arn, ctx) => { ctx.ecs.network.loadBalancers.delete(arn); },
  },
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    properties: {
      Name: {}, TargetType: {}, Protocol: {}, ProtocolVersion: {}, Port: { type: 'number' }, VpcId: {}, IpAddressType: {}, HealthCheckEnabled: {},
      HealthCheckPath: {}, HealthCheckPort: {}, HealthCheckProtocol: {}, HealthCheckIntervalSeconds: { type: 'number' }, HealthCheckTimeoutSeconds: { type: 'number' },
      HealthyThresholdCount: { type: 'number' }, UnhealthyThresholdCount: { type: 'number' }, Matcher: { type: 'object' }, TargetGroupAttributes: { type: 'list' },
      Targets: { type: 'list' }, Tags: { type: 'list' },
    },
    attributes: ['TargetGroupArn', 'TargetGroupName', 'TargetGroupFullName', 'LoadBalancerArns'],
    replaceOn: ['Name', 'TargetType', 'Protocol', 'ProtocolVersion', 'Port', 'VpcId', 'IpAddressType'],
    physicalName: (p, ctx) => (p.Name as string | undefined) ?? generated(ctx),
    create: (p, ctx) => {
      if (p.TargetType === 'ip' && !p.VpcId) fail(ctx, 'A VPC ID must be specified for target groups of type ip');
      const path = String(p.HealthCheckPath ?? '/');
      if (!path.startsWith('/') || path.length > 1024) fail(ctx, `Health check path '${path}' must start with '/' and be at most 1024 characters`);
      const name = ctx.physicalName ?? generated(ctx);
      const arn = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:targetgroup/${name}/${randomBytes(8).toString('hex')}`;
      ctx.ecs.network.targetGroups.set(arn, {
        arn, name, port: Number(p.Port ?? 80), protocol: String(p.Protocol ?? 'HTTP'), vpcId: String(p.VpcId ?? ''), healthCheckPath: path,
        matcher: String((p.Matcher as { HttpCode?: string } | undefined)?.HttpCode ?? '200'), targets: new Map(),
      });
      return { physicalId: arn, attributes: { TargetGroupArn: arn, TargetGroupName: name, TargetGroupFullName: arn.split(':').pop()!, LoadBalancerArns: '' } };
    },
    update: (arn, p, ctx) => {
      const tg = ctx.ecs.network.targetGroups.get(arn);
      if (tg) {
        tg.healthCheckPath = String(p.HealthCheckPath ?? '/');
        tg.matcher = String((p.Matcher as { HttpCode?: string } | undefined)?.HttpCode ?? '200');
      }
      return { physicalId: arn, attributes: { TargetGroupArn: arn, TargetGroupName: tg?.name ?? '', TargetGroupFullName: arn.split(':').pop()!, LoadBalancerArns: '' } };
    },
    delete: (arn, ctx) => {
      // ELB refuses to delete a target group a listener still forwards to (ResourceInUse).
      if ([...ctx.ecs.network.listeners.values()].some((l) => l.targetGroupArn === arn)) fail(ctx, `Target group '${arn}' is currently in use by a listener or a rule`);
      ctx.ecs.network.targetGroups.delete(arn);
    },
  },
  'AWS::ElasticLoadBalancingV2::Listener': {
    properties: {
      LoadBalancerArn: { required: true }, DefaultActions: { required: true, type: 'list' }, Port: { type: 'number' }, Protocol: {},
      Certificates: { type: 'list' }, SslPolicy: {}, AlpnPolicy: { type: 'list' }, MutualAuthentication: { type: 'object' },
    },
    attributes: ['ListenerArn'],
    replaceOn: ['LoadBalancerArn'],
    create: (p, ctx) => {
      const lb = ctx.ecs.network.loadBalancers.get(String(p.LoadBalancerArn));
      if (!lb) fail(ctx, `Load balancer '${String(p.LoadBalancerArn)}' not found`);
      const forward = (p.DefaultActions as { Type?: string; TargetGroupArn?: string }[]).find((a) => a.Type === 'forward');
      if (!forward?.TargetGroupArn || !ctx.ecs.network.targetGroups.has(forward.TargetGroupArn)) fail(ctx, 'The listener\'s forward action names no existing target group');
      if ((p.Protocol === 'HTTPS') && !p.Certificates) fail(ctx, 'A certificate must be specified for HTTPS listeners');
      const arn = lb!.arn.replace(':loadbalancer/', ':listener/') + `/${randomBytes(8).toString('hex')}`;
      ctx.ecs.network.listeners.set(arn, { arn, loadBalancerArn: lb!.arn, port: Number(p.Port ?? 80), targetGroupArn: forward!.TargetGroupArn! });
      return { physicalId: arn, attributes: { ListenerArn: arn } };
    },
    update: (arn) => ({ physicalId: arn, attributes: { ListenerArn: arn } }),
    delete: (arn, ctx) => { ctx.ecs.network.listeners.delete(arn); },
  },
};

function lbAttributes(arn: string, ctx: ProviderContext): Record<string, string> {
  const lb = ctx.ecs.network.loadBalancers.get(arn);
  return {
    DNSName: lb?.dnsName ?? '', LoadBalancerArn: arn, LoadBalancerFullName: arn.split(':loadbalancer/')[1] ?? '', LoadBalancerName: lb?.name ?? '',
    // The ELB hosted zone of us-east-1 ALBs (ELB endpoints and quotas); other regions have their own.
    CanonicalHostedZoneID: 'Z35SXDOTRQ7X7K', SecurityGroups: (lb?.securityGroups ?? []).join(','),
  };
}
