// AMP's data plane on the sandbox's one endpoint: /workspaces/{workspaceId}/api/v1/{remote_write,query,query_range,
// series,labels,label/{name}/values}, the paths of the real host aps-workspaces.<region>.amazonaws.com. Each request is
// verified (SigV4, service aps) and authorized (the IAM action of specs/amp.ts AMP_DATA_PLANE on the workspace ARN) as
// every other sandbox call, and then answered by the workspace's own real Prometheus (../prometheus/pool.ts).
//
// AMP's answers, as recorded from the real service:
// - RemoteWrite succeeds with 200 and an empty body (AMP user guide, AMP-APIReference-RemoteWrite: "HTTP/1.1 200 OK …
//   Content-Length:0"); Prometheus's own receiver answers 204, so the status is AMP's, not the backend's.
// - An unsigned request: 403 {"message":"Missing Authentication Token"} (prometheus-community/helm-charts#4687 and
//   vectordotdev/vector#7814, both remote writes to aps-workspaces).
// - IAM's denial: 403 {"Message":"User: … is not authorized to perform: aps:RemoteWrite on resource: …"}, capital M
//   (aws-ia/terraform-aws-eks-blueprints#709, a Prometheus remote write).
// - An unknown workspace: 404 {"Message":"Workspace not found"} (aws-observability/aws-otel-collector#2155, the ADOT
//   collector's prometheusremotewrite exporter).
// - Query answers are Prometheus's JSON (AMP-APIReference-QueryMetrics, -GetSeries, -GetLabels sample responses).
// Unconfirmed, chosen as the stricter reading: a workspace that is not ACTIVE answers like an unknown one; a remote
// write without the remote-write specification's Content-Encoding: snappy and Content-Type: application/x-protobuf
// (prometheus.io/docs/specs/remote_write_spec, "MUST") is refused with 400 before it reaches the backend; the backend's
// 4xx for a malformed body (e.g. "snappy: corrupt input") is passed through as it is, status and text.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RequestLogEntry } from '../core/types';
import type { AmpModel } from '../models/amp';
import { CredentialStore } from '../models/credentials';
import { AMP_DATA_PLANE } from '../models/specs/amp';
import { apsDataPlaneRequest } from '../iam/requests-aps';
import type { ModelView } from '../iam/requests-common';
import type { Authorizer } from '../iam/types';
import type { PrometheusPool } from '../prometheus/pool';
import { authError } from './auth-errors';
import { FaultInjector } from './faults';
import { parseAuthorization, verifySignature } from './sigv4';

/** /workspaces/{workspaceId}/api/v1/{rest}: what the server hands to this module. */
export const AMP_DATA_PLANE_PATH = /^\/workspaces\/([^/]+)\/api\/v1\/(.+)$/;

/** How long the backend may take to answer one request. */
const BACKEND_TIMEOUT_MS = 30_000;

export interface AmpDataPlaneDeps {
  amp: AmpModel;
  view: ModelView;
  credentials: CredentialStore;
  authorizer: Authorizer;
  faults: FaultInjector;
  prometheus: PrometheusPool;
  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry;
}

class DataPlaneAnswer extends Error {
  constructor(readonly status: number, readonly body: Record<string, string>, readonly errorCode: string, readonly headers: Record<string, string> = {}) {
    super(errorCode);
  }
}

export function createAmpDataPlane(deps: AmpDataPlaneDeps) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const [, rawId, rest] = AMP_DATA_PLANE_PATH.exec(url.pathname)!;
    const scope = parseAuthorization(req.headers.authorization);
    const match = Object.entries(AMP_DATA_PLANE).find(([, op]) => op.path.test(rest));
    const operation = match?.[0] ?? 'Unknown';
    const entry = deps.record({
      service: 'aps', operation, mutating: operation === 'RemoteWrite', status: 0,
      accessKeyId: scope && scope !== 'malformed' ? scope.accessKeyId : undefined,
      userAgent: [req.headers['x-amz-user-agent'], req.headers['user-agent']].filter(Boolean).join(' '),
    });
    const reply = (status: number, headers: Record<string, string>, text: string | Buffer) => {
      entry.status = status;
      res.writeHead(status, { 'x-amzn-requestid': requestId, ...headers });
      res.end(text);
    };

    try {
      // Authentication first, as AWS judges it: an unsigned request to any path is a missing token.
      if (scope === undefined) throw answerFor(authError('rest-json', 'missing'));
      if (scope === 'malformed') throw answerFor(authError('rest-json', 'malformed'));
      if (scope.service !== 'aps') {
        throw new DataPlaneAnswer(403, { message: `Credential should be scoped to correct service: 'aps'.` }, 'InvalidSignatureException', { 'x-amzn-errortype': 'InvalidSignatureException' });
      }
      const verdict = await verifySignature({ scope, method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, deps.credentials);
      if ('failure' in verdict) throw answerFor(authError('rest-json', verdict.failure));
      const ctx = { region: scope.region, accountId: verdict.credential.accountId, accessKeyId: scope.accessKeyId, principalArn: verdict.credential.principalArn, requestId };

      if (!match) throw new DataPlaneAnswer(404, { Message: `Not found: ${rest}` }, 'NotFound');
      const [, op] = match;
      if (!op.methods.includes(method as 'GET' | 'POST')) {
        throw new DataPlaneAnswer(405, { Message: `Method ${method} is not allowed for ${rest}` }, 'MethodNotAllowed', { allow: op.methods.join(', ') });
      }
      const workspaceId = decodePathSegment(rawId);

      const decision = deps.faults.decide('aps', operation);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision.fault) {
        entry.injected = decision.fault;
        if (decision.fault === 'throttle') throw new DataPlaneAnswer(429, { Message: 'Rate exceeded' }, 'ThrottlingException');
        if (decision.fault === 'server-error') throw new DataPlaneAnswer(500, { Message: 'Internal server error' }, 'InternalServerException');
        throw new DataPlaneAnswer(403, { Message: `User: ${ctx.principalArn} is not authorized to perform: ${op.action} (denied by the sandbox's fault settings)` }, 'AccessDeniedException');
      }

      const request = apsDataPlaneRequest(op.action, operation, workspaceId, ctx, deps.view);
      const allowed = await deps.authorizer.authorize(ctx.principalArn, ctx.region, request);
      if (!allowed.allowed) {
        entry.denied = { action: request.action, resource: request.resource };
        throw new DataPlaneAnswer(403, { Message: allowed.message }, 'AccessDeniedException');
      }

      const ws = deps.amp.workspaces.get(workspaceId);
      if (!ws || ws.region !== ctx.region || ws.accountId !== ctx.accountId || !deps.amp.live(ws) || ws.status !== 'ACTIVE') {
        throw new DataPlaneAnswer(404, { Message: 'Workspace not found' }, 'ResourceNotFoundException');
      }

      if (operation === 'RemoteWrite') {
        const encoding = String(req.headers['content-encoding'] ?? '');
        const type = String(req.headers['content-type'] ?? '');
        if (encoding !== 'snappy' || !/^application\/x-protobuf\b/.test(type)) {
          throw new DataPlaneAnswer(400, { Message: `remote write needs Content-Encoding: snappy and Content-Type: application/x-protobuf (got '${encoding}' and '${type}')` }, 'ValidationException');
        }
      }
      const backend = await deps.prometheus.urlFor(ws.id);
      const target = `${backend}/api/v1/${operation === 'RemoteWrite' ? 'write' : rest}${url.search}`;
      const forwarded: Record<string, string> = {};
      for (const name of ['content-type', 'content-encoding', 'x-prometheus-remote-write-version']) {
        const v = req.headers[name];
        if (typeof v === 'string') forwarded[name] = v;
      }
      const answer = await fetch(target, {
        method, headers: forwarded, body: method === 'GET' || body.length === 0 ? undefined : new Uint8Array(body),
        signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (operation === 'RemoteWrite' && answer.ok) return reply(200, { 'content-type': 'application/json' }, '');
      if (!answer.ok) entry.errorCode = `backend ${answer.status}`;
      return reply(answer.status >= 500 ? 500 : answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }, text);
    } catch (err) {
      if (!(err instanceof DataPlaneAnswer)) {
        entry.status = 500;
        entry.errorCode = 'SandboxError';
        throw err;
      }
      entry.errorCode = err.errorCode;
      return reply(err.status, { 'content-type': 'application/json', ...err.headers }, JSON.stringify(err.body));
    }
  };
}

/** The sandbox's SigV4 failures in the body shape of AMP's data plane: {"message": …} with the error type header. */
function answerFor(err: { code: string; message: string; status: number }): DataPlaneAnswer {
  return new DataPlaneAnswer(err.status, { message: err.message }, err.code, { 'x-amzn-errortype': err.code });
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new DataPlaneAnswer(404, { Message: 'Workspace not found' }, 'ResourceNotFoundException');
  }
}
