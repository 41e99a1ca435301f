/**
 * Whether one attempt of a workflow run of `repository` has finished, from GitHub's REST API
 * ("Get a workflow run attempt", GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number};
 * `status` is one of requested, queued, pending, waiting, in_progress, completed). The installation
 * token of a job needs `actions: read` for it.
 *
 * Best effort: true only when GitHub says completed; undefined for anything else (no token, no
 * permission, not found, an outage, a GitHub that does not answer within the timeout), which the
 * caller must read as "leave it alone". Never throws.
 */
export async function runAttemptCompleted(opts: {
  token: string | undefined;
  repository: string;
  runId: string;
  attempt: string;
  /** GITHUB_API_URL; GitHub.com's API when unset. */
  apiUrl?: string;
  timeoutMs?: number;
}): Promise<boolean | undefined> {
  if (!opts.token || !/^\d+$/.test(opts.runId) || !/^\d+$/.test(opts.attempt) || !/^[\w.-]+\/[\w.-]+$/.test(opts.repository)) return undefined;
  const base = (opts.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
  try {
    const response = await fetch(`${base}/repos/${opts.repository}/actions/runs/${opts.runId}/attempts/${opts.attempt}?exclude_pull_requests=true`, {
      headers: {
        authorization: `Bearer ${opts.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'ecs-amp-action',
      },
      // A sweep must never hold the step: a GitHub that accepts and never answers costs this much.
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
    });
    if (!response.ok) return undefined;
    const body = await response.json() as { status?: unknown };
    if (typeof body.status !== 'string') return undefined;
    return body.status === 'completed';
  } catch {
    return undefined;
  }
}
