import * as core from '@actions/core';
import { createClients } from './aws/clients';
import { assumeRoleWithOidc } from './aws/credentials';
import { deleteToken, readTokenState } from './aws/grafana-token';
import { readRunContext } from './github/context';
import { parseInputs } from './inputs/parse';
import { readRawInputs } from './inputs/read';
import { info } from './util/log';

/** STS's shortest session: the post step makes one call. */
const POST_SESSION_SECONDS = 900;

/**
 * The post step (action.yml `runs.post`, `post-if: always()`): deletes the Grafana API token the
 * main step created and did not get to delete, because it was cancelled, killed or timed out. The
 * main step saves the token's ids (never its key) in the action state once the token exists and
 * clears them once it has deleted it, so in every other case this returns at once, quietly and
 * without a request. Best effort: it warns, never fails the job, because the token expires anyway.
 */
export async function post(): Promise<void> {
  const saved = readTokenState();
  if (!saved) return;
  try {
    info(`The step ended before deleting its Grafana API token '${saved.name}'; deleting it now.`);
    // The same inputs as the main step: the runner gives the post step the same INPUT_* variables.
    const inputs = parseInputs(readRawInputs(), await readRunContext());
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
