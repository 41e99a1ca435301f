import { startSandbox, Sandbox } from '../../sandbox/src/http/server';

let sandbox: Sandbox;
let write: string;
let read: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  write = sandbox.github.addToken('write');
  read = sandbox.github.addToken('read');
  sandbox.github.addPullRequest('acme/shop', 1);
});
afterAll(() => sandbox.close());

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${sandbox.githubApiUrl}${path}`, { ...init, headers: { authorization: `token ${token}`, 'content-type': 'application/json' } });

describe('GitHub REST subset', () => {
  it('pages comments with RFC 5988 Link headers', async () => {
    for (let i = 0; i < 5; i++) expect((await api('/repos/acme/shop/issues/1/comments', write, { method: 'POST', body: JSON.stringify({ body: `c${i}` }) })).status).toBe(201);
    const first = await api('/repos/acme/shop/issues/1/comments?per_page=2', write);
    expect(((await first.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c0', 'c1']);
    const link = first.headers.get('link')!;
    expect(link).toContain(`<${sandbox.githubApiUrl}/repos/acme/shop/issues/1/comments?per_page=2&page=2>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');
    const last = await fetch(/<([^>]+)>; rel="last"/.exec(link)![1], { headers: { authorization: `token ${write}` } });
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c4']);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('refuses a body over 65,536 characters with 422', async () => {
    const res = await api('/repos/acme/shop/issues/1/comments', write, { method: 'POST', body: JSON.stringify({ body: 'x'.repeat(65_537) }) });
    expect(res.status).toBe(422);
  });

  it('refuses writes with a read-only token and unknown tokens', async () => {
    const res = await api('/repos/acme/shop/issues/1/comments', read, { method: 'POST', body: JSON.stringify({ body: 'hi' }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('Resource not accessible by integration');
    expect((await api('/repos/acme/shop/issues/1/comments', 'ghs_unknown')).status).toBe(401);
    expect((await api('/repos/acme/shop/issues/999/comments', write)).status).toBe(404);
  });
});
