import { href } from './markdown';

/** What a link may point at: the run's AWS region, this repository, the GitHub server of the run. */
export interface LinkScope {
  region: string;
  /** owner/name */
  repository: string;
  /** GITHUB_SERVER_URL; without it no GitHub URL is linked. */
  serverUrl?: string;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** AMG workspace ids are `g-` and ten hex digits; the workspace's host is `<id>.grafana-workspace.<region>.amazonaws.com`. */
const GRAFANA_HOST = /^g-[0-9a-f]{10}\.grafana-workspace\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com$/;

/**
 * An internet-facing ALB's DNS name, `<name>-<id>.<region>.elb.amazonaws.com` (ELB API reference,
 * LoadBalancer.DNSName; names are letters, digits and hyphens), the host of expose: load-balancer.
 */
const LOAD_BALANCER_HOST = /^[a-z0-9][a-z0-9-]{0,62}\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.elb\.amazonaws\.com$/;

/**
 * The app behind the run's region's load balancer: plain HTTP on port 80, as the preview template
 * listens. A task's public IP is never linked: an address cannot be tied to the account, and the
 * next task gets another one, so it is shown as text.
 */
function appHref(url: string, region: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' || u.port || u.username || u.password || u.search || u.hash || u.pathname !== '/') return undefined;
  return LOAD_BALANCER_HOST.exec(u.hostname)?.[1] === region ? u.href : undefined;
}

/**
 * The link target for `url` when it is one the action builds, otherwise undefined (the caller shows
 * the text as code). The action links only to:
 * - the AWS console of the run's region (`https://<region>.console.aws.amazon.com/…`),
 * - an Amazon Managed Grafana workspace of the run's region,
 * - this repository's pull requests and workflow runs on the run's GitHub server,
 * - the preview's load balancer of the run's region (http://…elb.amazonaws.com/).
 * A link read back from an earlier comment is held to the same rule, so a forged one never renders.
 */
export function trustedHref(url: string | undefined, scope: LinkScope): string | undefined {
  if (!url || !REGION.test(scope.region)) return undefined;
  const app = appHref(url, scope.region);
  if (app) return app;
  const target = href(url);
  if (!target) return undefined;
  const u = new URL(url);
  if (u.port) return undefined;
  const host = u.hostname.toLowerCase();
  if (host === `${scope.region}.console.aws.amazon.com`) return target;
  if (GRAFANA_HOST.exec(host)?.[1] === scope.region) return target;
  if (scope.serverUrl && isRepositoryPage(u, scope.serverUrl, scope.repository)) return target;
  return undefined;
}

/** The region of an AMG workspace URL, or undefined when `url` is not one. */
export function grafanaRegion(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.port ? GRAFANA_HOST.exec(u.hostname.toLowerCase())?.[1] : undefined;
  } catch {
    return undefined;
  }
}

function isRepositoryPage(u: URL, serverUrl: string, repository: string): boolean {
  let server: URL;
  try {
    server = new URL(serverUrl);
  } catch {
    return false;
  }
  if (server.protocol !== 'https:' || u.origin !== server.origin) return false;
  // GitHub owner and repository names are case-insensitive.
  const prefix = `${server.pathname.replace(/\/$/, '')}/${repository}/`.toLowerCase();
  const path = u.pathname.toLowerCase();
  return path.startsWith(prefix) && /^(?:pull\/\d+|actions\/runs\/\d+)(?:\/|$)/.test(path.slice(prefix.length));
}
