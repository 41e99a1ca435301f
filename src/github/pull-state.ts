import { githubClient, unanswered } from './octokit';
import type { PullState } from '../teardown/staleness';

/**
 * The state of a pull request, or 'unknown' when it cannot be read (no token, no permission, an
 * outage, no answer within the request timeout): callers must treat unknown as "do not act on the
 * PR's state".
 */
export async function pullState(token: string | undefined, repository: string, prNumber: number): Promise<PullState> {
  if (!token) return 'unknown';
  const [owner, repo] = repository.split('/');
  const octokit = githubClient(token);
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: prNumber });
      if (data.merged) return 'merged';
      return data.state === 'closed' ? 'closed' : 'open';
    } catch (err) {
      const e = err as { status?: number; response?: { headers?: Record<string, string | undefined> } };
      // A GitHub that does not answer is not asked three more times: each try waits the whole timeout.
      if (unanswered(err)) return 'unknown';
      // Secondary rate limits answer 403 or 429 with retry-after; 5xx is GitHub having a moment.
      const retryAfter = Number(e.response?.headers?.['retry-after'] ?? '');
      const limited = e.status === 429 || (e.status === 403 && Number.isFinite(retryAfter) && retryAfter > 0);
      if ((limited || (e.status ?? 0) >= 500) && attempt < 4) {
        await new Promise((r) => setTimeout(r, Math.min(30_000, (retryAfter > 0 ? retryAfter * 1000 : 0) || 1000 * 2 ** attempt)));
        continue;
      }
      // 404 included: GitHub answers 404 to a token that may not see the repository, too.
      return 'unknown';
    }
  }
}
