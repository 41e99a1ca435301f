/**
 * Where the preview's app answers and whether what answered counts (pure). The adapters find the
 * task's public IP or the load balancer's DNS name; the probe reports what each attempt got.
 */
import type { ExposeInputs } from '../inputs/expose';

export interface AppEndpoint {
  /** What people open: `http://<host>[:<port>]/`. */
  url: string;
  /** What the check opens: the URL with the health check path. */
  probeUrl: string;
}

/** The app URL for the exposure, or undefined when there is nothing to open (expose none). */
export function appEndpoint(expose: ExposeInputs, where: { loadBalancerDns?: string; publicIp?: string; appPort: number }): AppEndpoint | undefined {
  let url: string | undefined;
  // The load balancer listens on HTTP 80 (templates/preview-stack.yaml), so its URL has no port.
  if (expose.mode === 'load-balancer' && where.loadBalancerDns) url = `http://${where.loadBalancerDns.toLowerCase()}/`;
  if (expose.mode === 'public-ip' && where.publicIp) url = `http://${where.publicIp}${where.appPort === 80 ? '' : `:${where.appPort}`}/`;
  if (!url) return undefined;
  return { url, probeUrl: new URL(expose.healthCheckPath, url).toString() };
}

/** One attempt: an HTTP status, or the error that stood for one (a refused connection, a timeout). */
export type ProbeAttempt = { status: number } | { error: string };

/**
 * What the load balancer's health check counts as healthy (Matcher 200-399 in the template): the
 * check holds the URL to the same rule, so "answers" means the same thing to both.
 */
export function isHealthyAnswer(attempt: ProbeAttempt): boolean {
  return 'status' in attempt && attempt.status >= 200 && attempt.status <= 399;
}

export function describeAttempt(attempt: ProbeAttempt): string {
  return 'status' in attempt ? `HTTP ${attempt.status}` : attempt.error;
}

/** The answers seen while waiting, most frequent first: "HTTP 503 ×4, connection refused ×2". */
export function summarizeAttempts(attempts: ProbeAttempt[]): string {
  if (attempts.length === 0) return 'no attempt was made';
  const counts = new Map<string, number>();
  for (const a of attempts) counts.set(describeAttempt(a), (counts.get(describeAttempt(a)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(', ');
}

/** The fix for a URL that never answered healthy, from what it did answer. */
export function unansweredFix(expose: ExposeInputs, attempts: ProbeAttempt[]): string {
  const last = attempts.at(-1);
  if (last && 'status' in last && last.status === 503 && expose.mode === 'load-balancer') {
    return `The load balancer has no healthy target: the app must answer ${expose.healthCheckPath} with 200–399 on app-port. Set health-check-path to a path it serves, and check the app's log group.`;
  }
  if (last && 'status' in last) {
    return `The app answered ${expose.healthCheckPath} with HTTP ${last.status}: serve it with 200–399, or set health-check-path to a path that does.`;
  }
  return `Nothing answered: check that the app listens on app-port on all interfaces (0.0.0.0), that ingress-cidrs includes the runner's address, and the app's log group${expose.mode === 'public-ip' ? '; public-ip needs subnets with an internet gateway' : ''}.`;
}
