import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { RequestLogEntry } from '../core/types';
import type { GrafanaModel, WorkspaceApiListener } from '../models/grafana';
import { GrafanaReply, messageOf } from '../models/grafana-http/reply';
import { matchGrafanaRoute } from '../models/grafana-http/routes';
import { FaultInjector } from './faults';
import { readBody } from './read-body';

/** The service name of Grafana API requests in the request log and in fault settings. */
export const GRAFANA_HTTP_SERVICE = 'grafana-http';
/** Grafana's own limit on request bodies is larger; this only stops a runaway client. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface GrafanaListenerDeps {
  grafana: GrafanaModel;
  faults: FaultInjector;
  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry;
}

/**
 * One HTTP listener per AMG workspace, on 127.0.0.1 and a free port: the workspace's Grafana. The
 * listener turns HTTP into the model's decoded request, logs it (never its Authorization header),
 * and injects the faults a gateway in front of Grafana would produce.
 */
export function openGrafanaListener(deps: GrafanaListenerDeps, workspaceId: string): Promise<WorkspaceApiListener> {
  const server: Server = createServer((req, res) => {
    handle(deps, workspaceId, req, res).catch((err) => {
      // A sandbox bug, not a Grafana answer: loud, with the stack.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${(err as Error).stack}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/**
 * What a proxy or gateway in front of Grafana does instead of passing the request on:
 * - echo-token: an error that quotes the request's headers, bearer token included, as debugging
 *   proxies and some WAF block pages do (403: not retried, so the test sees the first answer);
 * - html-page: 200 with an HTML sign-in page, as an SSO proxy or captive portal answers;
 * - hang: accepts the request and never answers, until the client goes away.
 * The request log never holds the token: it records only which answer was given.
 */
function proxyAnswer(answer: 'echo-token' | 'html-page' | 'hang', req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<void> | void {
  entry.errorCode = `sandbox proxy: ${answer}`;
  if (answer === 'hang') {
    entry.status = 0;
    return new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
  }
  if (answer === 'html-page') {
    entry.status = 200;
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end('<!DOCTYPE html>\n<html><head><title>Sign in - Corporate Proxy</title></head><body><form method="post" action="/login"><input name="user"></form></body></html>');
    return;
  }
  entry.status = 403;
  res.writeHead(403, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message: `Request blocked by proxy policy: ${req.method} ${req.url} with Authorization: ${req.headers.authorization ?? '(none)'}` }));
}

async function handle(deps: GrafanaListenerDeps, workspaceId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://grafana');
  const route = matchGrafanaRoute(method, url.pathname)?.route;
  const entry = deps.record({
    service: GRAFANA_HTTP_SERVICE,
    operation: `${method} ${route?.template ?? url.pathname}`,
    mutating: method !== 'GET' && method !== 'HEAD',
    status: 0,
    userAgent: req.headers['user-agent'],
  });
  const send = (reply: GrafanaReply) => {
    entry.status = reply.status;
    entry.errorCode = messageOf(reply);
    res.writeHead(reply.status, { 'content-type': reply.html ? 'text/html; charset=UTF-8' : 'application/json' });
    res.end(reply.html ? String(reply.body) : JSON.stringify(reply.body));
  };

  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === undefined) return send({ status: 413, body: { message: `request body over ${MAX_BODY_BYTES} bytes` } });

  // Faults hit the API, not the browser pages a test opens to prove a link.
  if (url.pathname.startsWith('/api/')) {
    const answer = deps.faults.grafanaAnswer(entry.operation);
    if (answer) return proxyAnswer(answer, req, res, entry);
    const decision = deps.faults.decide(GRAFANA_HTTP_SERVICE);
    if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
    if (decision.fault) {
      entry.injected = decision.fault;
      return send(decision.fault === 'throttle'
        ? { status: 429, body: { message: 'Too Many Requests' } }
        : { status: 502, body: { message: 'Bad Gateway' } });
    }
  }

  send(deps.grafana.handleApi(workspaceId, {
    method, path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, body: body.toString('utf8'),
  }));
}
