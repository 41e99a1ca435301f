import * as core from '@actions/core';
import { createClients } from './aws/clients';
import { assumeRoleWithOidc } from './aws/credentials';
import { readRunContext } from './github/context';
import { postComment, publishReport } from './github/publish';
import { saveProgress, startedUpdate } from './github/progress';
import { pullState } from './github/pull-state';
import { parseInputs } from './inputs/parse';
import { readRawInputs } from './inputs/read';
import { reportTarget } from './inputs/report-target';
import type { Inputs, RawInputs, RunContext } from './inputs/types';
import { modeFor } from './modes';
import { ModeFailure, ModeResult } from './modes/types';
import type { ReportState } from './render/report';
import { ActionError, credentialsFix, InputError } from './util/errors';
import { info } from './util/log';
import { holdSecret, redact } from './util/secrets';

export async function run(): Promise<void> {
  const started = Date.now();
  const runContext = await readRunContext();
  const raw = readRawInputs();
  let inputs: Inputs;
  try {
    inputs = parseInputs(raw, runContext);
  } catch (err) {
    // Nothing has been asked of AWS, so nothing has changed; the comment still says this commit's step failed.
    await reportInputError(err, raw, runContext, started);
    fail(err);
    return;
  }
  const mode = modeFor(inputs.mode);
  holdSecret(inputs.githubToken);
  core.setOutput('environment', inputs.environment);
  const owner = { repository: runContext.repository, environment: inputs.environment, prNumber: runContext.prNumber };
  info(`ecs-amp-action ${inputs.mode}: environment '${inputs.environment}' of ${owner.repository} in ${inputs.region}`);

  // Asked while credentials are being fetched: a GitHub round trip should not delay every run.
  const prState = mode.createsResources && runContext.prNumber !== undefined
    ? pullState(inputs.githubToken, runContext.repository, runContext.prNumber)
    : undefined;

  const record = {
    commit: runContext.commit,
    runUrl: runContext.runId ? `${runContext.serverUrl}/${owner.repository}/actions/runs/${runContext.runId}` : undefined,
    ...(inputs.mode === 'deploy' || inputs.mode === 'up' ? { image: inputs.deploy.appImage } : {}),
    // A dry run of any mode is a plan beside what is deployed (the comment keeps both), never a record of a change.
    ...(inputs.deploy.dryRun ? { dryRun: true } : {}),
  };
  const where = { environment: inputs.environment, repository: owner.repository, region: inputs.region, prNumber: runContext.prNumber };
  let result: Partial<ModeResult> = {};
  let failure: unknown;
  let progress: Promise<unknown> | undefined;
  try {
    // Checked before any AWS call (a dashboard file that does not parse), and reported like any failure.
    const prepared = await mode.prepare?.(inputs, runContext);
    const credentials = inputs.roleToAssume
      ? await assumeRoleWithOidc({
        roleArn: inputs.roleToAssume,
        sessionName: inputs.roleSessionName,
        durationSeconds: inputs.roleDurationSeconds,
        audience: inputs.audience,
        region: inputs.region,
        fromFork: runContext.fromFork,
      })
      : undefined;
    const state = await prState;
    if (state === 'closed' || state === 'merged') {
      // Succeed quietly: the PR's destroy has run or is queued, and a red run would only add noise.
      core.warning(`PR #${runContext.prNumber} is ${state}, so ${inputs.mode} created nothing (destroy removes, or has removed, environment '${inputs.environment}').`);
      return;
    }
    // Posted while the mode runs: GitHub never delays the step, and the step's end waits for it (bounded) so the
    // end's update always lands last.
    progress = announce(startedUpdate(where, inputs.mode, new Date(started), record), inputs, runContext);
    const clients = await createClients(inputs.region, credentials, mode.services(inputs));
    result = await mode.run({
      inputs, run: runContext, clients, owner, prepared,
      deadline: started + inputs.waitTimeoutMinutes * 60_000,
    });
  } catch (err) {
    failure = err instanceof ModeFailure ? err.cause : err;
    if (err instanceof ModeFailure) result = err.partial;
  }
  for (const [name, value] of Object.entries(result.outputs ?? {})) core.setOutput(name, redact(value));

  const report: ReportState = {
    ...where,
    modes: {
      [inputs.mode]: {
        status: failure ? 'failed' : 'succeeded',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        headline: result.headline ?? (failure ? 'failed before any resource was ready' : ''),
        error: failure ? describe(failure) : undefined,
        timings: result.timings,
        sections: result.sections,
        ...record,
      },
    },
    links: result.links ?? [],
  };
  await progress;
  await publishReport(report, { comment: inputs.comment, token: inputs.githubToken, prNumber: runContext.prNumber, serverUrl: runContext.serverUrl });
  if (progress) saveProgress(undefined);
  if (failure) fail(failure);
  else info(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.headline}`);
}

/**
 * Posts the step's "in progress" row, when there is a comment to post it to, after saving what the post step needs to
 * mark it cancelled should this step never reach its end. Never rejects (postComment does not).
 */
function announce(update: ReportState, inputs: Inputs, run: RunContext): Promise<unknown> | undefined {
  if (!inputs.comment || !inputs.githubToken || run.prNumber === undefined) return undefined;
  saveProgress({ update, mode: inputs.mode, serverUrl: run.serverUrl });
  return postComment(update, { comment: true, token: inputs.githubToken, prNumber: run.prNumber, serverUrl: run.serverUrl });
}

/**
 * An input error marks this commit's step failed in the comment and writes the job summary, so a stale comment never
 * looks current; GitHub only, never AWS. Without the inputs that say where the report goes, the log says why not.
 */
async function reportInputError(err: unknown, raw: RawInputs, run: RunContext, started: number): Promise<void> {
  if (!(err instanceof InputError)) return;
  const target = reportTarget(raw, run);
  if ('unreadable' in target) {
    info(`Not reported in the PR comment or the job summary: ${target.unreadable.map((n) => `'${n}'`).join(', ')} could not be read, and the report needs ${target.unreadable.length > 1 ? 'them' : 'it'} to find its comment. The comment, if any, still shows the previous run.`);
    return;
  }
  holdSecret(target.githubToken);
  const report: ReportState = {
    environment: target.environment,
    repository: run.repository,
    region: target.region,
    prNumber: run.prNumber,
    modes: {
      [target.mode]: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        headline: 'inputs refused before any AWS call',
        error: describe(err),
        commit: run.commit,
        runUrl: run.runId ? `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}` : undefined,
        ...(target.dryRun ? { dryRun: true } : {}),
      },
    },
    links: [],
  };
  await publishReport(report, { comment: target.comment, token: target.githubToken, prNumber: run.prNumber, serverUrl: run.serverUrl });
}

function describe(err: unknown): string {
  if (err instanceof ActionError) return err.describe();
  if (err instanceof AggregateError) return err.errors.map(describe).join('\n');
  // An SDK error no mode wrapped still gets the one fix that applies to every AWS call.
  const fix = credentialsFix(err);
  const message = (err as Error)?.message ?? String(err);
  return fix ? `${message}\nFix: ${fix}` : message;
}

function fail(err: unknown): void {
  if (!(err instanceof ActionError) && err instanceof Error && err.stack) core.debug(err.stack);
  core.setFailed(describe(err));
}
