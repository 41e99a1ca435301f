import { randomBytes } from 'node:crypto';

export interface PullRequest {
  repository: string;
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  headRef: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
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

const BODY_LIMIT = 65_536;

/** The GitHub REST subset the action uses, with GitHub's status codes and error bodies. */
export class GithubModel {
  readonly pulls = new Map<string, PullRequest>();
  readonly comments: IssueComment[] = [];
  private readonly tokens = new Map<string, 'read' | 'write'>();
  private nextCommentId = 1_000_001;

  addToken(permission: 'read' | 'write'): string {
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.tokens.set(token, permission);
    return token;
  }

  addPullRequest(repository: string, number: number, state: 'open' | 'closed' = 'open', merged = false): PullRequest {
    const now = new Date();
    const pr: PullRequest = { repository, number, state, merged, headRef: `feature-${number}`, createdAt: now, updatedAt: now, closedAt: state === 'closed' ? now : undefined };
    this.pulls.set(`${repository}#${number}`, pr);
    return pr;
  }

  commentsOn(repository: string, issue: number): IssueComment[] {
    return this.comments.filter((c) => c.repository === repository && c.issue === issue);
  }

  /** Routes one request below the API base URL. `base` is the absolute API URL, for Link headers. */
  handle(method: string, path: string, query: URLSearchParams, authorization: string | undefined, body: string, base: string): GithubReply {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const permission = token ? this.tokens.get(token) : undefined;
    if (!permission) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };

    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [repository, issue] = [m[1], Number(m[2])];
      if (!this.pulls.has(`${repository}#${issue}`)) return notFound();
      if (method === 'GET') return this.list(this.commentsOn(repository, issue).map(render), query, `${base}${path}`);
      if (method === 'POST') {
        if (permission !== 'write') return forbidden();
        const text = parseBody(body);
        if (typeof text !== 'string') return unprocessable('body');
        if (text.length > BODY_LIMIT) return tooLong();
        const now = new Date();
        const comment: IssueComment = { id: this.nextCommentId++, repository, issue, body: text, user: 'github-actions[bot]', createdAt: now, updatedAt: now };
        this.comments.push(comment);
        return { status: 201, body: render(comment) };
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = this.comments.find((c) => c.repository === m![1] && c.id === Number(m![2]));
      if (!comment) return notFound();
      if (method === 'GET') return { status: 200, body: render(comment) };
      if (method === 'PATCH') {
        if (permission !== 'write') return forbidden();
        const text = parseBody(body);
        if (typeof text !== 'string') return unprocessable('body');
        if (text.length > BODY_LIMIT) return tooLong();
        comment.body = text;
        comment.updatedAt = new Date();
        return { status: 200, body: render(comment) };
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      const pr = this.pulls.get(`${m[1]}#${m[2]}`);
      return pr ? { status: 200, body: renderPull(pr) } : notFound();
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(path)) && method === 'GET') {
      const state = query.get('state') ?? 'open';
      const pulls = [...this.pulls.values()].filter((p) => p.repository === m![1] && (state === 'all' || p.state === state));
      return this.list(pulls.map(renderPull), query, `${base}${path}`);
    }
    return notFound();
  }

  private list(items: unknown[], query: URLSearchParams, url: string): GithubReply {
    const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string) => `<${url}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  }
}

function parseBody(body: string): unknown {
  try {
    return (JSON.parse(body) as { body?: unknown }).body;
  } catch {
    return undefined;
  }
}

function render(c: IssueComment) {
  return {
    id: c.id, node_id: `IC_${c.id}`, body: c.body, user: { login: c.user, type: 'Bot' },
    html_url: `https://github.com/${c.repository}/pull/${c.issue}#issuecomment-${c.id}`,
    created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString(),
  };
}

function renderPull(p: PullRequest) {
  return {
    number: p.number, state: p.state, merged: p.merged, merged_at: p.merged ? p.closedAt?.toISOString() : null,
    closed_at: p.closedAt?.toISOString() ?? null, created_at: p.createdAt.toISOString(), updated_at: p.updatedAt.toISOString(),
    head: { ref: p.headRef }, html_url: `https://github.com/${p.repository}/pull/${p.number}`,
  };
}

const notFound = (): GithubReply => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
const forbidden = (): GithubReply => ({ status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments', status: '403' } });
const unprocessable = (field: string): GithubReply => ({ status: 422, body: { message: 'Invalid request.', errors: [{ resource: 'IssueComment', code: 'missing_field', field }], status: '422' } });
const tooLong = (): GithubReply => ({ status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], status: '422' } });
