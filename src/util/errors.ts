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
