import type { Mode } from '../inputs/types';
import { ActionError } from '../util/errors';
import { deploy } from './deploy';
import { provision } from './provision';
import type { ModeContext, ModeResult } from './types';

type ModeRunner = (ctx: ModeContext) => Promise<ModeResult>;

const RUNNERS: Partial<Record<Mode, ModeRunner>> = { provision, deploy };

/** Looked up before credentials are requested, so an unavailable mode changes nothing. */
export function runnerFor(mode: Mode): ModeRunner {
  const runner = RUNNERS[mode];
  if (!runner) {
    throw new ActionError(`Input 'mode': '${mode}' is not implemented yet in this version of ecs-amp-action.`, 'Use mode: provision or deploy, or pin a release that implements it.');
  }
  return runner;
}
