/**
 * AMP's Prometheus-compatible query API, SigV4-signed with the action's credentials. The SDK has no
 * client for it (the `amp` client is the control plane), so this signs and sends the requests itself.
 *
 * Facts (AMP user guide, API reference "QueryMetrics" and "GetSeries"):
 * - `GET|POST /workspaces/<id>/api/v1/query` with `query` and an optional `time` (rfc3339 or unix
 *   seconds) and `timeout`; `GET|POST /workspaces/<id>/api/v1/series` with one or more `match[]` and
 *   optional `start` / `end`. Answers are Prometheus's `{status, data}` JSON. IAM: aps:QueryMetrics,
 *   aps:GetSeries on the workspace. The host is the workspace's prometheusEndpoint,
 *   `aps-workspaces.<region>.amazonaws.com`; the signing name is `aps`.
 * - POST with a form body, as Prometheus accepts it, keeps long selectors out of the URL.
 * Endpoint override: the SDK clients take AWS_ENDPOINT_URL_<SERVICE ID> (`AMP` for service id `amp`),
 * then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true (@smithy/core endpoints,
 * getEndpointUrlConfig); the override replaces scheme, host and port, and the request keeps its path.
 * Retries follow the SDK's standard mode (@smithy/core retry: 429 and throttling codes back off from a
 * 500 ms base, 500/502/503/504 and ECONNRESET/ECONNREFUSED/EPIPE/ETIMEDOUT from 100 ms, full jitter,
 * at most 20 s).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Readable } from 'node:stream';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import type { PromSample } from '../verify/metrics';

export interface AmpQueryOptions {
  /** The workspace's prometheusEndpoint, `https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/api/v1/`. */
  prometheusEndpoint: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  env?: Record<string, string | undefined>;
  /** The transport; the SDK's Node handler with the action's timeouts by default. */
  send?: (request: HttpRequest, signal: AbortSignal) => Promise<RawResponse>;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** A refusal or failure of the query API, with what AMP or Prometheus said. */
export class AmpQueryError extends Error {
  constructor(
    message: string,
    public readonly statusCode: number | undefined,
    /** Prometheus's errorType (bad_data, timeout, …) or AMP's x-amzn-ErrorType (AccessDeniedException, …). */
    public readonly errorType: string | undefined,
  ) {
    super(message);
    this.name = 'AmpQueryError';
  }
}

export interface AmpQuery {
  /** An instant query's vector (a scalar answer is returned as one sample without labels). */
  query(promql: string, timeSeconds?: number): Promise<PromSample[]>;
  series(match: string[], startSeconds?: number, endSeconds?: number): Promise<Record<string, string>[]>;
}

const CONNECT_TIMEOUT_MS = 10_000;
const TOTAL_TIMEOUT_MS = 30_000;
const THROTTLING_STATUS = 429;
const THROTTLING_TYPES = /^(Throttling|ThrottlingException|TooManyRequestsException|ThrottledException|RequestLimitExceeded|SlowDown)$/;
const TRANSIENT_STATUS = [500, 502, 503, 504];
const TRANSIENT_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'];

/** Where the query API is reached: the workspace's endpoint, or the configured override with the endpoint's path. */
export function queryBase(prometheusEndpoint: string, env: Record<string, string | undefined> = process.env): URL {
  const endpoint = new URL(prometheusEndpoint.endsWith('/') ? prometheusEndpoint : `${prometheusEndpoint}/`);
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return endpoint;
  const override = env.AWS_ENDPOINT_URL_AMP || env.AWS_ENDPOINT_URL;
  if (!override) return endpoint;
  const base = new URL(override);
  return new URL(`${base.pathname.replace(/\/+$/, '')}${endpoint.pathname}`, base.origin);
}

export function createAmpQuery(o: AmpQueryOptions): AmpQuery {
  const base = queryBase(o.prometheusEndpoint, o.env);
  const signer = new SignatureV4({ service: 'aps', region: o.region, credentials: o.credentials, sha256: Sha256 });
  const send = o.send ?? nodeSend();
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = o.random ?? Math.random;
  const maxAttempts = o.maxAttempts ?? 3;

  async function call(api: 'query' | 'series', form: [string, string][]): Promise<unknown> {
    const url = new URL(api, base);
    const body = new URLSearchParams(form).toString();
    for (let attempt = 1; ; attempt++) {
      const request = new HttpRequest({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: {},
        headers: {
          host: url.host,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': `${ACTION_NAME}/${ACTION_VERSION}`,
        },
        body,
      });
      const outcome = await exchange(api, await signer.sign(request) as HttpRequest);
      if ('data' in outcome) return outcome.data;
      if (!outcome.retry || attempt >= maxAttempts) throw outcome.error;
      const delayBase = outcome.throttled ? 500 : 100;
      await sleep(Math.floor(Math.min(20_000, random() * 2 ** attempt * delayBase)));
    }
  }

  /** One request and what to do about its answer: the data, or the error and whether the SDK would retry it. */
  async function exchange(api: string, request: HttpRequest): Promise<{ data: unknown } | { error: AmpQueryError; retry: boolean; throttled: boolean }> {
    let res: RawResponse;
    try {
      res = await send(request, AbortSignal.timeout(TOTAL_TIMEOUT_MS));
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string };
      const error = new AmpQueryError(`AMP ${api} request failed: ${e.code ?? e.name ?? 'Error'}: ${e.message ?? String(err)}`, undefined, e.code ?? e.name);
      return { error, retry: TRANSIENT_CODES.includes(e.code ?? '') || e.name === 'TimeoutError', throttled: false };
    }
    const parsed = parse(res);
    if (parsed.ok) return { data: parsed.data };
    const throttled = res.statusCode === THROTTLING_STATUS || THROTTLING_TYPES.test(parsed.error.errorType ?? '');
    return { error: parsed.error, retry: throttled || TRANSIENT_STATUS.includes(res.statusCode), throttled };
  }

  return {
    async query(promql, timeSeconds) {
      const data = await call('query', [['query', promql], ...(timeSeconds === undefined ? [] : [['time', String(timeSeconds)] as [string, string]])]);
      return vectorOf(data);
    },
    async series(match, startSeconds, endSeconds) {
      const form: [string, string][] = match.map((m) => ['match[]', m]);
      if (startSeconds !== undefined) form.push(['start', String(startSeconds)]);
      if (endSeconds !== undefined) form.push(['end', String(endSeconds)]);
      const data = await call('series', form);
      if (!Array.isArray(data)) throw new AmpQueryError('AMP series answered without a list of series.', 200, 'bad_response');
      return data as Record<string, string>[];
    },
  };
}

/**
 * Prometheus answers `{status: "success", data}` or `{status: "error", errorType, error}`; AMP's own
 * refusals (403, 429) are AWS-style `{message}` with the type in x-amzn-ErrorType (`Type:extra`).
 */
export function parse(res: RawResponse): { ok: true; data: unknown } | { ok: false; error: AmpQueryError } {
  let json: { status?: string; data?: unknown; errorType?: string; error?: string; message?: string; Message?: string } | undefined;
  try {
    json = JSON.parse(res.body) as typeof json;
  } catch {
    json = undefined;
  }
  if (res.statusCode === 200 && json?.status === 'success') return { ok: true, data: (json as { data?: unknown }).data };
  const amznType = (res.headers['x-amzn-errortype'] ?? '').split(':')[0] || undefined;
  const type = json?.errorType ?? amznType;
  const said = json?.error ?? json?.message ?? json?.Message ?? res.body.slice(0, 500);
  return { ok: false, error: new AmpQueryError(`AMP answered ${res.statusCode}${type ? ` ${type}` : ''}: ${said}`.trim(), res.statusCode, type) };
}

function vectorOf(data: unknown): PromSample[] {
  const d = data as { resultType?: string; result?: unknown };
  if (d?.resultType === 'vector' && Array.isArray(d.result)) return d.result as PromSample[];
  if (d?.resultType === 'scalar' && Array.isArray(d.result)) return [{ metric: {}, value: d.result as [number, string] }];
  throw new AmpQueryError(`AMP query answered a ${d?.resultType ?? 'malformed'} result where an instant vector was expected.`, 200, 'bad_response');
}

function nodeSend(): (request: HttpRequest, signal: AbortSignal) => Promise<RawResponse> {
  // Bounded like the SDK clients (src/aws/clients.ts); the abort signal caps the whole exchange.
  const handler = new NodeHttpHandler({ connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: TOTAL_TIMEOUT_MS });
  return async (request, signal) => {
    const { response } = await handler.handle(request, { abortSignal: signal });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as Readable) chunks.push(Buffer.from(chunk as Buffer));
    return { statusCode: response.statusCode, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') };
  };
}
