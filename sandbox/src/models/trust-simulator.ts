import { dirname, join } from 'node:path';
import { loadPolicy, validateResourcePolicy } from '@cloud-copilot/iam-policy';

/**
 * Role trust policies evaluated by @cloud-copilot/iam-simulate (AGPL: test equipment, never
 * bundled into the action).
 *
 * Why not its runSimulation(): that entry point keeps only the context keys the Service
 * Authorization Reference lists for the action, and the reference lists no `<provider>:aud` or
 * `<provider>:sub` for sts:AssumeRoleWithWebIdentity (those are the IAM User Guide's generic OIDC
 * keys), so every trust condition on them would see a missing key. runUnsafeSimulation() skips
 * that filter but crashes on a resource policy loaded without a name (0.1.173). So this calls the
 * same core engine runUnsafeSimulation() does, with a named policy; STS, not the simulator,
 * decides which claims become context keys (webIdentityContext in iam.ts).
 */
interface CoreEngine {
  authorize(request: unknown): { result: 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied' };
}

const base = dirname(require.resolve('@cloud-copilot/iam-simulate'));
/* eslint-disable @typescript-eslint/no-require-imports -- the engine's modules are not in the package's exports map */
const engine = require(join(base, 'core_engine/CoreSimulatorEngine.js')) as CoreEngine;
const { AwsRequestImpl } = require(join(base, 'request/request.js')) as { AwsRequestImpl: new (principal: string, resource: { resource: string; accountId: string }, action: string, context: unknown) => unknown };
const { RequestContextImpl } = require(join(base, 'requestContext.js')) as { RequestContextImpl: new (values: Record<string, string | string[]>) => unknown };
const { DiscoveryContextKeyConstraints } = require(join(base, 'context_keys/discoveryContextKeyConstraints.js')) as { DiscoveryContextKeyConstraints: new (constraints: unknown[]) => unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

export interface TrustQuestion {
  /** A principal as IAM matches it: an OIDC provider ARN (Federated) or a service principal. */
  principal: string;
  action: string;
  /** The role's ARN. */
  resource: string;
  accountId: string;
  context: Record<string, string | string[]>;
  trustPolicy: unknown;
}

export type TrustDecision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied' | 'InvalidPolicy';

export function simulateTrust(q: TrustQuestion): TrustDecision {
  // IAM refuses to store a malformed trust policy; one that got into the sandbox anyway allows nothing.
  if (!q.trustPolicy || validateResourcePolicy(q.trustPolicy).length > 0) return 'InvalidPolicy';
  const request = new AwsRequestImpl(q.principal, { resource: q.resource, accountId: q.accountId }, q.action, new RequestContextImpl(q.context));
  return engine.authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: loadPolicy(q.trustPolicy, { name: 'AssumeRolePolicyDocument' }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: {},
  }).result;
}
