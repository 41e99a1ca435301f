// The contract between the sandbox's HTTP core (routing, SigV4, wire protocols, faults, request log)
// and its service models (AMP, AMG, STS, CloudFormation, IAM state, GitHub). Service models never see
// HTTP: they take decoded inputs and return plain outputs or throw AwsError, so they are unit-testable.

/** An AWS API error as the service would return it. `code` is the wire error code (e.g. ValidationException). */
export class AwsError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    /** Extra members serialized beside `message` (restJson) — e.g. `resourceId`, `retryAfterSeconds`. */
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** Who is calling and where, taken from the verified SigV4 credential scope. */
export interface CallContext {
  region: string;
  accountId: string;
  accessKeyId: string;
  /** ARN of the principal the access key belongs to (assumed-role or IAM user). */
  principalArn: string;
  requestId: string;
}

/** Latencies in milliseconds. The sandbox's state machines advance with wall-clock time. */
export interface Latencies {
  ampCreate: number;
  ampDelete: number;
  grafanaCreate: number;
  grafanaDelete: number;
  grafanaUpdate: number;
  /** Per CloudFormation resource type create/update/delete time, with a default. */
  cfnResource: Record<string, number> & { default: number };
}

export interface Faults {
  /** 0..1 share of AWS requests answered with the service's throttling error. */
  throttleRate: number;
  /** 0..1 share of AWS requests answered with a 5xx. */
  serverErrorRate: number;
  /** Added to every AWS request, in ms. */
  latencyMs: number;
  /** Restrict the faults above to these services: SigV4 names (e.g. ["aps"]) or "grafana-http" (the workspaces' Grafana APIs); empty = all. */
  services: string[];
  /**
   * AWS operations answered with AccessDenied every time, as for a workflow role that lacks the
   * permission (e.g. ["CreateWorkspaceServiceAccountToken"]). Not retried by clients, unlike the rest.
   */
  deny?: string[];
  /** What a proxy in front of a workspace's Grafana answers instead of Grafana (sandbox/src/http/faults.ts). */
  grafanaAnswer?: GrafanaAnswerFault;
}

export interface GrafanaAnswerFault {
  /** echo-token: an error that quotes the request's bearer token; html-page: 200 with a login page; hang: no answer at all. */
  answer: 'echo-token' | 'html-page' | 'hang';
  /** Only this Grafana API operation, as the request log names it ("POST /api/dashboards/import"); every /api/ request when unset. */
  operation?: string;
}

/**
 * One state change a model made: what it started, when, and when (on the model's clock, the same machine's)
 * the resource reached `to`. The lazily advanced models (AMP, Grafana) know the end when they start it, so
 * they record both at once. Benchmarks read the AWS-side critical path of a run from these.
 */
export interface Transition {
  service: 'aps' | 'grafana' | 'cloudformation' | 'ecs';
  /** The id the API names it by: workspace id, stack name, change set name, ECS service name. */
  resource: string;
  kind: 'create' | 'update' | 'delete' | 'changeset' | 'deployment';
  /** A change set's stack. */
  stack?: string;
  /** The state it reached (ACTIVE, DELETED, CREATE_COMPLETE, ROLLBACK_COMPLETE, COMPLETED, …). */
  to: string;
  startedAt: number;
  doneAt: number;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  /** SigV4 service name (aps, grafana, sts, cloudformation, ecs) or "github" / "oidc" / "grafana-http". */
  service: string;
  /** Operation name as in the API model (CreateWorkspace), "METHOD /path" for GitHub, "METHOD /route/:param" for grafana-http. */
  operation: string;
  /** The resource an AWS request names, as sent (workspace id, stack name or ARN, change set, ECS services): request-target.ts. */
  target?: string;
  /** True for every operation that can change state (anything but Describe/List/Get/Search/Head). */
  mutating: boolean;
  status: number;
  errorCode?: string;
  accessKeyId?: string;
  /** x-amz-user-agent and user-agent, as sent. */
  userAgent?: string;
  /** Set when the answer was an injected fault rather than the model's. */
  injected?: 'throttle' | 'server-error' | 'denied';
  /** Set when IAM refused the call: the first authorization request it denied. */
  denied?: { action: string; resource: string };
}

export interface IamRole {
  roleName: string;
  arn: string;
  roleId: string;
  path: string;
  assumeRolePolicyDocument: unknown;
  /** Inline policies by name. */
  policies: Record<string, unknown>;
  managedPolicyArns: string[];
  tags: Record<string, string>;
  createdAt: Date;
  /** Seconds; STS refuses longer sessions. IAM's default is 3600. */
  maxSessionDuration?: number;
  /** ARN of the managed policy that caps what the role's policies can grant. */
  permissionsBoundaryArn?: string;
}

/** A customer managed policy (AWS managed ones are known to the authorizer by ARN). */
export interface IamManagedPolicy {
  arn: string;
  policyName: string;
  path: string;
  document: unknown;
}

/** An IAM OpenID Connect identity provider: STS accepts web identity tokens only from registered ones. */
export interface IamOidcProvider {
  arn: string;
  /** Issuer host and path without scheme, e.g. token.actions.githubusercontent.com */
  url: string;
  /** Audiences (aud) the provider accepts. */
  clientIdList: string[];
}

/** IAM as the other models see it: CloudFormation creates roles, STS and AMG check them. */
export interface IamState {
  roles: Map<string, IamRole>;
  /** By ARN. Optional so that models that only need roles can build a bare state. */
  oidcProviders?: Map<string, IamOidcProvider>;
  /** Customer managed policies by ARN. */
  managedPolicies?: Map<string, IamManagedPolicy>;
}
