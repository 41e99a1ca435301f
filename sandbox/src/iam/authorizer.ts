// IAM's decision for every request the sandbox serves: identity policies and permissions boundary
// of the calling principal, evaluated by @cloud-copilot/iam-simulate (test equipment only: AGPL,
// never imported by the action) over a request the Service Authorization Reference can describe.
import { validateIdentityPolicy } from '@cloud-copilot/iam-policy';
import { runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { IamState } from '../core/types';
import { DenialCause, denialMessage } from './denied';
import { resolvePrincipal, ResolvedPrincipal } from './principal';
import { actionFacts, checkConditionKey, normalizeValue, resourceTypeOf } from './sar';
import type { AuthorizationRequest, AuthorizationVerdict, Authorizer } from './types';

/** One decision, as tests read it to prove a policy complete (or a call refused). */
export interface AuthorizationRecord {
  seq: number;
  /** The caller's ARN (session or user). */
  principal: string;
  action: string;
  resource: string;
  /** Every key the decision was evaluated with, the principal's included. */
  context: Record<string, string | string[]>;
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: 'no-allow' | 'explicit-deny' | 'boundary';
  /** Set for what CloudFormation performs on the caller's behalf or with its service role. */
  via?: 'cloudformation';
  /** The API operation (CreateWorkspace) or, via CloudFormation, the handler step that asked. */
  operation?: string;
}

/**
 * iam-simulate reads a "*" inside a request's resource as "any resource like this" and grants when
 * a narrower policy resource overlaps it. IAM matches the request's resource literally: a policy on
 * stack/preview-1/<id> does not allow stack/preview-1/*, nor does a policy on workspace/* allow an
 * action on "*". A stand-in character keeps the literal meaning: a policy's * and ? still match it.
 */
const LITERAL_STAR = '\u2217';

export class SandboxAuthorizer implements Authorizer {
  readonly log: AuthorizationRecord[] = [];
  private seq = 0;
  private readonly validated = new Set<string>();

  constructor(private readonly iam: IamState, private readonly now: () => Date = () => new Date()) {}

  clearLog(): void {
    this.log.length = 0;
  }

  async authorize(principalArn: string, region: string, request: AuthorizationRequest): Promise<AuthorizationVerdict> {
    const facts = await actionFacts(request.action);
    const type = resourceTypeOf(facts, request.resource);
    for (const key of Object.keys(request.context ?? {})) checkConditionKey(facts, type, key);
    const principal = resolvePrincipal(this.iam, principalArn);
    for (const p of [...principal.identityPolicies, ...(principal.permissionsBoundary ? [principal.permissionsBoundary] : [])]) this.validate(p);

    const context = await this.contextFor(principal, region, request);
    const cause = this.evaluate(principal, facts.name, request.resource, context);
    this.log.push({
      seq: ++this.seq, principal: principalArn, action: facts.name, resource: request.resource, context, allowed: cause === undefined,
      ...(cause && { reason: cause.reason }), ...(request.via && { via: request.via }), ...(request.operation && { operation: request.operation }),
    });
    if (!cause) return { allowed: true };
    return { allowed: false, reason: cause.reason, message: denialMessage(principalArn, facts.name, request.resource, cause) };
  }

  private async contextFor(principal: ResolvedPrincipal, region: string, request: AuthorizationRequest): Promise<Record<string, string | string[]>> {
    const now = this.now();
    const viaService = request.context?.['aws:CalledVia'] !== undefined;
    // The keys AWS puts in every request context; the service's own (tags, iam:PassedToService, …) follow.
    const merged: Record<string, string | string[]> = {
      ...principal.context,
      'aws:RequestedRegion': region,
      'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
      'aws:SecureTransport': 'true',
      'aws:PrincipalIsAWSService': 'false',
      'aws:ViaAWSService': viaService ? 'true' : 'false',
      ...request.context,
    };
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(merged)) out[k] = await normalizeValue(k, v);
    return out;
  }

  /** undefined when allowed; otherwise what stopped it, in IAM's order: an explicit deny first. */
  private evaluate(principal: ResolvedPrincipal, action: string, resource: string, context: Record<string, string | string[]>): DenialCause | undefined {
    const run = (withBoundary: boolean) => runUnsafeSimulation(this.simulation(principal, action, resource, context, withBoundary), {});
    const full = run(true);
    if (full === 'Allowed') return undefined;
    if (!principal.permissionsBoundary) return full === 'ExplicitlyDenied' ? { reason: 'explicit-deny', in: 'identity' } : { reason: 'no-allow' };
    const identityOnly = run(false);
    if (full === 'ExplicitlyDenied') return { reason: 'explicit-deny', in: identityOnly === 'ExplicitlyDenied' ? 'identity' : 'boundary' };
    return identityOnly === 'Allowed' ? { reason: 'boundary' } : { reason: 'no-allow' };
  }

  private simulation(principal: ResolvedPrincipal, action: string, resource: string, context: Record<string, string | string[]>, withBoundary: boolean): Simulation {
    return {
      request: { principal: principal.arn, action, resource: { resource: resource.replaceAll('*', LITERAL_STAR), accountId: principal.accountId }, contextVariables: context },
      identityPolicies: principal.identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      permissionBoundaryPolicies: withBoundary && principal.permissionsBoundary ? [principal.permissionsBoundary] : undefined,
    };
  }

  /** IAM refuses to store an invalid policy; one in the sandbox's state is a setup bug, said loudly. */
  private validate(p: { name: string; policy: unknown }): void {
    const text = JSON.stringify(p.policy);
    if (this.validated.has(text)) return;
    const errors = validateIdentityPolicy(p.policy);
    if (errors.length > 0) throw new Error(`sandbox authorization bug: policy ${p.name} is not a valid identity policy: ${JSON.stringify(errors)}`);
    this.validated.add(text);
  }
}
