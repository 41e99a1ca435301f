import { getOctokit } from '@actions/github';
import type { PullState } from '../teardown/staleness';

/**
 * The state of a pull request, or 'unknown' when it cannot be read (no token, no permission, an
 * outage): callers must treat unknown as "do not act on the PR's state".
 */
export async function pullState(token: string | undefined, repository: string, prNumber: number): Promise<PullState> {
  if (!token) return 'unknown';
  const [owner, repo] = repository.split('/');
  try {
    const { data } = await getOctokit(token).rest.pulls.get({ owner, repo, pull_number: prNumber });
    if (data.merged) return 'merged';
    return data.state === 'closed' ? 'closed' : 'open';
  } catch {
    // 404 included: GitHub answers 404 to a token that may not see the repository, too.
    return 'unknown';
  }
}
