import { taskPublicIp } from '../aws/app-url';
import type { AwsClients } from '../aws/clients';
import type { ExposeInputs } from '../inputs/expose';
import { MAX_INGRESS_CIDRS } from '../inputs/expose';
import { pollUntil } from '../util/poll';
import { appEndpoint, unansweredFix } from './plan';
import { waitForUrl } from './probe';

/** The preview template's parameters for the exposure. */
export function exposeParameters(expose: ExposeInputs): Record<string, string> {
  const slots = Object.fromEntries(Array.from({ length: MAX_INGRESS_CIDRS }, (_, i) => [`IngressCidr${i + 1}`, expose.ingressCidrs[i] ?? '']));
  return { Expose: expose.mode, ...slots, HealthCheckPath: expose.healthCheckPath };
}

export interface AppUrlTarget {
  clients: AwsClients;
  expose: ExposeInputs;
  appPort: number;
  cluster: string;
  service: string;
  /** The stack's outputs (LoadBalancerDnsName with expose: load-balancer). */
  stackOutputs: Record<string, string>;
  deadline: number;
  log: (line: string) => void;
}

/**
 * Finds the app's URL and waits until it answers healthy; undefined for expose none. A task's
 * public IP may take a moment to show on its interface, so the look-up is polled too.
 */
export async function verifyAppUrl(t: AppUrlTarget): Promise<string | undefined> {
  if (t.expose.mode === 'none') return undefined;
  const endpoint = t.expose.mode === 'load-balancer'
    ? appEndpoint(t.expose, { loadBalancerDns: t.stackOutputs.LoadBalancerDnsName, appPort: t.appPort })
    : await pollUntil({
      what: `the public IP of a task of ${t.service}`, deadline: t.deadline, log: t.log, maxDelayMs: 5_000,
      check: async () => {
        const ip = await taskPublicIp(t.clients.ecs, () => t.clients.ec2, t.cluster, t.service);
        return ip ? { done: true, value: appEndpoint(t.expose, { publicIp: ip, appPort: t.appPort }) } : { done: false, status: 'no running task with a public IP yet' };
      },
    });
  if (!endpoint) return undefined;
  t.log(`App URL ${endpoint.url}; checking ${endpoint.probeUrl}`);
  await waitForUrl(endpoint.probeUrl, { deadline: t.deadline, log: t.log, fix: (attempts) => unansweredFix(t.expose, attempts) });
  return endpoint.url;
}
