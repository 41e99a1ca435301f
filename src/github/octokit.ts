import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * How long one GitHub request may take. octokit sets no timeout of its own, so a GitHub (or a proxy)
 * that accepts the connection and never answers would hold the step until the job's timeout.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * An octokit whose every request is aborted after `timeoutMs`, or as soon as `signal` aborts (the
 * caller's bound on a whole task). It keeps @actions/github's proxy-aware fetch and agent: passing
 * `request` replaces its defaults rather than merging with them.
 */
export function githubClient(token: string, { timeoutMs = REQUEST_TIMEOUT_MS, signal, baseUrl }: { timeoutMs?: number; signal?: AbortSignal; baseUrl?: string } = {}): Octokit {
  const request = (defaults.request ?? {}) as { fetch?: Fetch; agent?: unknown };
  const base: Fetch = request.fetch ?? ((url, init) => fetch(url, init));
  const timed: Fetch = (url, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : []), ...(signal ? [signal] : [])];
    return base(url, { ...init, signal: AbortSignal.any(signals) });
  };
  // baseUrl: @actions/github reads GITHUB_API_URL once, when it is loaded; a caller may name it itself.
  return getOctokit(token, { request: { ...request, fetch: timed }, ...(baseUrl ? { baseUrl } : {}) });
}

/** Whether `err` is a request that was aborted (timed out) rather than one GitHub answered. */
export function unanswered(err: unknown): boolean {
  const e = err as { name?: string; status?: number; response?: unknown; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return true;
  // octokit wraps a failed fetch in a RequestError with status 500 and no response.
  return e?.response === undefined && /abort|timeout/i.test(e?.message ?? '');
}
