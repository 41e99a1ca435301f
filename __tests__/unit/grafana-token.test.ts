import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseTokenName, staleTokens, tokenName } from '../../src/aws/grafana-token';
import { repositoryHash } from '../../src/tags';
import { runAttemptCompleted } from '../../src/github/run-state';
import { tokenTtlSeconds } from '../../src/modes/dashboard';

describe('Grafana token names', () => {
  it('carry the repository hash, run id and attempt, within the API\'s 128 characters', () => {
    const name = tokenName({ repository: 'acme/shop', runId: '123456789012', runAttempt: '3' }, 'abcdef');
    expect(name).toBe(`ecs-amp-action-run-${repositoryHash('acme/shop')}-123456789012-3-abcdef`);
    expect(name.length).toBeLessThanOrEqual(128);
    expect(parseTokenName(name)).toEqual({ repositoryHash: repositoryHash('acme/shop'), runId: '123456789012', runAttempt: '3' });
    expect(repositoryHash('acme/shop')).not.toBe(repositoryHash('other/shop'));
    // Tokens named before run attempts were in the name are only swept once expired.
    expect(parseTokenName('ecs-amp-action-run-9001-a1b2c3')).toBeUndefined();
  });
});

describe('staleTokens', () => {
  const owner = { repository: 'acme/shop', runId: '500', runAttempt: '1' };
  const now = Date.parse('2025-01-01T12:00:00Z');
  const live = new Date(now + 60_000);
  const named = (repository: string, runId: string, attempt = '1', id = runId) => ({ id, name: tokenName({ repository, runId, runAttempt: attempt }), expiresAt: live });

  it('deletes expired tokens and this repository\'s tokens of completed runs; never its own, other repositories\' or unknown ones', async () => {
    const tokens = [
      { id: 'expired', name: 'ecs-amp-action-run-9001-a1b2c3', expiresAt: new Date(now - 1) },
      named('acme/shop', '400', '1', 'done'),
      named('acme/shop', '401', '1', 'running'),
      named('acme/shop', '402', '1', 'unknown'),
      named('acme/shop', '500', '1', 'mine'),
      named('acme/shop', '500', '2', 'my-rerun'),
      named('other/shop', '400', '1', 'foreign'),
      { id: 'someone-else', name: 'my-own-token', expiresAt: new Date(now - 1) },
    ];
    const asked: string[] = [];
    const stale = await staleTokens(tokens, owner, now, async (runId, attempt) => {
      asked.push(`${runId}/${attempt}`);
      return ({ '400/1': true, '401/1': false, '500/2': true } as Record<string, boolean>)[`${runId}/${attempt}`];
    });
    expect(stale.map((t) => t.id).sort()).toEqual(['done', 'expired', 'my-rerun']);
    expect(asked.sort()).toEqual(['400/1', '401/1', '402/1', '500/2']);
    // Without a way to ask GitHub only expiry counts.
    expect((await staleTokens(tokens, owner, now)).map((t) => t.id)).toEqual(['expired']);
  });
});

describe('token lifetime', () => {
  it('is the Grafana work budget, never past the step\'s deadline, never under a minute', () => {
    const now = 1_000_000;
    expect(tokenTtlSeconds(now + 30 * 60_000, now)).toBe(600);
    expect(tokenTtlSeconds(now + 4 * 60_000, now)).toBe(240);
    expect(tokenTtlSeconds(now + 5_000, now)).toBe(60);
  });
});

describe('runAttemptCompleted', () => {
  let server: Server;
  let base: string;
  let answer: (url: string) => { status: number; body: unknown } | 'hang';
  const seen: { url: string; auth?: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url!, auth: req.headers.authorization });
      const a = answer(req.url!);
      if (a === 'hang') return;
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));

  const ask = (timeoutMs?: number) => runAttemptCompleted({ token: 'ghs_x', repository: 'acme/shop', runId: '42', attempt: '2', apiUrl: base, timeoutMs });

  it('asks for the attempt and reads its status', async () => {
    answer = () => ({ status: 200, body: { id: 42, run_attempt: 2, status: 'completed' } });
    await expect(ask()).resolves.toBe(true);
    expect(seen.at(-1)).toEqual({ url: '/repos/acme/shop/actions/runs/42/attempts/2?exclude_pull_requests=true', auth: 'token ghs_x' });
    answer = () => ({ status: 200, body: { status: 'in_progress' } });
    await expect(ask()).resolves.toBe(false);
  });

  it('answers undefined, never throws, for a missing permission, an odd body, a hang, or bad arguments', async () => {
    answer = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    await expect(ask()).resolves.toBeUndefined();
    answer = () => ({ status: 200, body: ['x'] });
    await expect(ask()).resolves.toBeUndefined();
    answer = () => 'hang';
    await expect(ask(200)).resolves.toBeUndefined();
    await expect(runAttemptCompleted({ token: undefined, repository: 'acme/shop', runId: '1', attempt: '1', apiUrl: base })).resolves.toBeUndefined();
    await expect(runAttemptCompleted({ token: 't', repository: 'acme/shop', runId: '../x', attempt: '1', apiUrl: base })).resolves.toBeUndefined();
  });
});
