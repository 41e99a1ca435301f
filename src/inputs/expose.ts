/**
 * How the preview's app is reached: the `expose`, `ingress-cidrs` and `health-check-path` inputs.
 * A public preview is an explicit choice: exposing the app without naming who may reach it is an
 * input error, so nobody publishes an unreviewed branch to the internet by flipping one input.
 */
export const EXPOSE_MODES = ['none', 'public-ip', 'load-balancer'] as const;
export type ExposeMode = (typeof EXPOSE_MODES)[number];

export interface ExposeInputs {
  mode: ExposeMode;
  /** IPv4 CIDRs allowed in, in canonical form; empty when mode is none. */
  ingressCidrs: string[];
  /** The load balancer's health check path (load-balancer), also the path the URL probe opens. */
  healthCheckPath: string;
}

/** The template has one ingress rule slot per CIDR (CloudFormation cannot loop over a list without a transform). */
export const MAX_INGRESS_CIDRS = 5;

type Bad = (input: string, problem: string, fix: string) => undefined;

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

/** The canonical network of an IPv4 CIDR (host bits cleared), or undefined when `text` is not one. */
export function parseCidr(text: string): { canonical: string; exact: boolean } | undefined {
  const m = CIDR.exec(text);
  if (!m) return undefined;
  const bits = Number(m[5]);
  const address = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
  const network = bits === 0 ? 0 : Math.floor(address / 2 ** (32 - bits)) * 2 ** (32 - bits);
  const canonical = `${[24, 16, 8, 0].map((s) => Math.floor(network / 2 ** s) % 256).join('.')}/${bits}`;
  return { canonical, exact: canonical === text };
}

/** Whether IPv4 `address` lies in `cidr` (both already valid). */
export function cidrContains(cidr: string, address: string): boolean {
  const [net, bitsText] = cidr.split('/');
  const toNumber = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bitsText));
  return Math.floor(toNumber(address) / size) === Math.floor(toNumber(net) / size);
}

const PATH = /^\/[\w\-./~%]*$/;

export function parseExpose(get: (name: string) => string, bad: Bad, network: { vpcId?: string; subnetIds: string[] }): ExposeInputs {
  const modeText = get('expose') || 'none';
  const mode = (EXPOSE_MODES as readonly string[]).includes(modeText) ? (modeText as ExposeMode)
    : bad('expose', `'${modeText}' is not a way to expose the app.`, `Use one of: ${EXPOSE_MODES.join(', ')} (none keeps the app unreachable, the default).`);

  const ingressCidrs: string[] = [];
  for (const entry of get('ingress-cidrs').split(/[\n,]/).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'))) {
    const cidr = parseCidr(entry);
    if (!cidr) {
      bad('ingress-cidrs', `'${entry}' is not an IPv4 CIDR.`, 'Write each as address/prefix, e.g. 203.0.113.0/24 or 198.51.100.7/32; IPv6 is not supported.');
    } else if (!cidr.exact) {
      bad('ingress-cidrs', `'${entry}' has host bits set.`, `Write the network it stands for, ${cidr.canonical}.`);
    } else if (ingressCidrs.includes(cidr.canonical)) {
      bad('ingress-cidrs', `lists ${cidr.canonical} twice.`, 'List each CIDR once.');
    } else {
      ingressCidrs.push(cidr.canonical);
    }
  }
  if (ingressCidrs.length > MAX_INGRESS_CIDRS) {
    bad('ingress-cidrs', `lists ${ingressCidrs.length} CIDRs.`, `List at most ${MAX_INGRESS_CIDRS} (the template has one rule per CIDR); a wider range covers several.`);
  }
  if (mode && mode !== 'none' && ingressCidrs.length === 0 && !get('ingress-cidrs')) {
    bad('ingress-cidrs', `is empty although expose is ${mode}.`,
      'Say who may open the preview: your network\'s CIDRs (e.g. 203.0.113.0/24), or 0.0.0.0/0 to make it public to everyone on the internet.');
  }
  if (mode === 'none' && ingressCidrs.length > 0) {
    bad('ingress-cidrs', 'is set although expose is none, so nothing would be reachable.', 'Set expose to public-ip or load-balancer, or leave ingress-cidrs empty.');
  }
  // An Application Load Balancer needs subnets in at least two Availability Zones (ELB CreateLoadBalancer).
  if (mode === 'load-balancer' && network.vpcId && network.subnetIds.length < 2) {
    bad('subnet-ids', `lists ${network.subnetIds.length} subnet, but an Application Load Balancer needs subnets in at least two Availability Zones.`,
      'List public subnets of vpc-id in two or more Availability Zones, or use expose: public-ip.');
  }

  const healthCheckPath = get('health-check-path') || '/';
  // ELB allows 1–1024 characters for HealthCheckPath, starting with '/'.
  if (!PATH.test(healthCheckPath) || healthCheckPath.length > 1024) {
    bad('health-check-path', `'${healthCheckPath}' is not an absolute URL path.`, "Start it with '/', e.g. / or /healthz; no query, spaces or '$'; at most 1024 characters.");
  }
  return { mode: mode ?? 'none', ingressCidrs: mode === 'none' ? [] : ingressCidrs, healthCheckPath };
}
