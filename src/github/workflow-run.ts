import { githubClient, unanswered } from './octokit';

/** The part of a workflow_run event payload this file reads (webhook schema `workflow-run`). */
export interface WorkflowRunPayload {
  event?: string;
  head_branch?: string | null;
  head_sha?: string;
  head_repository?: { full_name?: string; owner?: { login?: string } } | null;
  /** Each with base.repo.url / head.repo.url (`…/repos/<owner>/<name>`), not full_name (schema `repo-ref`). */
  pull_requests?: { number?: number; head?: { sha?: string; repo?: { url?: string } }; base?: { repo?: { url?: string } } }[];
}

export interface WorkflowRunPull {
  prNumber?: number;
  fromFork: boolean;
  /** Why the run's PR could not be determined, when it should have one. */
  error?: string;
}

/** A stalled API must not hold the step: the lookup gives up after this long. */
export const LOOKUP_TIMEOUT_MS = 10_000;

const sameRepository = (url: string | undefined, repository: string) => Boolean(url && url.toLowerCase().endsWith(`/repos/${repository.toLowerCase()}`));

/**
 * The pull request a workflow_run run belongs to (the README's fork-preview design: build in an
 * unprivileged pull_request workflow, deploy from workflow_run). GitHub fills
 * workflow_run.pull_requests for same-repository PRs but leaves it empty for PRs from forks
 * (actions/runner#3444, github/docs#22501). Then the PR is looked up: GET
 * /repos/{repo}/pulls?head=<fork owner>:<branch>&state=all
 * (REST "List pull requests": head "in the format of user:ref-name"), matched on head.sha = the
 * run's head_sha so an older or unrelated PR of that branch is never taken.
 */
export async function workflowRunPull(run: WorkflowRunPayload, repository: string, token: string | undefined, timeoutMs = LOOKUP_TIMEOUT_MS): Promise<WorkflowRunPull> {
  const headRepository = run.head_repository?.full_name ?? repository;
  const fromFork = headRepository.toLowerCase() !== repository.toLowerCase();
  const listed = (run.pull_requests ?? []).filter((p) => typeof p.number === 'number' && sameRepository(p.base?.repo?.url, repository));
  if (listed.length > 0) {
    const exact = listed.find((p) => p.head?.sha === run.head_sha) ?? listed[0];
    return { prNumber: exact.number, fromFork };
  }
  // A run triggered by a push (or a schedule) has no PR; only pull request runs must find theirs.
  if (!run.event?.startsWith('pull_request')) return { fromFork };
  const branch = run.head_branch ?? '';
  const headOwner = run.head_repository?.owner?.login ?? headRepository.split('/')[0];
  if (!token) return { fromFork, error: 'no github-token to look the pull request up with' };
  if (!branch || !run.head_sha) return { fromFork, error: 'the event names no head branch and commit' };
  const [owner, repo] = repository.split('/');
  try {
    const { data } = await githubClient(token, { timeoutMs }).rest.pulls.list({
      owner, repo, head: `${headOwner}:${branch}`, state: 'all', per_page: 100,
    });
    const match = data
      .filter((p) => p.head?.sha === run.head_sha && (p.base?.repo?.full_name ?? repository).toLowerCase() === repository.toLowerCase())
      .sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.number - a.number)[0];
    if (!match) return { fromFork, error: `no pull request of ${repository} has head ${JSON.stringify(`${headOwner}:${branch}`)} at commit ${run.head_sha.slice(0, 12)}` };
    return { prNumber: match.number, fromFork: fromFork || (match.head?.repo?.full_name ?? headRepository).toLowerCase() !== repository.toLowerCase() };
  } catch (err) {
    const e = err as { status?: number; name?: string };
    const why = unanswered(err) ? `GitHub did not answer within ${timeoutMs / 1000} s` : `GitHub answered ${e.status ?? e.name ?? 'an error'}`;
    return { fromFork, error: `listing the pull requests of ${repository} failed: ${why}` };
  }
}
