// The internet between the runner and a preview's app: an HTTP forward proxy (the action reaches it
// through HTTP_PROXY, as runners behind a corporate proxy do) that delivers
//   GET http://203.0.113.x:<port>/…   to the task holding that public IP, and
//   GET http://<alb dns name>/…        to a target of the load balancer's listener,
// only where the security groups admit the runner's public address, as AWS would.
//
// What a real network does, and what the proxy answers for it:
// - A security group drops what it does not admit, and the client's connect times out (a packet to
//   an unassigned address does the same). The proxy waits `dropMs` and then reports the timeout as a
//   gateway does, 504 Gateway Timeout (RFC 9110 §15.6.5), with x-sandbox-network: dropped.
// - Nothing listening on an admitted port refuses the connection: 502 Bad Gateway (RFC 9110 §15.6.3)
//   from the proxy, x-sandbox-network: refused.
// - The ALB itself (ELB user guide, "Troubleshoot your Application Load Balancers", HTTP 502/503/504):
//   503 when the target group has no registered targets, 502 when the target refuses or closes the
//   connection, 504 when it cannot connect before its timeout (a task security group that does not
//   admit the load balancer's). Its answers carry `server: awselb/2.0`.
// - ALB health ("Health checks for Application Load Balancer target groups"): a registered target
//   is healthy once it passes a check, an answer on the group's HealthCheckPath matching its
//   Matcher; requests go to healthy targets only, and when every target is unhealthy the load
//   balancer fails open and routes to all of them. The sandbox checks each target when a request
//   arrives instead of every HealthCheckIntervalSeconds, so there are no thresholds to wait out.
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import type { RequestLogEntry } from '../core/types';
import type { EcsModel } from '../models/ecs';
import type { LoadBalancer } from '../models/network';
import type { Address, TaskRuntime } from '../runtime/task-runtime';

/** TEST-NET-2 (RFC 5737): the runner's public address as AWS sees it, unless the sandbox is told otherwise. */
export const DEFAULT_RUNNER_ADDRESS = '198.51.100.7';

export interface AppProxyDeps {
  ecs: EcsModel;
  runtime: TaskRuntime;
  /** The source address AWS sees for the runner's requests (security groups judge it). */
  runnerAddress: () => string;
  /** How long a dropped connection takes to time out. */
  dropMs: number;
  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry;
}

export interface AppProxy {
  /** HTTP_PROXY for the action, e.g. http://127.0.0.1:41235 */
  url: string;
  close(): Promise<void>;
}

type Outcome =
  | { kind: 'forward'; to: Address; from: 'task' | 'alb' }
  | { kind: 'answer'; status: number; body: string; headers?: Record<string, string> };

const ALB_TARGET_TIMEOUT_MS = 10_000;
const albPage = (status: number, text: string) => ({
  kind: 'answer' as const, status, headers: { server: 'awselb/2.0', 'content-type': 'text/html' },
  body: `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`,
});
const refused = (what: string): Outcome => ({ kind: 'answer', status: 502, headers: { 'x-sandbox-network': 'refused' }, body: `connection refused by ${what}\n` });

export async function startAppProxy(deps: AppProxyDeps): Promise<AppProxy> {
  const network = deps.ecs.network;
  const sockets = new Set<Socket>();
  const pending = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox app proxy error: ${err.stack}`);
    });
  });
  // @actions/http-client tunnels even plain http through the proxy with CONNECT (its `tunnel` agent),
  // so a tunnel is a TCP connection: straight to the task's port, or to the ALB front below, which
  // reads the load balancer from the Host header as an ALB node would.
  const albFront: Server = createServer((req, res) => {
    void handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox app proxy error: ${err.stack}`);
    });
  });
  for (const srv of [server, albFront]) srv.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    void (async () => {
      const [host, portText] = (req.url ?? '').split(':');
      const port = Number(portText || 80);
      const entry = deps.record({ service: 'app-proxy', operation: `CONNECT ${host}:${port}`, mutating: false, status: 0 });
      const lb = network.findLoadBalancerByHost(host);
      const outcome = lb ? await admitLb(lb, port) : await route(host, port);
      const end = (status: number, text: string, code?: string) => {
        entry.status = status;
        entry.errorCode = code;
        client.end(`HTTP/1.1 ${status} ${text}\r\nx-sandbox-network: ${code ?? 'answered'}\r\n\r\n`);
      };
      if (outcome === 'dropped') {
        entry.errorCode = 'dropped';
        const timer = setTimeout(() => { pending.delete(timer); end(504, 'Gateway Timeout', 'dropped'); }, deps.dropMs);
        pending.add(timer);
        return;
      }
      if (outcome.kind === 'answer') return end(502, 'Bad Gateway', 'refused');
      const upstream = connect(outcome.to.port, outcome.to.host, () => {
        entry.status = 200;
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => (entry.status === 0 ? end(502, 'Bad Gateway', 'refused') : client.destroy()));
      client.on('error', () => upstream.destroy());
    })();
  });

  /** A tunnel to the load balancer: its security group decides; the listener and targets are the ALB front's business. */
  async function admitLb(lb: LoadBalancer, port: number): Promise<Outcome | 'dropped'> {
    if (!network.admits(lb.securityGroups, port, { ip: deps.runnerAddress() }, cidrContains)) return 'dropped';
    if (![...network.listeners.values()].some((l) => l.loadBalancerArn === lb.arn && l.port === port)) return refused(lb.dnsName);
    const a = albFront.address() as AddressInfo;
    return { kind: 'forward', to: { host: '127.0.0.1', port: a.port }, from: 'alb' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let target: URL;
    try {
      // Absolute-form from a proxy client; origin-form with a Host header on the ALB front.
      target = new URL(req.url ?? '', `http://${req.headers.host ?? 'invalid'}`);
      if (target.protocol !== 'http:') throw new Error('not http');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('the sandbox app proxy takes absolute http:// URLs (HTTP_PROXY)\n');
      return;
    }
    const port = Number(target.port || 80);
    const entry = deps.record({ service: 'app-proxy', operation: `${req.method ?? 'GET'} ${target.host}${target.pathname}`, mutating: false, status: 0 });
    const outcome = await route(target.hostname, port);
    if (outcome === 'dropped') {
      entry.errorCode = 'dropped';
      const timer = setTimeout(() => {
        pending.delete(timer);
        entry.status = 504;
        res.writeHead(504, { 'content-type': 'text/plain', 'x-sandbox-network': 'dropped' });
        res.end(`connect to ${target.host} timed out (no route, or a security group dropped it)\n`);
      }, deps.dropMs);
      pending.add(timer);
      return;
    }
    if (outcome.kind === 'answer') {
      entry.status = outcome.status;
      res.writeHead(outcome.status, outcome.headers ?? { 'content-type': 'text/plain' });
      res.end(outcome.body);
      return;
    }
    entry.status = await forward(req, res, target, outcome);
  }

  async function route(host: string, port: number): Promise<Outcome | 'dropped'> {
    const source = { ip: deps.runnerAddress() };
    const eni = network.findInterfaceByPublicIp(host);
    if (eni) {
      if (!network.admits(eni.securityGroups, port, source, cidrContains)) return 'dropped';
      const to = deps.runtime.resolve(eni.taskArn, port);
      return to ? { kind: 'forward', to, from: 'task' } : refused(`${host}:${port}`);
    }
    const lb = network.findLoadBalancerByHost(host);
    if (lb) {
      if (!network.admits(lb.securityGroups, port, source, cidrContains)) return 'dropped';
      return albRoute(lb, port);
    }
    return 'dropped';
  }

  async function albRoute(lb: LoadBalancer, port: number): Promise<Outcome> {
    const listener = [...network.listeners.values()].find((l) => l.loadBalancerArn === lb.arn && l.port === port);
    if (!listener) return refused(`${lb.dnsName}:${port} (no listener)`);
    const tg = network.targetGroups.get(listener.targetGroupArn);
    const registered = [...(tg?.targets.values() ?? [])];
    if (!tg || registered.length === 0) return albPage(503, 'Service Temporarily Unavailable');
    // The load balancer reaches a target only where the task's groups admit the load balancer's.
    const reach = (t: { taskArn: string; port: number }) => {
      const eni = [...network.interfaces.values()].find((e) => e.taskArn === t.taskArn);
      const admitted = eni !== undefined && lb.securityGroups.some((group) => network.admits(eni.securityGroups, t.port, { group }, cidrContains));
      return { admitted, address: admitted ? deps.runtime.resolve(t.taskArn, t.port) : undefined, eni };
    };
    const candidates = registered.map((t) => ({ t, ...reach(t) }));
    const health = await Promise.all(candidates.map(async (c) => c.address !== undefined && matches(tg.matcher, await statusOf(c.address, tg.healthCheckPath))));
    const healthy = candidates.filter((_, i) => health[i]);
    // Fail open: with no healthy target, every registered one gets traffic.
    const pool = healthy.length > 0 ? healthy : candidates;
    const chosen = pool[next++ % pool.length];
    if (!chosen.admitted) return albPage(504, 'Gateway Time-out');
    if (!chosen.address) return albPage(502, 'Bad Gateway');
    return { kind: 'forward', to: chosen.address, from: 'alb' };
  }
  let next = 0;

  function forward(req: IncomingMessage, res: ServerResponse, target: URL, outcome: Extract<Outcome, { kind: 'forward' }>): Promise<number> {
    return new Promise((resolve) => {
      const headers = { ...req.headers };
      delete headers['proxy-connection'];
      delete headers['proxy-authorization'];
      const upstream = request({ host: outcome.to.host, port: outcome.to.port, method: req.method, path: `${target.pathname}${target.search}`, headers, timeout: ALB_TARGET_TIMEOUT_MS }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        resolve(answer.statusCode ?? 502);
      });
      const fail = (status: number) => {
        if (res.headersSent) { res.destroy(); return resolve(status); }
        const page = outcome.from === 'alb'
          ? albPage(status, status === 504 ? 'Gateway Time-out' : 'Bad Gateway')
          : { status, headers: { 'content-type': 'text/plain', 'x-sandbox-network': status === 504 ? 'timeout' : 'refused' }, body: `${target.host} did not answer\n` };
        res.writeHead(page.status, page.headers);
        res.end(page.body);
        resolve(status);
      };
      upstream.on('timeout', () => { upstream.destroy(); fail(504); });
      upstream.on('error', () => fail(502));
      req.pipe(upstream);
    });
  }

  for (const srv of [server, albFront]) {
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', resolve);
    });
  }
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      for (const s of sockets) s.destroy();
      await Promise.all([server, albFront].map((srv) => new Promise<void>((resolve) => srv.close(() => resolve()))));
    },
  };
}

/** One health check: the status the target answers on `path`, 0 when it does not answer. */
function statusOf(to: Address, path: string): Promise<number> {
  return new Promise((resolve) => {
    const r = request({ host: to.host, port: to.port, path, method: 'GET', timeout: 5_000, headers: { 'user-agent': 'ELB-HealthChecker/2.0' } }, (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    r.on('timeout', () => { r.destroy(); resolve(0); });
    r.on('error', () => resolve(0));
    r.end();
  });
}

/** ELB's Matcher.HttpCode: "200", "200,302", "200-399". */
export function matches(matcher: string, status: number): boolean {
  return matcher.split(',').some((part) => {
    const [lo, hi] = part.trim().split('-').map(Number);
    return hi === undefined ? status === lo : lo <= status && status <= hi;
  });
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  const n = Number(bits ?? 32);
  const toInt = (a: string) => a.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return (toInt(base) & mask) === (toInt(ip) & mask);
}

