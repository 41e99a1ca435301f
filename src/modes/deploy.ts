import { runBuild } from './build-run';
import type { ModeContext, ModeResult } from './types';

export { PREVIEW_TEMPLATE } from '../aws/template-names';

/**
 * Deploys the environment's stack through a change set (shown before it runs; a dry run shows it and deletes it),
 * waits for the ECS service, then checks the app's URL and the metrics side by side. The AMP workspace is the one
 * provision left (the inventory finds it), so the two steps need no plumbing.
 */
export async function deploy(ctx: ModeContext): Promise<ModeResult> {
  return runBuild('deploy', ctx);
}
