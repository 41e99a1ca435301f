import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { GrafanaApiError, GrafanaClient } from '../../src/grafana/client';
import { ActionError } from '../../src/util/errors';
import { mapSettled } from '../../src/util/concurrency';

describe('GrafanaClient', () => {
  let server: Server;
  let base: string;
  let answers: { status: number; body: string }[];
  const seen: { method: string; url: string; auth?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        const next = answers.shift() ?? { status: 500, body: '{"message":"no answer queued"}' };
        res.writeHead(next.status, { 'content-type': next.body.startsWith('<') ? 'text/html' : 'application/json' });
        res.end(next.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => { seen.length = 0; answers = []; });

  const client = () => new GrafanaClient({ baseUrl: base, token: 'glsa_secret', userAgent: 'test/1', baseDelayMs: 1 });

  it('sends the bearer token and JSON, and retries 429 and 5xx', async () => {
    answers = [{ status: 429, body: '{"message":"Too Many Requests"}' }, { status: 502, body: 'bad gateway' }, { status: 200, body: '{"uid":"x"}' }];
    await expect(client().post('/api/folders', { title: 't' })).resolves.toEqual({ uid: 'x' });
    expect(seen).toHaveLength(3);
    expect(seen[2]).toEqual({ method: 'POST', url: '/api/folders', auth: 'Bearer glsa_secret', body: '{"title":"t"}' });
  });

  it('fails with Grafana\'s message, without retrying a 4xx, and find() maps 404 to undefined', async () => {
    answers = [{ status: 400, body: '{"message":"Dashboard title cannot be empty"}' }];
    const err = await client().post('/api/dashboards/import', {}).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(GrafanaApiError);
    expect(err?.message).toBe('Grafana API POST /api/dashboards/import failed: 400 Dashboard title cannot be empty');
    expect(err?.message).not.toContain('glsa_secret');
    answers = [{ status: 404, body: '{"message":"Data source not found"}' }];
    await expect(client().find('/api/datasources/name/x')).resolves.toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('retries a 500 only for GET: Grafana also answers 500 for request errors it does not map', async () => {
    answers = [{ status: 500, body: '{"message":"Dashboard input variable: DS missing from import command"}' }];
    await expect(client().post('/api/dashboards/import', {})).rejects.toThrow('500 Dashboard input variable');
    expect(seen).toHaveLength(1);
    answers = [{ status: 500, body: '{"message":"database is locked"}' }, { status: 200, body: '[]' }];
    await expect(client().get('/api/search')).resolves.toEqual([]);
    expect(seen).toHaveLength(3);
  });

  it('gives up after ten attempts by default, as the README promises and the AWS clients do', async () => {
    answers = Array.from({ length: 10 }, () => ({ status: 503, body: '{"message":"unavailable"}' }));
    await expect(client().get('/api/health')).rejects.toThrow('503 unavailable');
    expect(seen).toHaveLength(10);
  });

  it('names the call and the likely cause when a 200 answer is an HTML page', async () => {
    answers = [{ status: 200, body: '<!DOCTYPE html><html><head><title>Sign in - Proxy</title></head><body>glsa_secret</body></html>' }];
    const err = await client().post('/api/dashboards/import', {}).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect(err?.message).toBe(`Grafana API POST /api/dashboards/import answered 200 with an HTML page ('Sign in - Proxy') instead of JSON: ${base} does not look like the workspace's Grafana API.`);
    expect((err as ActionError).fix).toMatch(/proxy, a login or SSO page/);
    expect(err?.message).not.toMatch(/Unexpected token/);
    answers = [{ status: 502, body: '<html><head><title>502 Bad Gateway</title></head></html>' }];
    await expect(new GrafanaClient({ baseUrl: base, token: 't', userAgent: 'u', maxAttempts: 1 }).get('/api/search'))
      .rejects.toThrow("failed: 502 an HTML page ('502 Bad Gateway') (a proxy or gateway in front of Grafana)");
  });

  it('stop() ends a call waiting to retry, at once', async () => {
    answers = Array.from({ length: 10 }, () => ({ status: 503, body: '{"message":"unavailable"}' }));
    const slow = new GrafanaClient({ baseUrl: base, token: 't', userAgent: 'u', baseDelayMs: 60_000 });
    const call = slow.get('/api/search').then(() => undefined, (e: Error) => e.message);
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    slow.stop();
    await expect(call).resolves.toBe("Grafana API GET /api/search was abandoned: the step's Grafana work ended.");
    expect(seen).toHaveLength(1);
  });

  it('starts no request past its deadline (the token\'s lifetime)', async () => {
    const late = new GrafanaClient({ baseUrl: base, token: 't', userAgent: 'u', deadline: Date.now() - 1 });
    await expect(late.get('/api/search')).rejects.toThrow("was not attempted: the step's Grafana work ran past the lifetime of its API token");
    expect(seen).toHaveLength(0);
  });
});

describe('mapSettled', () => {
  it('keeps at most `limit` calls in flight and settles every item', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapSettled([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (n === 4) throw new Error('four');
      return n * 2;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([2, 4, 6, 'four', 10, 12, 14]);
  });
});
