// The network the preview's tasks get and the action reads back: security group rules, each task's
// elastic network interface (EC2 DescribeNetworkInterfaces, query protocol), and the Application
// Load Balancers, target groups and listeners the preview stack creates. ECS registers a service's
// tasks in its target group by IP, as it does for target type ip.
import { randomBytes } from 'node:crypto';
import { AwsError, CallContext } from '../core/types';

export interface IngressRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  sourceSecurityGroupId?: string;
}

export interface SecurityGroup {
  id: string;
  vpcId: string;
  ingress: IngressRule[];
}

export interface NetworkInterface {
  id: string;
  subnetId: string;
  privateIp: string;
  /** From TEST-NET-3 (RFC 5737), when the service assigns public IPs. */
  publicIp?: string;
  securityGroups: string[];
  taskArn: string;
  region: string;
}

export interface LoadBalancer {
  arn: string;
  name: string;
  dnsName: string;
  scheme: string;
  securityGroups: string[];
  subnets: string[];
}

export interface TargetGroup {
  arn: string;
  name: string;
  port: number;
  protocol: string;
  vpcId: string;
  healthCheckPath: string;
  /** ELB's Matcher.HttpCode: "200", "200-399", "200,302". */
  matcher: string;
  /** Registered targets by IP, with the task they belong to. */
  targets: Map<string, { taskArn: string; port: number }>;
}

export interface Listener {
  arn: string;
  loadBalancerArn: string;
  port: number;
  targetGroupArn: string;
}

const hex = (n: number) => randomBytes(n).toString('hex');

export class NetworkModel {
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly interfaces = new Map<string, NetworkInterface>();
  readonly loadBalancers = new Map<string, LoadBalancer>();
  readonly targetGroups = new Map<string, TargetGroup>();
  readonly listeners = new Map<string, Listener>();
  private nextPublic = 10;
  private nextPrivate = 10;

  createInterface(taskArn: string, subnetId: string, securityGroups: string[], assignPublicIp: boolean, region: string): NetworkInterface {
    const n = this.nextPrivate++;
    const eni: NetworkInterface = {
      id: `eni-${hex(9).slice(0, 17)}`, subnetId, privateIp: `10.42.${Math.floor(n / 250) % 250}.${(n % 250) + 4}`,
      publicIp: assignPublicIp ? `203.0.113.${(this.nextPublic++ % 244) + 10}` : undefined, securityGroups, taskArn, region,
    };
    this.interfaces.set(eni.id, eni);
    return eni;
  }

  /**
   * A security group's ingress as CloudFormation gives it (SecurityGroupIngress items: IpProtocol,
   * FromPort, ToPort, CidrIp or SourceSecurityGroupId; AWS::EC2::SecurityGroup Ingress property type).
   */
  putSecurityGroup(id: string, vpcId: string, ingress: Record<string, unknown>[]): void {
    this.securityGroups.set(id, {
      id, vpcId,
      ingress: ingress.map((r) => ({
        protocol: String(r.IpProtocol ?? 'tcp').toLowerCase(),
        fromPort: r.FromPort === undefined ? undefined : Number(r.FromPort),
        toPort: r.ToPort === undefined ? undefined : Number(r.ToPort),
        cidr: r.CidrIp === undefined ? undefined : String(r.CidrIp),
        sourceSecurityGroupId: r.SourceSecurityGroupId === undefined ? undefined : String(r.SourceSecurityGroupId),
      })),
    });
  }

  /** ECS registers a task of a service with LoadBalancers by its private IP (target type ip), on the container port. */
  registerTarget(targetGroupArn: string, eni: NetworkInterface, port: number): void {
    this.targetGroups.get(targetGroupArn)?.targets.set(eni.privateIp, { taskArn: eni.taskArn, port });
  }

  deleteInterfaceOf(taskArn: string): void {
    for (const [id, eni] of this.interfaces) if (eni.taskArn === taskArn) this.interfaces.delete(id);
    for (const tg of this.targetGroups.values()) for (const [ip, t] of tg.targets) if (t.taskArn === taskArn) tg.targets.delete(ip);
  }

  /** ELB DNS names are `<name>-<id>.<region>.elb.amazonaws.com` (lower case; internal ones start with internal-). */
  createLoadBalancer(name: string, scheme: string, securityGroups: string[], subnets: string[], region: string, accountId: string): LoadBalancer {
    const id = hex(8);
    const dnsId = String(BigInt(`0x${hex(5)}`)).padStart(10, '1').slice(0, 10);
    const lb: LoadBalancer = {
      arn: `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/${name}/${id}`, name,
      dnsName: `${scheme === 'internal' ? 'internal-' : ''}${name}-${dnsId}.${region}.elb.amazonaws.com`.toLowerCase(), scheme, securityGroups, subnets,
    };
    this.loadBalancers.set(lb.arn, lb);
    return lb;
  }

  findLoadBalancerByHost(host: string): LoadBalancer | undefined {
    return [...this.loadBalancers.values()].find((lb) => lb.dnsName === host.toLowerCase());
  }

  findInterfaceByPublicIp(ip: string): NetworkInterface | undefined {
    return [...this.interfaces.values()].find((e) => e.publicIp === ip);
  }

  /** Whether the security groups admit TCP `port` from `source` (an IPv4 address or a security group). */
  admits(groups: string[], port: number, source: { ip?: string; group?: string }, contains: (cidr: string, ip: string) => boolean): boolean {
    return groups.some((id) => (this.securityGroups.get(id)?.ingress ?? []).some((r) => {
      const portOk = r.protocol === '-1' || (r.protocol === 'tcp' && (r.fromPort ?? 0) <= port && port <= (r.toPort ?? 65535));
      const from = (r.cidr && source.ip && contains(r.cidr, source.ip)) || (r.sourceSecurityGroupId && r.sourceSecurityGroupId === source.group);
      return portOk && Boolean(from);
    }));
  }

  // --- EC2 API (ec2 query protocol) ------------------------------------------------------------

  /**
   * DescribeNetworkInterfaces by id (what the action sends) or by filter. EC2 answers an id that does
   * not exist with InvalidNetworkInterfaceID.NotFound for the whole call, and a filter name it does
   * not know with InvalidParameterValue (EC2 API reference, DescribeNetworkInterfaces and Common
   * client errors); the filters here are the reference's names for what the model holds.
   */
  describeNetworkInterfaces(input: { NetworkInterfaceId?: string[]; Filter?: { Name?: string; Value?: string[] }[] }, ctx: CallContext) {
    const here = [...this.interfaces.values()].filter((e) => e.region === ctx.region);
    const ids = input.NetworkInterfaceId ?? [];
    for (const id of ids) {
      if (!/^eni-[0-9a-f]{8,17}$/.test(id)) throw new AwsError('InvalidNetworkInterfaceID.Malformed', `Invalid id: "${id}" (expecting "eni-...")`, 400);
      if (!here.some((e) => e.id === id)) throw new AwsError('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`, 400);
    }
    const filters = (input.Filter ?? []).map((f) => {
      const read = f.Name ? FILTERS[f.Name] : undefined;
      if (!read) throw new AwsError('InvalidParameterValue', `The filter '${String(f.Name)}' is invalid`, 400);
      return (e: NetworkInterface) => read(e).some((v) => (f.Value ?? []).includes(v));
    });
    const list = here.filter((e) => (ids.length === 0 || ids.includes(e.id)) && filters.every((match) => match(e)));
    return {
      networkInterfaceSet: list.map((e) => ({
        networkInterfaceId: e.id, subnetId: e.subnetId, privateIpAddress: e.privateIp, status: 'in-use', interfaceType: 'interface',
        groupSet: e.securityGroups.map((groupId) => ({ groupId })),
        ...(e.publicIp ? { association: { publicIp: e.publicIp, ipOwnerId: 'amazon' } } : {}),
      })),
    };
  }

  /** What exists, for the sandbox's state(). */
  snapshot() {
    return {
      securityGroups: [...this.securityGroups.values()].map((g) => ({ ...g, ingress: g.ingress.map((r) => ({ ...r })) })),
      networkInterfaces: [...this.interfaces.values()].map(({ id, privateIp, publicIp, securityGroups, taskArn }) => ({ id, privateIp, publicIp, securityGroups, taskArn })),
      loadBalancers: [...this.loadBalancers.values()].map(({ arn, name, dnsName, scheme, securityGroups }) => ({ arn, name, dnsName, scheme, securityGroups })),
      targetGroups: [...this.targetGroups.values()].map(({ arn, name, port, healthCheckPath, matcher, targets }) => ({
        arn, name, port, healthCheckPath, matcher, targets: [...targets].map(([ip, t]) => ({ ip, port: t.port, taskArn: t.taskArn })),
      })),
      listeners: [...this.listeners.values()].map((l) => ({ ...l })),
    };
  }
}

/** DescribeNetworkInterfaces filter names (EC2 API reference) over what the model holds. */
const FILTERS: Record<string, (e: NetworkInterface) => string[]> = {
  'network-interface-id': (e) => [e.id],
  'addresses.private-ip-address': (e) => [e.privateIp],
  'private-ip-address': (e) => [e.privateIp],
  'association.public-ip': (e) => (e.publicIp ? [e.publicIp] : []),
  'group-id': (e) => e.securityGroups,
  'subnet-id': (e) => [e.subnetId],
  'status': () => ['in-use'],
};
