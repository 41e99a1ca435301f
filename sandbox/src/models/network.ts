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

  // --- EC2 API (query) -------------------------------------------------------------------------

  describeNetworkInterfaces(input: Record<string, unknown>, ctx: CallContext) {
    const ids = Object.entries(input).filter(([k]) => /^NetworkInterfaceId\.\d+$/.test(k)).map(([, v]) => String(v));
    const found = ids.map((id) => {
      const eni = this.interfaces.get(id);
      // EC2's own error for an id that does not exist.
      if (!eni || eni.region !== ctx.region) throw new AwsError('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`, 400);
      return eni;
    });
    const list = ids.length ? found : [...this.interfaces.values()].filter((e) => e.region === ctx.region);
    return {
      networkInterfaceSet: list.map((e) => ({
        networkInterfaceId: e.id, subnetId: e.subnetId, privateIpAddress: e.privateIp, status: 'in-use', interfaceType: 'interface',
        groupSet: e.securityGroups.map((groupId) => ({ groupId })),
        ...(e.publicIp ? { association: { publicIp: e.publicIp, ipOwnerId: 'amazon' } } : {}),
      })),
    };
  }
}
