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

  it('accepts Bearer tokens and tokens registered by value', async () => {
    sandbox.github.addToken('ghs_fixed_for_test', 'read');
    const res = await fetch(`${sandbox.githubApiUrl}/repos/acme/shop/issues/1/comments`, { headers: { authorization: 'Bearer ghs_fixed_for_test' } });
    expect(res.status).toBe(200);
  });

  it('updates a comment in place with PATCH, under the same rules', async () => {
    const created = (await (await api('/repos/acme/shop/issues/1/comments', write, { method: 'POST', body: JSON.stringify({ body: 'v1' }) })).json()) as { id: number; url: string };
    expect(created.url).toBe(`${sandbox.githubApiUrl}/repos/acme/shop/issues/comments/${created.id}`);
    const patched = await api(`/repos/acme/shop/issues/comments/${created.id}`, write, { method: 'PATCH', body: JSON.stringify({ body: 'v2' }) });
    expect(patched.status).toBe(200);
    expect(sandbox.github.comments.find((c) => c.id === created.id)!.body).toBe('v2');
    expect((await api(`/repos/acme/shop/issues/comments/${created.id}`, read, { method: 'PATCH', body: JSON.stringify({ body: 'v3' }) })).status).toBe(403);
    expect((await api(`/repos/acme/shop/issues/comments/${created.id}`, write, { method: 'PATCH', body: JSON.stringify({ body: 'x'.repeat(65_537) }) })).status).toBe(422);
    expect((await api(`/repos/acme/shop/issues/comments/${created.id}`, write, { method: 'PATCH', body: 'not json' })).status).toBe(400);
    expect((await api(`/repos/acme/shop/issues/comments/${created.id}`, write, { method: 'PATCH', body: '{}' })).status).toBe(422);
    expect((await api('/repos/acme/other/issues/comments/1', write, { method: 'PATCH', body: JSON.stringify({ body: 'v' }) })).status).toBe(404);
  });

  it('counts the body limit in characters, not UTF-16 units', async () => {
    const emoji = '😀'.repeat(65_536); // 131,072 UTF-16 units, 65,536 characters
    expect((await api('/repos/acme/shop/issues/1/comments', write, { method: 'POST', body: JSON.stringify({ body: emoji }) })).status).toBe(201);
  });

  it('serves pull requests: one by number, and a list by state whose Link keeps the filter', async () => {
    sandbox.github.addPullRequest({ owner: 'acme', repo: 'shop', number: 2, state: 'closed', merged: true, headRef: 'feat/x' });
    sandbox.github.addPullRequest({ owner: 'acme', repo: 'shop', number: 3, state: 'closed' });
    sandbox.github.addPullRequest({ owner: 'acme', repo: 'shop', number: 4, state: 'closed' });
    const pr = (await (await api('/repos/acme/shop/pulls/2', read)).json()) as Record<string, any>;
    expect(pr).toMatchObject({ number: 2, state: 'closed', merged: true, head: { ref: 'feat/x' }, created_at: expect.any(String), updated_at: expect.any(String), merged_at: expect.any(String) });
    expect((await api('/repos/acme/shop/pulls/99', read)).status).toBe(404);

    const page1 = await api('/repos/acme/shop/pulls?state=closed&per_page=2', read);
    expect(((await page1.json()) as { number: number }[]).map((p) => p.number)).toEqual([4, 3]);
    const next = /<([^>]+)>; rel="next"/.exec(page1.headers.get('link')!)![1];
    expect(new URL(next).searchParams.get('state')).toBe('closed');
    const page2 = await fetch(next, { headers: { authorization: `token ${read}` } });
    expect(((await page2.json()) as { number: number }[]).map((p) => p.number)).toEqual([2]);
    expect(((await (await api('/repos/acme/shop/pulls?state=all', read)).json()) as unknown[]).length).toBe(4);
    expect((await api('/repos/acme/shop/pulls?state=merged', read)).status).toBe(422);
  });

  it('clamps per_page to 100 and logs GitHub requests', async () => {
    for (let i = 0; i < 3; i++) sandbox.github.addComment('acme/shop', 1, `seeded ${i}`);
    const res = await api('/repos/acme/shop/issues/1/comments?per_page=500', read);
    expect(res.headers.get('link')).toBeNull();
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'github', operation: 'GET /repos/acme/shop/issues/1/comments', mutating: false, status: 200 });
    await api('/repos/acme/shop/issues/1/comments', read, { method: 'POST', body: '{"body":"x"}' });
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'github', operation: 'POST /repos/acme/shop/issues/1/comments', mutating: true, status: 403, errorCode: 'Resource not accessible by integration' });
  });
});

describe('token identities', () => {
  const graphql = (token: string, query: string) => fetch(`${sandbox.githubApiUrl}/graphql`, {
    method: 'POST', headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  });

  it('answers viewer { login } for an installation token and a PAT, and GET /user only for the PAT', async () => {
    const pat = sandbox.github.addToken('write', { login: 'octocat', kind: 'pat' });
    const app = sandbox.github.addToken('write', { login: 'preview-bot[bot]', kind: 'installation' });
    for (const [token, login] of [[write, 'github-actions[bot]'], [pat, 'octocat'], [app, 'preview-bot[bot]']]) {
      const res = await graphql(token, 'query { viewer { login } }');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { viewer: { login } } });
    }
    const forbidden = await api('/user', write);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toBe('Resource not accessible by integration');
    expect((await api('/user', app)).status).toBe(403);
    expect(((await (await api('/user', pat)).json()) as { login: string }).login).toBe('octocat');
  });

  it('refuses unknown tokens and fields as GitHub does', async () => {
    expect((await graphql('ghs_unknown', '{ viewer { login } }')).status).toBe(401);
    const res = (await (await graphql(write, '{ viewer { password } }')).json()) as { errors: { message: string }[] };
    expect(res.errors[0].message).toBe("Field 'password' doesn't exist on type 'User'");
  });

  it('names each comment by the token that wrote it', async () => {
    const pat = sandbox.github.addToken('write', { login: 'octocat', kind: 'pat' });
    const created = (await (await api('/repos/acme/shop/issues/1/comments', pat, { method: 'POST', body: JSON.stringify({ body: 'by a person' }) })).json()) as { user: { login: string; id: number; type: string } };
    expect(created.user).toMatchObject({ login: 'octocat', type: 'User' });
    const bot = (await (await api('/repos/acme/shop/issues/1/comments', write, { method: 'POST', body: JSON.stringify({ body: 'by the bot' }) })).json()) as { user: { login: string; id: number; type: string } };
    expect(bot.user).toEqual({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
  });

  it('can accept requests and never answer them', async () => {
    sandbox.github.setFault('hang');
    try {
      const outcome = await Promise.race([api('/repos/acme/shop/issues/1/comments', write).then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer'), 300))]);
      expect(outcome).toBe('no answer');
      expect(sandbox.log.at(-1)).toMatchObject({ service: 'github', errorCode: 'hang' });
    } finally {
      sandbox.github.setFault(undefined);
    }
  });
});
