import { getOctokit } from '@actions/github';

type Octokit = ReturnType<typeof getOctokit>;

export interface StickyCommentTarget {
  token: string;
  /** owner/name */
  repository: string;
  prNumber: number;
  marker: string;
}

export interface ExistingComment {
  id: number;
  body: string;
}

/** Finds the comment carrying `marker`, paging through every comment on the PR. */
export async function findStickyComment(octokit: Octokit, target: StickyCommentTarget): Promise<ExistingComment | undefined> {
  const [owner, repo] = target.repository.split('/');
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner, repo, issue_number: target.prNumber, per_page: 100,
  })) {
    const hit = page.data.find((c) => c.body?.includes(target.marker));
    if (hit) return { id: hit.id, body: hit.body ?? '' };
  }
  return undefined;
}

/**
 * Updates the environment's comment in place, or creates it (unless `create` is false). `render`
 * gets the previous body so the caller can merge what earlier modes reported.
 */
export async function upsertStickyComment(
  target: StickyCommentTarget,
  render: (previousBody: string | undefined) => string,
  { create = true } = {},
): Promise<{ id: number; url: string; created: boolean } | undefined> {
  const octokit = getOctokit(target.token);
  const [owner, repo] = target.repository.split('/');
  const existing = await findStickyComment(octokit, target);
  if (!existing && !create) return undefined;
  const body = render(existing?.body);
  if (existing) {
    const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { id: res.data.id, url: res.data.html_url, created: false };
  }
  const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.prNumber, body });
  return { id: res.data.id, url: res.data.html_url, created: true };
}
