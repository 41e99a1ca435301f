import { AmpClient } from '@aws-sdk/client-amp';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ECSClient } from '@aws-sdk/client-ecs';
import { GrafanaClient } from '@aws-sdk/client-grafana';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { ACTION_NAME, ACTION_VERSION } from '../version';

/**
 * Shared client settings. Endpoints are left to the SDK so the standard AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_<SERVICE> variables keep working. Adaptive retry backs off and rate-limits on
 * throttling, which a shared account (several PRs deploying at once) hits routinely; the extra
 * attempts make a 30 % throttle rate survivable.
 */
export function clientConfig(region: string, credentials?: AwsCredentialIdentity) {
  return {
    region,
    credentials,
    retryMode: 'adaptive' as const,
    maxAttempts: 10,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
  };
}

export interface AwsClients {
  amp: AmpClient;
  grafana: GrafanaClient;
  cloudformation: CloudFormationClient;
  ecs: ECSClient;
}

/** Clients are built on first use: a mode pays only for the services it calls. */
export function createClients(region: string, credentials?: AwsCredentialIdentity): AwsClients {
  const config = clientConfig(region, credentials);
  const cache: Partial<AwsClients> = {};
  const lazy = <K extends keyof AwsClients>(key: K, make: () => AwsClients[K]) => ({
    get: () => (cache[key] ??= make()),
  });
  return Object.defineProperties({} as AwsClients, {
    amp: lazy('amp', () => new AmpClient(config)),
    grafana: lazy('grafana', () => new GrafanaClient(config)),
    cloudformation: lazy('cloudformation', () => new CloudFormationClient(config)),
    ecs: lazy('ecs', () => new ECSClient(config)),
  });
}
