import * as core from '@actions/core';
import { commentMarker, mergeState, parseState, renderReport, ReportState } from '../render/report';
import { upsertStickyComment } from './sticky-comment';
import { info } from '../util/log';
import { redact } from '../util/secrets';

export interface PublishOptions {
  comment: boolean;
  token?: string;
  prNumber?: number;
}

/**
 * Writes the job summary and the environment's sticky PR comment. Reporting never fails the step:
 * a missing permission or a run without a PR becomes a warning that says how to fix it.
 */
export async function publishReport(update: ReportState, opts: PublishOptions): Promise<void> {
  let state = update;
  if (opts.comment) {
    state = (await postComment(update, opts)) ?? update;
  }
  try {
    await core.summary.addRaw(redact(renderReport(state)), true).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${(err as Error).message}`);
  }
}

/**
 * Merges `update` into the environment's sticky comment. With `create: false` only an existing
 * comment is updated (the sweep must not start conversations on long-closed PRs). Never throws.
 */
export async function postComment(update: ReportState, opts: PublishOptions & { create?: boolean }): Promise<ReportState | undefined> {
  if (opts.prNumber === undefined) {
    core.warning('No pull request in this run\'s context, so no PR comment was posted. Set comment: false to silence this on push or schedule runs.');
    return undefined;
  }
  if (!opts.token) {
    core.warning('No github-token, so no PR comment was posted. The default is the job\'s GITHUB_TOKEN; pass it explicitly if you overrode it.');
    return undefined;
  }
  let merged = update;
  try {
    const result = await upsertStickyComment(
      { token: opts.token, repository: update.repository, prNumber: opts.prNumber, marker: commentMarker(update.environment) },
      (previous) => {
        merged = mergeState(previous ? parseState(previous) : undefined, update);
        return redact(renderReport(merged));
      },
      { create: opts.create ?? true },
    );
    if (!result) return undefined;
    info(`${result.created ? 'Posted' : 'Updated'} the PR comment: ${result.url}`);
    return merged;
  } catch (err) {
    const status = (err as { status?: number }).status;
    const fix = status === 403 || status === 404
      ? 'Give the job `permissions: pull-requests: write` (fork PRs only get a read-only token; comment from a pull_request_target or workflow_run workflow).'
      : 'The preview itself is unaffected.';
    core.warning(`Could not post the PR comment (${status ?? 'error'}: ${(err as Error).message}). ${fix}`);
    return undefined;
  }
}
