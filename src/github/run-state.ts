import { githubClient } from './octokit';

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
  /** GITHUB_API_URL (the default). */
  apiUrl?: string;
  timeoutMs?: number;
}): Promise<boolean | undefined> {
  if (!opts.token || !/^\d+$/.test(opts.runId) || !/^\d+$/.test(opts.attempt) || !/^[\w.-]+\/[\w.-]+$/.test(opts.repository)) return undefined;
  const [owner, repo] = opts.repository.split('/');
  try {
    // A sweep must never hold the step: a GitHub that accepts and never answers costs the timeout.
    const octokit = githubClient(opts.token, { timeoutMs: opts.timeoutMs ?? 5_000, baseUrl: opts.apiUrl });
    const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
      owner, repo, run_id: Number(opts.runId), attempt_number: Number(opts.attempt), exclude_pull_requests: true,
    });
    return typeof data.status === 'string' ? data.status === 'completed' : undefined;
  } catch {
    return undefined;
  }
}
