import type { AmpClient } from '@aws-sdk/client-amp';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { GrafanaClient } from '@aws-sdk/client-grafana';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { ACTION_NAME, ACTION_VERSION } from '../version';

/**
 * Shared client settings. Endpoints are left to the SDK so the standard AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_<SERVICE> variables keep working. Throttling is routine in a shared account
 * (several PRs deploying at once): standard retry backs each throttled call off exponentially, and
 * ten attempts make a 30 % throttle rate survivable. Adaptive retry was measured and rejected: its
 * client-side rate limiter, shared by the concurrent calls of one client, cut the sweep of 25 stale
 * environments under 30 % throttling from ~20 s to ~87 s.
 * The SDK's Node handler waits forever by default for an endpoint that accepts a connection and
 * never answers (a proxy or a VPC endpoint having a bad day): a bounded wait turns that into a
 * retried TimeoutError. No call the action makes is a long poll, so 30 s is ample.
 */
export function clientConfig(region: string, credentials?: AwsCredentialIdentity) {
  return {
    region,
    credentials,
    retryMode: 'standard' as const,
    maxAttempts: 10,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
  };
}

export interface AwsClients {
  amp: AmpClient;
  grafana: GrafanaClient;
  cloudformation: CloudFormationClient;
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
  /** Deploy with expose: public-ip reads the task's network interface (its public IP). */
  ec2: EC2Client;
}
export type AwsService = keyof AwsClients;

type Config = ReturnType<typeof clientConfig>;
/**
 * Each service's SDK package is imported, and so evaluated, only when a mode names it: evaluating a
 * client costs ~100 ms, on every step of every PR. `import()` (not `require()`) keeps this working
 * with ESM-only packages, and the bundler emits each package as a chunk of its own.
 */
const FACTORIES: { [K in AwsService]: (config: Config) => Promise<AwsClients[K]> } = {
  amp: async (config) => new (await import('@aws-sdk/client-amp')).AmpClient(config),
  grafana: async (config) => new (await import('@aws-sdk/client-grafana')).GrafanaClient(config),
  cloudformation: async (config) => new (await import('@aws-sdk/client-cloudformation')).CloudFormationClient(config),
  ecs: async (config) => new (await import('@aws-sdk/client-ecs')).ECSClient(config),
  logs: async (config) => new (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(config),
  ec2: async (config) => new (await import('@aws-sdk/client-ec2')).EC2Client(config),
};

/**
 * The clients of `services`, built at once (their packages load in parallel with the mode's own
 * module). Asking for a service the mode did not name is a programming error, reported as one,
 * rather than a silent extra load.
 */
export async function createClients(region: string, credentials: AwsCredentialIdentity | undefined, services: readonly AwsService[]): Promise<AwsClients> {
  const config = clientConfig(region, credentials);
  const built = await Promise.all(services.map(async (s) => [s, await FACTORIES[s](config)] as const));
  const clients = Object.fromEntries(built) as Partial<AwsClients>;
  return new Proxy(clients as AwsClients, {
    get(target, key: string | symbol) {
      if (typeof key === 'string' && key in FACTORIES && !(key in target)) {
        throw new Error(`AWS client '${key}' was used but not declared in the mode's services (${services.join(', ')}).`);
      }
      return Reflect.get(target, key);
    },
  });
}
