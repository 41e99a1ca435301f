import type { AmpClient } from '@aws-sdk/client-amp';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
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
  /** Only deploy with expose: public-ip uses it (the task's network interface). */
  ec2: EC2Client;
}

/**
 * Clients are built, and their SDK packages evaluated, on first use: a mode pays only for the
 * services it calls.
 */
export function createClients(region: string, credentials?: AwsCredentialIdentity): AwsClients {
  const config = clientConfig(region, credentials);
  const cache: Partial<AwsClients> = {};
  const lazy = <K extends keyof AwsClients>(key: K, make: () => AwsClients[K]) => ({
    get: () => (cache[key] ??= make()),
  });
  return Object.defineProperties({} as AwsClients, {
    /* eslint-disable @typescript-eslint/no-require-imports */
    amp: lazy('amp', () => new (require('@aws-sdk/client-amp') as typeof import('@aws-sdk/client-amp')).AmpClient(config)),
    grafana: lazy('grafana', () => new (require('@aws-sdk/client-grafana') as typeof import('@aws-sdk/client-grafana')).GrafanaClient(config)),
    cloudformation: lazy('cloudformation', () => new (require('@aws-sdk/client-cloudformation') as typeof import('@aws-sdk/client-cloudformation')).CloudFormationClient(config)),
    ecs: lazy('ecs', () => new (require('@aws-sdk/client-ecs') as typeof import('@aws-sdk/client-ecs')).ECSClient(config)),
    ec2: lazy('ec2', () => new (require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2')).EC2Client(config)),
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
}
