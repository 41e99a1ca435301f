import * as core from '@actions/core';
import type { RawInputs } from './types';

/** Every input action.yml declares (a unit test keeps the two lists equal). */
export const INPUT_NAMES = [
  'mode', 'aws-region', 'role-to-assume', 'role-session-name', 'role-duration-seconds', 'audience', 'environment',
  'amp-workspace-id', 'amp-workspace-alias', 'grafana', 'grafana-workspace-id', 'grafana-workspace-name',
  'grafana-role-arn', 'permissions-boundary', 'grafana-auth', 'grafana-admins', 'grafana-version', 'tags', 'github-token', 'comment', 'wait-timeout-minutes',
  'stack-name', 'app-image', 'app-port', 'app-metrics-path', 'cpu', 'memory', 'desired-count', 'vpc-id', 'subnet-ids',
  'adot-image', 'cloudformation-role-arn', 'dry-run', 'metrics-check', 'metrics-timeout-seconds', 'dashboards-path', 'delete-grafana-workspace', 'ttl', 'max-concurrency',
  'expose', 'ingress-cidrs', 'health-check-path',
] as const;

export function readRawInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
}
