import type { Inputs, Mode, RunContext } from '../inputs/types';
import type { ModeContext, ModeResult } from './types';

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see below */
// Each mode's module (and the AWS SDK packages it imports) is evaluated only when that mode runs:
// evaluating every client at start-up costs ~100 ms each, on every step of every PR.
const load = {
  provision: (): typeof import('./provision') => require('./provision'),
  deploy: (): typeof import('./deploy') => require('./deploy'),
  dashboard: (): typeof import('./dashboard') => require('./dashboard'),
  destroy: (): typeof import('./destroy') => require('./destroy'),
  cleanup: (): typeof import('./cleanup') => require('./cleanup'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
  provision: { run: (ctx) => load.provision().provision(ctx), createsResources: true },
  deploy: { run: (ctx) => load.deploy().deploy(ctx), createsResources: true },
  dashboard: {
    prepare: (inputs, run) => load.dashboard().dashboard.prepare(inputs, run),
    run: (ctx) => load.dashboard().dashboard.run(ctx),
    createsResources: true,
  },
  destroy: { run: (ctx) => load.destroy().destroy(ctx) },
  cleanup: { run: (ctx) => load.cleanup().cleanup(ctx) },
};

export function modeFor(mode: Mode): ModeDefinition {
  return MODES[mode];
}
