import * as core from '@actions/core';
import { createClients } from './aws/clients';
import { assumeRoleWithOidc } from './aws/credentials';
import { deleteToken, readTokenState, SavedToken } from './aws/grafana-token';
import { readRunContext } from './github/context';
import { cancelledUpdate, overwritable, Progress, readProgress } from './github/progress';
import { postComment } from './github/publish';
import { parseInputs } from './inputs/parse';
import { readRawInputs } from './inputs/read';
import type { Inputs } from './inputs/types';
import { info } from './util/log';
import { holdSecret } from './util/secrets';

/** STS's shortest session: the post step makes one call. */
const POST_SESSION_SECONDS = 900;

/**
 * The post step (action.yml `runs.post`, `post-if: always()`): cleans up after a main step that was cancelled, killed
 * or timed out before its end. It deletes the Grafana API token the main step created and did not get to delete, and
 * marks the step's "in progress" row of the PR comment as cancelled. The main step saves what each needs in the action
 * state (the token's ids, never its key; the row it posted) and clears it once done, so in every other case this
 * returns at once, quietly and without a request. Best effort: it warns, never fails the job.
 */
export async function post(): Promise<void> {
  const token = readTokenState();
  const progress = readProgress();
  if (!token && !progress) return;
  let inputs: Inputs;
  try {
    // The same inputs as the main step: the runner gives the post step the same INPUT_* variables.
    inputs = parseInputs(readRawInputs(), await readRunContext());
  } catch (err) {
    core.warning(`The step ended before cleaning up, and its inputs no longer parse, so nothing was cleaned up: ${(err as Error).message}`);
    return;
  }
  holdSecret(inputs.githubToken);
  await Promise.all([token && deleteLeftToken(token, inputs), progress && markCancelled(progress, inputs)]);
}

async function deleteLeftToken(saved: SavedToken, inputs: Inputs): Promise<void> {
  try {
    info(`The step ended before deleting its Grafana API token '${saved.name}'; deleting it now.`);
    const credentials = inputs.roleToAssume
      ? await assumeRoleWithOidc({
        roleArn: inputs.roleToAssume,
        sessionName: inputs.roleSessionName,
        durationSeconds: Math.min(inputs.roleDurationSeconds, POST_SESSION_SECONDS),
        audience: inputs.audience,
        region: saved.region,
        fromFork: false,
      })
      : undefined;
    const amg = (await createClients(saved.region, credentials, ['grafana'])).grafana;
    await deleteToken(amg, saved.workspaceId, saved, info);
  } catch (err) {
    core.warning(`Could not delete the Grafana API token '${saved.name}' the step left (it expires on its own): ${(err as Error).message}`);
  }
}

/** The row stays "in progress" only until here: a later run's row is left alone. postComment never throws. */
async function markCancelled(saved: Progress, inputs: Inputs): Promise<void> {
  info(`The ${saved.mode} step ended before reporting its result; marking it cancelled in the PR comment.`);
  await postComment(cancelledUpdate(saved, new Date()), {
    comment: true,
    token: inputs.githubToken,
    prNumber: saved.update.prNumber,
    serverUrl: saved.serverUrl,
    when: (previous) => overwritable(previous, saved),
  });
}
