import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AmpQueryError, createAmpQuery, parse, queryBase, RawResponse } from '../../src/aws/amp-query';

const ENDPOINT = 'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1234/api/v1/';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const ok = (data: unknown): RawResponse => ({ statusCode: 200, headers: {}, body: JSON.stringify({ status: 'success', data }) });

describe('queryBase', () => {
  test('the workspace endpoint when nothing overrides it', () => {
    expect(queryBase(ENDPOINT, {}).href).toBe(ENDPOINT);
  });
  test('AWS_ENDPOINT_URL_AMP before AWS_ENDPOINT_URL, keeping the workspace path', () => {
    expect(queryBase(ENDPOINT, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_AMP: 'http://127.0.0.1:2' }).href).toBe('http://127.0.0.1:2/workspaces/ws-1234/api/v1/');
    expect(queryBase(ENDPOINT, { AWS_ENDPOINT_URL: 'http://localhost:4566/' }).href).toBe('http://localhost:4566/workspaces/ws-1234/api/v1/');
  });
  test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns overrides off, as in the SDK', () => {
    expect(queryBase(ENDPOINT, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).href).toBe(ENDPOINT);
  });
});

describe('createAmpQuery', () => {
  test('POSTs a SigV4-signed form (service aps) to the workspace\'s query API and returns the vector', async () => {
    const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
    const q = createAmpQuery({
      prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: {},
      send: async (req) => {
        seen.push({ url: `${req.protocol}//${req.hostname}${req.path}`, headers: req.headers, body: String(req.body) });
        return ok({ resultType: 'vector', result: [{ metric: { __name__: 'up' }, value: [1, '1'] }] });
      },
    });
    expect(await q.query('up{environment="pr-7"}', 1700000000)).toEqual([{ metric: { __name__: 'up' }, value: [1, '1'] }]);
    expect(seen[0].url).toBe('https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1234/api/v1/query');
    expect(new URLSearchParams(seen[0].body).get('query')).toBe('up{environment="pr-7"}');
    expect(new URLSearchParams(seen[0].body).get('time')).toBe('1700000000');
    expect(seen[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/aps\/aws4_request, SignedHeaders=[^,]*host/);
  });

  test('series sends each match[]', async () => {
    let body = '';
    const q = createAmpQuery({ prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: {}, send: async (req) => { body = String(req.body); return ok([{ __name__: 'up' }]); } });
    expect(await q.series(['up', 'ecs_task_cpu_utilized'], 1, 2)).toEqual([{ __name__: 'up' }]);
    expect(new URLSearchParams(body).getAll('match[]')).toEqual(['up', 'ecs_task_cpu_utilized']);
  });

  test('retries throttling and 5xx with the SDK\'s backoff bases, then answers', async () => {
    const answers: RawResponse[] = [
      { statusCode: 429, headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal' }, body: '{"message":"Rate exceeded"}' },
      { statusCode: 503, headers: {}, body: 'unavailable' },
      ok({ resultType: 'vector', result: [] }),
    ];
    const delays: number[] = [];
    const q = createAmpQuery({
      prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: {}, maxAttempts: 3, random: () => 1,
      sleep: async (ms) => { delays.push(ms); }, send: async () => answers.shift()!,
    });
    expect(await q.query('up')).toEqual([]);
    expect(delays).toEqual([500 * 2, 100 * 4]);
  });

  test('a 403 is not retried and says what AMP said', async () => {
    let calls = 0;
    const q = createAmpQuery({
      prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: {}, sleep: async () => undefined,
      send: async () => { calls++; return { statusCode: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException' }, body: '{"message":"User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: aps:QueryMetrics"}' }; },
    });
    const err = await q.query('up').catch((e: unknown) => e) as AmpQueryError;
    expect(err).toBeInstanceOf(AmpQueryError);
    expect(err.statusCode).toBe(403);
    expect(err.errorType).toBe('AccessDeniedException');
    expect(err.message).toMatch(/aps:QueryMetrics/);
    expect(calls).toBe(1);
  });

  test('a network error is retried; a refused connection at the last attempt fails with its code', async () => {
    let calls = 0;
    const q = createAmpQuery({
      prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: {}, sleep: async () => undefined,
      send: async () => { calls++; throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); },
    });
    await expect(q.query('up')).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toBe(3);
  });

  test('through the SDK\'s Node handler to a local server, reached by AWS_ENDPOINT_URL', async () => {
    const received: { path?: string; auth?: string; host?: string } = {};
    const server = createServer((req: IncomingMessage, res) => {
      received.path = req.url;
      received.auth = req.headers.authorization;
      received.host = req.headers.host;
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '2'] } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const q = createAmpQuery({ prometheusEndpoint: ENDPOINT, region: 'eu-west-1', credentials, env: { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` } });
      expect(await q.query('1+1')).toEqual([{ metric: {}, value: [1, '2'] }]);
      expect(received.path).toBe('/workspaces/ws-1234/api/v1/query');
      expect(received.host).toBe(`127.0.0.1:${port}`);
      expect(received.auth).toMatch(/\/aps\/aws4_request/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

test('parse reads Prometheus errors', () => {
  const r = parse({ statusCode: 400, headers: {}, body: '{"status":"error","errorType":"bad_data","error":"parse error at char 3"}' });
  expect(r.ok).toBe(false);
  expect(!r.ok && r.error.errorType).toBe('bad_data');
  expect(!r.ok && r.error.message).toBe('AMP answered 400 bad_data: parse error at char 3');
});
