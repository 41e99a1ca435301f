import * as core from '@actions/core';
import { createClients } from './aws/clients';
import { assumeRoleWithOidc } from './aws/credentials';
import { readRunContext } from './github/context';
import { publishReport } from './github/publish';
import { pullState } from './github/pull-state';
import { parseInputs } from './inputs/parse';
import { readRawInputs } from './inputs/read';
import type { Inputs } from './inputs/types';
import { modeFor } from './modes';
import { ModeFailure, ModeResult } from './modes/types';
import type { ReportState } from './render/report';
import { ActionError, credentialsFix } from './util/errors';
import { info } from './util/log';
import { holdSecret, redact } from './util/secrets';

export async function run(): Promise<void> {
  const started = Date.now();
  const runContext = await readRunContext();
  let inputs: Inputs;
  let mode: ReturnType<typeof modeFor>;
  let prepared: unknown;
  try {
    inputs = parseInputs(readRawInputs(), runContext);
    mode = modeFor(inputs.mode);
    prepared = await mode.prepare?.(inputs, runContext);
  } catch (err) {
    // Nothing has been asked of AWS or GitHub yet, so nothing has changed.
    fail(err);
    return;
  }
  holdSecret(inputs.githubToken);
  core.setOutput('environment', inputs.environment);
  const owner = { repository: runContext.repository, environment: inputs.environment, prNumber: runContext.prNumber };
  info(`ecs-amp-action ${inputs.mode}: environment '${inputs.environment}' of ${owner.repository} in ${inputs.region}`);

  // Asked while credentials are being fetched: a GitHub round trip should not delay every run.
  const prState = mode.createsResources && runContext.prNumber !== undefined
    ? pullState(inputs.githubToken, runContext.repository, runContext.prNumber)
    : undefined;

  let result: Partial<ModeResult> = {};
  let failure: unknown;
  try {
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
    environment: inputs.environment,
    repository: owner.repository,
    region: inputs.region,
    prNumber: runContext.prNumber,
    modes: {
      [inputs.mode]: {
        status: failure ? 'failed' : 'succeeded',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        headline: result.headline ?? (failure ? 'failed before any resource was ready' : ''),
        error: failure ? describe(failure) : undefined,
        timings: result.timings,
        sections: result.sections,
        commit: runContext.commit,
        runUrl: runContext.runId ? `${runContext.serverUrl}/${owner.repository}/actions/runs/${runContext.runId}` : undefined,
        ...(inputs.mode === 'deploy' ? { image: inputs.deploy.appImage, ...(inputs.deploy.dryRun ? { dryRun: true } : {}) } : {}),
      },
    },
    links: result.links ?? [],
  };
  await publishReport(report, { comment: inputs.comment, token: inputs.githubToken, prNumber: runContext.prNumber, serverUrl: runContext.serverUrl });
  if (failure) fail(failure);
  else info(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.headline}`);
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
