import type { AwsService } from '../aws/clients';
import type { Inputs, Mode, RunContext } from '../inputs/types';
import type { ModeContext, ModeResult } from './types';

export interface ModeDefinition {
  /**
   * The AWS services the mode calls with these inputs: only their SDK packages are loaded
   * (createClients), so a deploy without expose: public-ip never evaluates the EC2 client.
   */
  services: (inputs: Inputs) => readonly AwsService[];
  /**
   * Local work that can reject the run before any AWS call (reading and checking files, say). What
   * it returns reaches `run` as ctx.prepared.
   */
  prepare?: (inputs: Inputs, run: RunContext) => Promise<unknown>;
  run: (ctx: ModeContext) => Promise<ModeResult>;
  /**
   * Creates resources for the run's PR, so it must not run for a closed one: a deploy that finishes
   * after the destroy is the classic source of orphaned previews.
   */
  createsResources?: boolean;
}

// Each mode's module (and the AWS SDK packages it imports) is evaluated only when that mode runs:
// evaluating every client at start-up costs ~100 ms each, on every step of every PR. import() makes
// the bundler emit each mode as a chunk of its own.
const DEPLOY_SERVICES = (inputs: Inputs): AwsService[] => [
  'amp', 'cloudformation', 'ecs',
  ...(inputs.deploy.metricsCheck === 'off' ? [] : ['logs' as const]),
  ...(inputs.deploy.expose.mode === 'public-ip' ? ['ec2' as const] : []),
];

const MODES: Record<Mode, ModeDefinition> = {
  // provision + deploy + dashboard in one plan: the union of what they call.
  up: {
    services: (inputs) => [...DEPLOY_SERVICES(inputs), ...(inputs.grafana ? ['grafana' as const] : [])],
    prepare: async (inputs, run) => (await import('./dashboard')).dashboard.prepareUp(inputs, run),
    run: async (ctx) => (await import('./up')).up(ctx),
    createsResources: true,
  },
  provision: {
    services: () => ['amp', 'grafana', 'cloudformation'],
    run: async (ctx) => (await import('./provision')).provision(ctx),
    createsResources: true,
  },
  deploy: {
    services: DEPLOY_SERVICES,
    run: async (ctx) => (await import('./deploy')).deploy(ctx),
    createsResources: true,
  },
  dashboard: {
    services: () => ['amp', 'grafana'],
    prepare: async (inputs, run) => (await import('./dashboard')).dashboard.prepare(inputs, run),
    run: async (ctx) => (await import('./dashboard')).dashboard.run(ctx),
    createsResources: true,
  },
  destroy: { services: () => ['amp', 'cloudformation', 'grafana'], run: async (ctx) => (await import('./destroy')).destroy(ctx) },
  cleanup: { services: () => ['amp', 'cloudformation', 'grafana'], run: async (ctx) => (await import('./cleanup')).cleanup(ctx) },
};

export function modeFor(mode: Mode): ModeDefinition {
  return MODES[mode];
}
