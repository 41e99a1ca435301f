/**
 * An error the user can act on: what went wrong and what to do about it. main() prints these
 * without a stack trace; anything else is a bug and keeps its stack.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fix?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }

  describe(): string {
    return this.fix ? `${this.message}\nFix: ${this.fix}` : this.message;
  }
}

/** One or more inputs are invalid; raised before any AWS call. */
export class InputError extends ActionError {
  constructor(public readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }

  describe(): string {
    return this.message;
  }
}

export interface InputProblem {
  input: string;
  problem: string;
  fix: string;
}

function formatProblem(p: InputProblem): string {
  return `Input '${p.input}': ${p.problem} ${p.fix}`;
}

/** The AWS SDK's error name and message, without its stack; `what` says which step failed. */
export function describeAwsError(what: string, err: unknown): string {
  if (err instanceof ActionError) return err.describe();
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const name = e?.name ?? 'Error';
  const requestId = e?.$metadata?.requestId ? ` (request id ${e.$metadata.requestId})` : '';
  return `${what} failed: ${name}: ${e?.message ?? String(err)}${requestId}`;
}

export function errorName(err: unknown): string | undefined {
  return (err as { name?: string } | undefined)?.name;
}

/**
 * The SDK's default chain found nothing (no role-to-assume, and no configure-aws-credentials step
 * before this one): its CredentialsProviderError "Could not load credentials from any providers".
 */
export function credentialsFix(err: unknown): string | undefined {
  const text = `${errorName(err) ?? ''} ${(err as Error | undefined)?.message ?? ''}`;
  if (!/Could not load credentials from any providers/i.test(text)) return undefined;
  return 'The step has no AWS credentials: set role-to-assume (and give the job `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step.';
}

/** What to tell the user for the errors a workflow role commonly hits. */
export function permissionFix(err: unknown, permissions: string): string | undefined {
  const noCredentials = credentialsFix(err);
  if (noCredentials) return noCredentials;
  switch (errorName(err)) {
    case 'AccessDeniedException':
    case 'AccessDenied':
    case 'UnauthorizedOperation':
      return `Grant the workflow's role ${permissions}.`;
    case 'ServiceQuotaExceededException':
      return 'Raise the quota in Service Quotas or remove unused workspaces (the cleanup mode removes stale previews).';
    case 'ThrottlingException':
      return 'The account is being throttled even after retries; lower the number of concurrent preview jobs.';
    default:
      return undefined;
  }
}

/**
 * The remedy for a task that could not pull its image, from the stop reason ECS gives (`CannotPullContainerError:
 * … not found`, `… 403 Forbidden`, `… no basic auth credentials`), or undefined when no stop reason is one. The two
 * causes a reviewer can act on: the tag was never pushed, or the task execution role may not pull it (ECR pulls need
 * ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer and ecr:BatchGetImage, the
 * actions of AWS's managed AmazonECSTaskExecutionRolePolicy, which templates/preview-stack.yaml's ExecutionRole has).
 */
export function imagePullFix(reasons: string, image?: string): string | undefined {
  if (!/CannotPullContainerError/.test(reasons)) return undefined;
  const ref = image ?? /(?:failed to resolve ref|pull access denied for|image) "?([\w.-]+(?::\d+)?\/[\w./-]+(?::[\w.-]+|@sha256:[0-9a-f]{64}))/i.exec(reasons)?.[1];
  const what = ref ? `\`${ref}\`` : 'the image';
  const denied = /403|forbidden|denied|no basic auth credentials|unauthorized/i.test(reasons);
  const pushed = `Check that ${what} was pushed (the tag exists in its repository: \`aws ecr describe-images\` for ECR).`;
  const role = 'Check that the task execution role can pull it: for ECR, ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer and ecr:BatchGetImage on the repository (and a repository policy that lets the account pull, for another account\'s ECR); a private registry needs the container\'s repositoryCredentials. Fargate must also reach the registry (a public IP or a NAT/VPC endpoint).';
  return denied ? `${role} ${pushed}` : `${pushed} ${role}`;
}

/**
 * The remedy for a permission a resource handler was denied, from CloudFormation's resource status reason
 * (`User: arn:aws:sts::…:assumed-role/<role>/… is not authorized to perform: <action> on resource: <arn> …`, the IAM
 * wording CloudFormation passes through from the service), or undefined when the reason is no such denial. CloudFormation
 * acts with the service role when the stack has one (cloudformation-role-arn), otherwise with the caller's role.
 */
export function deniedPermissionFix(reason: string, serviceRoleArn?: string): string | undefined {
  const iam = /User: (arn:[\w-]+:(?:sts|iam)::\d{12}:[\w+=,.@/-]+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (\S+?))?(?: because|\s|\(|"|$)/.exec(reason);
  const logs = /An additional permission "([\w-]+:[\w*]+)" is required/.exec(reason);
  const action = iam?.[2] ?? logs?.[1];
  if (!action) return undefined;
  const role = roleName(iam?.[1]) ?? roleName(serviceRoleArn);
  const who = serviceRoleArn
    ? `the CloudFormation service role${role ? ` \`${role}\`` : ''} (cloudformation-role-arn)`
    : `the role CloudFormation acted as${role ? `, \`${role}\`` : ''} (the workflow's role: the stack has no service role)`;
  const on = iam?.[3] ? ` on \`${iam[3]}\`` : '';
  return `Allow \`${action}\`${on} to ${who}, then re-run. The bootstrap template (templates/bootstrap.yaml) grants what each resource of the preview stack needs.`;
}

/** The role's name in an IAM role ARN or an assumed-role session ARN. */
function roleName(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  return /:assumed-role\/([^/]+)\//.exec(arn)?.[1] ?? /:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
}
