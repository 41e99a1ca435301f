import { createHash, randomBytes } from 'node:crypto';

export interface PullRequest {
  repository: string;
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  headRef: string;
  /** owner/name of the repository the head branch is in: a fork's for a fork PR. */
  headRepository: string;
  headSha: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}

export interface PullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  state?: 'open' | 'closed';
  merged?: boolean;
  headRef?: string;
  /** Default: the PR's own repository (not a fork). */
  headRepository?: string;
  headSha?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface IssueComment {
  id: number;
  repository: string;
  issue: number;
  body: string;
  user: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GithubReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type TokenPermission = 'read' | 'write';

/**
 * Who a token acts as. `installation`: the job's GITHUB_TOKEN (an installation token of the GitHub
 * Actions app) or another GitHub App's installation token, both logging in as `<app-slug>[bot]`;
 * `pat`: a personal access token of a user.
 */
export interface TokenIdentity {
  login: string;
  kind: 'installation' | 'pat';
}

/** What the sandbox's GitHub can be told to do wrong. `hang`: accept every request and never answer. */
export type GithubFault = 'hang';

/** A workflow run attempt's `status` (REST: requested, queued, pending, waiting, in_progress, completed). */
export type RunStatus = 'requested' | 'queued' | 'pending' | 'waiting' | 'in_progress' | 'completed';

const BODY_LIMIT = 65_536;
const DOCS = 'https://docs.github.com/rest';
export const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The user id of github-actions[bot], as its commits' noreply address shows
 * (41898282+github-actions[bot]@users.noreply.github.com, e.g. release-plz/action PR #85).
 */
const ACTIONS_BOT_ID = 41898282;
const GRAPHQL_DOCS = 'https://docs.github.com/graphql';

/** The GitHub REST subset the action uses, with GitHub's status codes and error bodies. */
export class GithubModel {
  readonly pulls = new Map<string, PullRequest>();
  readonly comments: IssueComment[] = [];
  private readonly tokens = new Map<string, { permission: TokenPermission; identity: TokenIdentity; actionsRead: boolean }>();
  private readonly userIds = new Map<string, number>([[ACTIONS_BOT, ACTIONS_BOT_ID]]);
  private nextCommentId = 1_000_001;
  private nextUserId = 5_000_001;
  /** Workflow run attempts by `owner/repo#run#attempt`: their status, as "Get a workflow run attempt" answers. */
  readonly runAttempts = new Map<string, RunStatus>();
  /** Set with setFault(); the HTTP route reads it. */
  fault: GithubFault | undefined;

  /**
   * Registers `token` (or a fresh one: `ghs_` for an installation, `ghp_` for a PAT) with a
   * permission on issues and pull requests, acting as `identity` (default: the job's GITHUB_TOKEN,
   * github-actions[bot]); returns it.
   */
  addToken(permission: TokenPermission, identity?: TokenIdentity): string;
  addToken(token: string, permission: TokenPermission, identity?: TokenIdentity): string;
  addToken(a: string, b?: TokenPermission | TokenIdentity, c?: TokenIdentity): string {
    const byValue = typeof b === 'string';
    const permission = (byValue ? b : a) as TokenPermission;
    const identity = (byValue ? c : (b as TokenIdentity | undefined)) ?? { login: ACTIONS_BOT, kind: 'installation' };
    if (permission !== 'read' && permission !== 'write') throw new Error(`unknown token permission '${String(permission)}'`);
    if (identity.kind === 'installation' && !identity.login.endsWith('[bot]')) throw new Error(`an installation token acts as an app's bot, '<slug>[bot]', not '${identity.login}'`);
    if (identity.kind === 'pat' && identity.login.endsWith('[bot]')) throw new Error(`a personal access token belongs to a user, not '${identity.login}'`);
    const token = byValue ? a : `${identity.kind === 'pat' ? 'ghp' : 'ghs'}_${randomBytes(18).toString('hex')}`;
    this.tokens.set(token, { permission, identity, actionsRead: true });
    this.userId(identity.login);
    return token;
  }

  /** A job whose `permissions:` leave out `actions: read`: its token may not read workflow runs. */
  withoutActionsRead(token: string): void {
    const grant = this.tokens.get(token);
    if (!grant) throw new Error('unknown token');
    grant.actionsRead = false;
  }

  /** Seeds one attempt of a workflow run of `repository` (e.g. a finished run whose Grafana token was left behind). */
  addRunAttempt(repository: string, runId: number, attempt: number, status: RunStatus): void {
    this.runAttempts.set(`${repository}#${runId}#${attempt}`, status);
  }

  /** Makes every later request hang (accepted, never answered), or clears that. */
  setFault(fault: GithubFault | undefined): void {
    if (fault !== undefined && fault !== 'hang') throw new Error(`unknown GitHub fault '${String(fault)}'`);
    this.fault = fault;
  }

  private userId(login: string): number {
    if (!this.userIds.has(login)) this.userIds.set(login, this.nextUserId++);
    return this.userIds.get(login)!;
  }

  addPullRequest(seed: PullRequestSeed): PullRequest;
  addPullRequest(repository: string, number: number, state?: 'open' | 'closed', merged?: boolean): PullRequest;
  addPullRequest(a: string | PullRequestSeed, number?: number, state: 'open' | 'closed' = 'open', merged = false): PullRequest {
    const seed: PullRequestSeed = typeof a === 'string'
      ? { owner: a.split('/')[0], repo: a.split('/')[1], number: number!, state, merged }
      : a;
    const now = new Date();
    const pr: PullRequest = {
      repository: `${seed.owner}/${seed.repo}`, number: seed.number, state: seed.state ?? 'open', merged: seed.merged ?? false,
      headRef: seed.headRef ?? `feature-${seed.number}`, headRepository: seed.headRepository ?? `${seed.owner}/${seed.repo}`,
      headSha: seed.headSha ?? createHash('sha1').update(`${seed.owner}/${seed.repo}#${seed.number}`).digest('hex'), createdAt: seed.createdAt ?? now, updatedAt: seed.updatedAt ?? seed.createdAt ?? now,
    };
    if (pr.state === 'closed') pr.closedAt = pr.updatedAt;
    if (pr.merged && pr.state !== 'closed') throw new Error('a merged pull request is closed');
    this.pulls.set(`${pr.repository}#${pr.number}`, pr);
    return pr;
  }

  /** Seeds a comment, e.g. one by a person, or an old sticky comment on a later page. */
  addComment(repository: string, issue: number, body: string, user = 'octocat'): IssueComment {
    const now = new Date();
    const comment: IssueComment = { id: this.nextCommentId++, repository, issue, body, user, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(repository: string, issue: number): IssueComment[] {
    return this.comments.filter((c) => c.repository === repository && c.issue === issue);
  }

  /** Routes one request below the API base URL. `base` is the absolute API URL, for Link headers and urls. */
  handle(method: string, path: string, query: URLSearchParams, authorization: string | undefined, body: string, base: string): GithubReply {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const grant = token ? this.tokens.get(token) : undefined;
    if (path === '/graphql') return grant ? graphql(method, body, grant.identity, this.userId(grant.identity.login)) : { status: 401, body: { message: 'Bad credentials', documentation_url: GRAPHQL_DOCS } };
    if (!grant) return error(401, 'Bad credentials');
    const canWrite = grant.permission === 'write';
    const render = (c: IssueComment) => renderComment(c, base, this.userId(c.user));

    if (path === '/user' && method === 'GET') {
      // An installation token is not a user: GitHub refuses it here (use GraphQL's viewer instead).
      if (grant.identity.kind === 'installation') return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/users/users#get-the-authenticated-user`, status: '403' } };
      return { status: 200, body: { login: grant.identity.login, id: this.userId(grant.identity.login), type: 'User' } };
    }

    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [repository, issue] = [m[1], Number(m[2])];
      if (!this.pulls.has(`${repository}#${issue}`)) return error(404, 'Not Found');
      if (method === 'GET') return list(this.commentsOn(repository, issue).map(render), query, `${base}${path}`);
      if (method === 'POST') {
        if (!canWrite) return forbidden();
        const text = commentBody(body);
        if (typeof text !== 'string') return text;
        return { status: 201, body: render(this.addComment(repository, issue, text, grant.identity.login)) };
      }
      return error(404, 'Not Found');
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = this.comments.find((c) => c.repository === m![1] && c.id === Number(m![2]));
      if (!comment) return error(404, 'Not Found');
      if (method === 'GET') return { status: 200, body: render(comment) };
      if (method === 'PATCH') {
        if (!canWrite) return forbidden();
        const text = commentBody(body);
        if (typeof text !== 'string') return text;
        comment.body = text;
        comment.updatedAt = new Date();
        return { status: 200, body: render(comment) };
      }
      return error(404, 'Not Found');
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)$/.exec(path)) && method === 'GET') {
      // REST "Get a workflow run attempt": needs actions: read (an installation token without it gets 403).
      if (!grant.actionsRead) return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/actions/workflow-runs#get-a-workflow-run-attempt`, status: '403' } };
      const status = this.runAttempts.get(`${m[1]}#${m[2]}#${m[3]}`);
      if (!status) return error(404, 'Not Found');
      return { status: 200, body: { id: Number(m[2]), run_attempt: Number(m[3]), status, conclusion: status === 'completed' ? 'success' : null, repository: { full_name: m[1] } } };
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      const pr = this.pulls.get(`${m[1]}#${m[2]}`);
      return pr ? { status: 200, body: renderPull(pr, base) } : error(404, 'Not Found');
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(path)) && method === 'GET') {
      const state = query.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'state', code: 'invalid' }], documentation_url: DOCS, status: '422' } };
      }
      // REST "List pull requests": head "Filter pulls by head user or head organization and branch name
      // in the format of user:ref-name or organization:ref-name". (A value without the colon is not
      // described; the sandbox matches nothing for it.)
      const head = query.get('head');
      const [headOwner, headRef] = head === null ? ['', ''] : head.includes(':') ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)] : ['', ''];
      const byHead = (p: PullRequest) => head === null || (p.headRepository.split('/')[0].toLowerCase() === headOwner.toLowerCase() && p.headRef === headRef);
      // GitHub's default order for this list: newest first.
      const pulls = [...this.pulls.values()]
        .filter((p) => p.repository === m![1] && (state === 'all' || p.state === state) && byHead(p))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number);
      return list(pulls.map((p) => renderPull(p, base)), query, `${base}${path}`);
    }
    return error(404, 'Not Found');
  }
}

/**
 * One page of a list, with GitHub's RFC 5988 Link header. The links keep every other query
 * parameter of the request (state=closed stays state=closed on page 2).
 */
function list(items: unknown[], query: URLSearchParams, url: string): GithubReply {
  const perPage = clamp(Number.parseInt(query.get('per_page') ?? '', 10) || 30, 1, 100);
  const page = Math.max(Number.parseInt(query.get('page') ?? '', 10) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.set('per_page', String(perPage));
    params.set('page', String(p));
    return `<${url}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** The comment text of a create/update request, or the error GitHub would answer. */
function commentBody(raw: string): string | GithubReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return error(400, 'Problems parsing JSON');
  }
  const text = typeof parsed === 'object' && parsed !== null ? (parsed as { body?: unknown }).body : undefined;
  if (typeof text !== 'string') {
    return { status: 422, body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' } };
  }
  // GitHub counts characters, not UTF-16 code units.
  if ([...text].length > BODY_LIMIT) {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }],
        documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`,
        status: '422',
      },
    };
  }
  return text;
}

/**
 * POST /graphql for the one query the action sends, `viewer { login }` (with `databaseId` also
 * accepted). GitHub answers GraphQL errors with 200 and an `errors` list; an unknown field of
 * `User` gets its "doesn't exist" error. Other queries are outside the model and say so.
 */
function graphql(method: string, raw: string, identity: TokenIdentity, userId: number): GithubReply {
  if (method !== 'POST') return { status: 404, body: { message: 'Not Found', documentation_url: GRAPHQL_DOCS } };
  let query: unknown;
  try {
    query = (JSON.parse(raw) as { query?: unknown }).query;
  } catch {
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: GRAPHQL_DOCS } };
  }
  if (typeof query !== 'string') return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } };
  const m = /^\s*(?:query\s*(?:[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{([\s\w,]*)\}\s*\}\s*$/.exec(query);
  if (!m) return { status: 200, body: { errors: [{ message: 'sandbox: only the query `{ viewer { login } }` is modelled' }] } };
  const fields = m[1].split(/[\s,]+/).filter(Boolean);
  const unknown = fields.find((f) => f !== 'login' && f !== 'databaseId');
  if (unknown || fields.length === 0) {
    const field = unknown ?? '';
    return { status: 200, body: { errors: [{ path: ['query', 'viewer', field], extensions: { code: 'undefinedField', typeName: 'User', fieldName: field }, message: `Field '${field}' doesn't exist on type 'User'` }] } };
  }
  const viewer: Record<string, unknown> = {};
  for (const f of fields) viewer[f] = f === 'login' ? identity.login : userId;
  return { status: 200, body: { data: { viewer } } };
}

function renderComment(c: IssueComment, base: string, userId: number) {
  return {
    id: c.id, node_id: `IC_${c.id}`, url: `${base}/repos/${c.repository}/issues/comments/${c.id}`,
    issue_url: `${base}/repos/${c.repository}/issues/${c.issue}`, body: c.body,
    user: { login: c.user, id: userId, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: c.user.endsWith('[bot]') ? 'NONE' : 'MEMBER',
    html_url: `https://github.com/${c.repository}/pull/${c.issue}#issuecomment-${c.id}`,
    created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString(),
  };
}

function renderPull(p: PullRequest, base: string) {
  return {
    number: p.number, url: `${base}/repos/${p.repository}/pulls/${p.number}`, state: p.state, merged: p.merged,
    merged_at: p.merged ? p.closedAt?.toISOString() ?? null : null,
    closed_at: p.closedAt?.toISOString() ?? null, created_at: p.createdAt.toISOString(), updated_at: p.updatedAt.toISOString(),
    head: { ref: p.headRef, sha: p.headSha, label: `${p.headRepository.split('/')[0]}:${p.headRef}`, repo: { full_name: p.headRepository, fork: p.headRepository !== p.repository } },
    base: { ref: 'main', repo: { full_name: p.repository } },
    html_url: `https://github.com/${p.repository}/pull/${p.number}`,
  };
}

function error(status: number, message: string): GithubReply {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } };
}

function forbidden(): GithubReply {
  return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`, status: '403' } };
}
