import type { Inputs, Mode, RunContext } from '../inputs/types';
import { cleanup } from './cleanup';
import { dashboard } from './dashboard';
import { destroy } from './destroy';
import { deploy } from './deploy';
import { provision } from './provision';
import type { ModeContext, ModeResult } from './types';

export interface ModeDefinition {
  /**
   * Local work that can reject the run before any AWS call (reading and checking files, say). What
   * it returns reaches `run` as ctx.prepared.
   */
  prepare?: (inputs: Inputs, run: RunContext) => unknown;
  run: (ctx: ModeContext) => Promise<ModeResult>;
  /**
   * Creates resources for the run's PR, so it must not run for a closed one: a deploy that finishes
   * after the destroy is the classic source of orphaned previews.
   */
  createsResources?: boolean;
}

const MODES: Record<Mode, ModeDefinition> = {
  provision: { run: provision, createsResources: true },
  deploy: { run: deploy, createsResources: true },
  dashboard: { ...dashboard, createsResources: true },
  destroy: { run: destroy },
  cleanup: { run: cleanup },
};

export function modeFor(mode: Mode): ModeDefinition {
  return MODES[mode];
}
