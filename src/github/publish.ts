import * as core from '@actions/core';
import { commentMarker, mergeState, parseState, renderReport, renderSummary, ReportState } from '../render/report';
import type { Mode } from '../inputs/types';
import { unanswered } from './octokit';
import { upsertStickyComment, UnknownIdentityError } from './sticky-comment';
import { info } from '../util/log';
import { redact } from '../util/secrets';

/**
 * The longest the PR comment may take, all requests together. The comment is best effort: a slow
 * or hanging GitHub must not hold a step whose work is done (destroy's, say) until the job times out.
 */
export const PUBLISH_TIMEOUT_MS = 30_000;

export interface PublishOptions {
  comment: boolean;
  token?: string;
  prNumber?: number;
  /** GITHUB_SERVER_URL: links to this repository's runs and PRs render only on it. */
  serverUrl?: string;
  /** Bound on the whole comment (PUBLISH_TIMEOUT_MS by default). */
  timeoutMs?: number;
}

/**
 * Writes the job summary and the environment's sticky PR comment. Reporting never fails the step:
 * a missing permission, a run without a PR or a GitHub that does not answer becomes a warning.
 */
export async function publishReport(update: ReportState, opts: PublishOptions): Promise<void> {
  let state = update;
  if (opts.comment) {
    state = (await postComment(update, opts)) ?? update;
  }
  try {
    // This step's section only: the other steps of the job write their own.
    const step = Object.keys(update.modes)[0] as Mode | undefined;
    const body = step ? renderSummary(state, step, { serverUrl: opts.serverUrl }) : renderReport(state, { serverUrl: opts.serverUrl });
    await core.summary.addRaw(redact(body), true).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${(err as Error).message}`);
  }
}

export interface CommentOptions extends PublishOptions {
  /** false: only an existing comment is updated (the sweep must not start conversations on long-closed PRs). */
  create?: boolean;
  /** Merge only when this holds of the comment's stored state; otherwise the comment is left as it is. */
  when?: (previous: ReportState | undefined) => boolean;
}

/**
 * Merges `update` into the environment's sticky comment: only a comment the token's own account
 * wrote is read or edited. Never throws, and gives up after `timeoutMs`. An update without a region
 * (aws-region was the bad input) keeps the region the comment had.
 */
export async function postComment(update: ReportState, opts: CommentOptions): Promise<ReportState | undefined> {
  if (opts.prNumber === undefined) {
    core.warning('No pull request in this run\'s context, so no PR comment was posted. Set comment: false to silence this on push or schedule runs.');
    return undefined;
  }
  if (!opts.token) {
    core.warning('No github-token, so no PR comment was posted. The default is the job\'s GITHUB_TOKEN; pass it explicitly if you overrode it.');
    return undefined;
  }
  const timeoutMs = opts.timeoutMs ?? PUBLISH_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('expired');
    }, timeoutMs);
  });
  let merged = update;
  let skipped = false;
  try {
    const outcome = await Promise.race([
      upsertStickyComment(
        { token: opts.token, repository: update.repository, prNumber: opts.prNumber, marker: commentMarker(update.environment) },
        (previous) => {
          const stored = previous === undefined ? undefined : parseState(previous);
          if (previous !== undefined && opts.when && !opts.when(stored)) {
            skipped = true;
            return previous;
          }
          merged = mergeState(stored, update);
          if (!update.region && stored?.environment === update.environment) merged.region = stored.region;
          return redact(renderReport(merged, { serverUrl: opts.serverUrl }));
        },
        { create: opts.create ?? true, signal: controller.signal },
      ),
      expired,
    ]);
    if (outcome === 'expired') throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    if (!outcome || skipped) return undefined;
    info(`${outcome.created ? 'Posted' : 'Updated'} the PR comment: ${outcome.url}`);
    return merged;
  } catch (err) {
    core.warning(commentWarning(err, timeoutMs));
    return undefined;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function commentWarning(err: unknown, timeoutMs: number): string {
  const cause = err instanceof UnknownIdentityError ? err.cause : err;
  if (unanswered(cause)) {
    return `Could not post the PR comment: GitHub did not answer in time (the comment gets ${timeoutMs / 1000} s at most). The preview itself is unaffected; the job summary has the report.`;
  }
  const status = (cause as { status?: number }).status;
  if (err instanceof UnknownIdentityError) {
    return `Could not post the PR comment (${status ?? 'error'}: ${err.message}). Only a comment the token's own account wrote is edited, so without knowing the account none is. The preview itself is unaffected.`;
  }
  const fix = status === 403 || status === 404
    ? 'Give the job `permissions: pull-requests: write` (fork PRs only get a read-only token; comment from a pull_request_target or workflow_run workflow).'
    : 'The preview itself is unaffected.';
  return `Could not post the PR comment (${status ?? 'error'}: ${(cause as Error).message}). ${fix}`;
}
