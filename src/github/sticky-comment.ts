import { githubClient, Octokit } from './octokit';

export interface StickyCommentTarget {
  token: string;
  /** owner/name */
  repository: string;
  prNumber: number;
  /** The first line of the comment, exactly. */
  marker: string;
}

export interface ExistingComment {
  id: number;
  body: string;
}

/** The token's identity could not be learnt, so no comment can be proven to be the action's own. */
export class UnknownIdentityError extends Error {
  constructor(readonly cause: unknown) {
    super(`could not learn which account the github-token belongs to: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/**
 * The login of the account `octokit`'s token acts as. GraphQL's `viewer` answers for every kind of
 * token: the job's GITHUB_TOKEN (`github-actions[bot]`), a GitHub App installation token
 * (`<app-slug>[bot]`) and a personal access token (its user). REST `GET /user` does not: an
 * installation token gets 403 "Resource not accessible by integration".
 * Sources: marocchino/sticky-pull-request-comment PR #332 ("Ignore other users' comments": GraphQL
 * viewer, because users.getAuthenticated() fails with the GITHUB_TOKEN); neuralinkcorp/datarepo PR
 * #62 (installation tokens cannot call GET /user); fullsend-ai/fullsend PR #1953 (viewer returns
 * `<slug>[bot]` for an installation token). REST comments name a bot as `<slug>[bot]` too.
 */
export async function viewerLogin(octokit: Octokit): Promise<string> {
  let login: unknown;
  try {
    login = (await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }'))?.viewer?.login;
  } catch (err) {
    throw new UnknownIdentityError(err);
  }
  if (typeof login !== 'string' || login === '') throw new UnknownIdentityError(new Error('GitHub answered without a login'));
  return login;
}

/**
 * Finds the comment that `login` wrote and whose first line is `marker`, paging through every
 * comment on the PR. Anyone who can comment can paste the marker, so a comment by anyone else is
 * never the action's, whatever it says.
 */
export async function findStickyComment(octokit: Octokit, target: StickyCommentTarget, login: string): Promise<ExistingComment | undefined> {
  const [owner, repo] = target.repository.split('/');
  // GitHub logins are case-insensitive.
  const mine = login.toLowerCase();
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner, repo, issue_number: target.prNumber, per_page: 100,
  })) {
    const hit = page.data.find((c) => c.user?.login?.toLowerCase() === mine && c.body?.split(/\r?\n/, 1)[0] === target.marker);
    if (hit) return { id: hit.id, body: hit.body ?? '' };
  }
  return undefined;
}

/**
 * Updates the environment's comment in place, or creates it (unless `create` is false). `render`
 * gets the previous body of the action's own comment so the caller can merge what earlier modes
 * reported. Throws UnknownIdentityError, before touching any comment, when the token's identity
 * cannot be learnt. `signal` aborts every request (the caller's bound on the whole task).
 */
export async function upsertStickyComment(
  target: StickyCommentTarget,
  render: (previousBody: string | undefined) => string,
  { create = true, signal }: { create?: boolean; signal?: AbortSignal } = {},
): Promise<{ id: number; url: string; created: boolean } | undefined> {
  const octokit = githubClient(target.token, { signal });
  const [owner, repo] = target.repository.split('/');
  const login = await viewerLogin(octokit);
  const existing = await findStickyComment(octokit, target, login);
  if (!existing && !create) return undefined;
  const body = render(existing?.body);
  if (existing) {
    const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { id: res.data.id, url: res.data.html_url, created: false };
  }
  const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.prNumber, body });
  return { id: res.data.id, url: res.data.html_url, created: true };
}
