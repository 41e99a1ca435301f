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

const BODY_LIMIT = 65_536;
const DOCS = 'https://docs.github.com/rest';
export const ACTIONS_BOT = 'github-actions[bot]';

/** The GitHub REST subset the action uses, with GitHub's status codes and error bodies. */
export class GithubModel {
  readonly pulls = new Map<string, PullRequest>();
  readonly comments: IssueComment[] = [];
  private readonly tokens = new Map<string, TokenPermission>();
  private nextCommentId = 1_000_001;

  /** Registers `token` (or a fresh ghs_ token) with a permission on issues and pull requests; returns it. */
  addToken(permission: TokenPermission): string;
  addToken(token: string, permission: TokenPermission): string;
  addToken(a: string, b?: TokenPermission): string {
    const [token, permission] = b === undefined ? [`ghs_${randomBytes(18).toString('hex')}`, a as TokenPermission] : [a, b];
    if (permission !== 'read' && permission !== 'write') throw new Error(`unknown token permission '${String(permission)}'`);
    this.tokens.set(token, permission);
    return token;
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
    const permission = token ? this.tokens.get(token) : undefined;
    if (!permission) return error(401, 'Bad credentials');
    const canWrite = permission === 'write';
    const render = (c: IssueComment) => renderComment(c, base);

    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [repository, issue] = [m[1], Number(m[2])];
      if (!this.pulls.has(`${repository}#${issue}`)) return error(404, 'Not Found');
      if (method === 'GET') return list(this.commentsOn(repository, issue).map(render), query, `${base}${path}`);
      if (method === 'POST') {
        if (!canWrite) return forbidden();
        const text = commentBody(body);
        if (typeof text !== 'string') return text;
        return { status: 201, body: render(this.addComment(repository, issue, text, ACTIONS_BOT)) };
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

function renderComment(c: IssueComment, base: string) {
  return {
    id: c.id, node_id: `IC_${c.id}`, url: `${base}/repos/${c.repository}/issues/comments/${c.id}`,
    issue_url: `${base}/repos/${c.repository}/issues/${c.issue}`, body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
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
