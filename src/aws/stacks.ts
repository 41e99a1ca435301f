import {
  Capability,
  Change,
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeChangeSetOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { fromTagList, isOwnedBy, Ownership, TAG_ENVIRONMENT, TAG_PR, toTagList } from '../tags';
import { ActionError, describeAwsError, errorName, permissionFix } from '../util/errors';
import { pollUntil } from '../util/poll';

export interface StackSpec {
  name: string;
  templateBody: string;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  capabilities: Capability[];
  /** A CloudFormation service role, so the caller needs only iam:PassRole. */
  roleArn?: string;
}

export interface StackResult {
  stackId: string;
  outputs: Record<string, string>;
  /** planned: dry run, the change set was shown and deleted. */
  action: 'created' | 'updated' | 'unchanged' | 'planned';
  changes: Change[];
}

export interface WaitOptions {
  deadline: number;
  log: (line: string) => void;
  /** Runs on every poll while the stack is in progress (deploy watches ECS tasks with it). */
  onPoll?: (stack: Stack) => Promise<void>;
}

export interface ApplyOptions extends WaitOptions {
  /** Always go through a change set, so the diff is shown even when nothing changed. */
  alwaysChangeSet?: boolean;
  /** Create and show the change set, then delete it. */
  dryRun?: boolean;
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/;

/**
 * Brings a stack to `spec` through a change set, from whatever state an earlier run left it in.
 * A stack already matching the spec is left alone without creating a change set, so re-runs make
 * no mutating call.
 */
export async function ensureStack(cfn: CloudFormationClient, spec: StackSpec, opts: ApplyOptions): Promise<StackResult> {
  for (let attempt = 1; ; attempt++) {
    let stack = await describeStack(cfn, spec.name);
    if (stack && isInProgress(stack.StackStatus)) {
      opts.log(`Stack ${spec.name} is ${stack.StackStatus} from an earlier run; waiting for it`);
      stack = await waitForStack(cfn, stack.StackId!, new Date(0), opts, { quietEvents: true });
    }
    if (stack?.StackStatus === 'UPDATE_ROLLBACK_FAILED') {
      opts.log(`Stack ${spec.name} is UPDATE_ROLLBACK_FAILED; continuing the rollback before updating`);
      await call('ContinueUpdateRollback', 'cloudformation:ContinueUpdateRollback', () =>
        cfn.send(new ContinueUpdateRollbackCommand({ StackName: stack!.StackId, RoleARN: spec.roleArn })));
      stack = await waitForStack(cfn, stack.StackId!, new Date(), opts);
      if (stack.StackStatus !== 'UPDATE_ROLLBACK_COMPLETE') {
        throw new ActionError(`Continuing the rollback of stack ${spec.name} ended in ${stack.StackStatus}.`, 'Fix the resource named in the stack events, or skip it with `aws cloudformation continue-update-rollback --resources-to-skip`, then re-run.');
      }
    }
    if (!opts.dryRun && (stack?.StackStatus === 'ROLLBACK_COMPLETE' || stack?.StackStatus === 'ROLLBACK_FAILED')) {
      // Creates ask CloudFormation to delete a failed stack itself (OnStackFailure), so this is a stack
      // left by an older run or by hand. The preview role may not delete stacks; the teardown role may.
      opts.log(`Stack ${spec.name} is ${stack.StackStatus} (a failed first create); deleting it before creating again`);
      await deleteStack(cfn, stack.StackId!, opts).catch((err: unknown) => {
        if (!isAccessDenied(err)) throw err;
        throw new ActionError(
          `Stack ${spec.name} is ${stack!.StackStatus} (a failed first create) and can only be deleted, which this role may not do: ${(err as Error).message}`,
          'Run the destroy workflow for this environment (the teardown role deletes it), or delete the stack, then re-run.',
        );
      });
      stack = undefined;
    }
    if (!opts.alwaysChangeSet && stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' && (await matchesSpec(cfn, stack, spec))) {
      return { stackId: stack.StackId!, outputs: outputsOf(stack), action: 'unchanged', changes: [] };
    }
    try {
      return await applyChangeSet(cfn, spec, stack, opts);
    } catch (err) {
      // Another run created the stack between our describe and our change set: start over once.
      if (attempt < 3 && isRaceError(err)) {
        opts.log(`Stack ${spec.name} changed under us (${(err as Error).message}); re-reading it`);
        continue;
      }
      throw err;
    }
  }
}

function isRaceError(err: unknown): boolean {
  const message = (err as Error)?.message ?? '';
  const name = (err as { awsName?: string }).awsName ?? errorName(err);
  // Two runs racing on one stack: the loser's change set goes OBSOLETE, or finds the stack busy.
  // CloudFormation deletes a stack's other change sets when one is executed.
  return name === 'AlreadyExistsException' || name === 'InvalidChangeSetStatus' || name === 'ChangeSetNotFoundException' ||
    /already exists|state and can not be updated|is in .*_IN_PROGRESS|OBSOLETE/.test(message);
}

async function applyChangeSet(cfn: CloudFormationClient, spec: StackSpec, stack: Stack | undefined, opts: ApplyOptions): Promise<StackResult> {
  if (opts.dryRun && stack?.StackStatus === 'ROLLBACK_COMPLETE') {
    throw new ActionError(`Stack ${spec.name} is ROLLBACK_COMPLETE: it can only be deleted, so no change set can be previewed.`, 'Run without dry-run: the action deletes the failed stack and creates it again.');
  }
  const changeSetType = !stack || stack.StackStatus === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';
  const changeSetName = `ecs-amp-action-${Date.now()}`;
  opts.log(`Creating ${changeSetType} change set for stack ${spec.name}`);
  const created = await call('CreateChangeSet', 'cloudformation:CreateChangeSet', () => cfn.send(new CreateChangeSetCommand({
    StackName: spec.name,
    ChangeSetName: changeSetName,
    ChangeSetType: changeSetType,
    TemplateBody: spec.templateBody,
    Parameters: Object.entries(spec.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    Tags: toTagList(spec.tags),
    Capabilities: spec.capabilities,
    RoleARN: spec.roleArn,
    // A failed first create is deleted by CloudFormation rather than left ROLLBACK_COMPLETE, which
    // only a DeleteStack clears and the preview role may not delete stacks.
    OnStackFailure: changeSetType === 'CREATE' ? 'DELETE' : undefined,
  })));
  const changeSet = await waitForChangeSet(cfn, created.Id!, opts);
  if (changeSet.Status === 'FAILED') {
    if (NO_CHANGES.test(changeSet.StatusReason ?? '')) {
      await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: created.Id! })).catch(() => undefined);
      const current = (await describeStack(cfn, spec.name))!;
      return { stackId: current.StackId!, outputs: outputsOf(current), action: 'unchanged', changes: [] };
    }
    throw new ActionError(`Change set for stack ${spec.name} failed: ${changeSet.StatusReason}`, 'Fix the template or parameters named above.');
  }
  if (opts.dryRun) {
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: created.Id! })).catch(() => undefined);
    // A CREATE change set leaves an empty REVIEW_IN_PROGRESS stack behind. Roles that may not delete
    // stacks (the preview role) leave it: it has no resources, the next deploy creates into it, and
    // destroy or cleanup removes it.
    if (changeSetType === 'CREATE' && !stack) {
      const left = await cfn.send(new DeleteStackCommand({ StackName: created.StackId! })).then(() => false, (err: unknown) => isAccessDenied(err));
      if (left) opts.log(`Dry run: this role may not delete stacks, so the empty stack ${spec.name} (REVIEW_IN_PROGRESS, no resources) stays until the next deploy or destroy`);
    }
    opts.log(`Dry run: change set deleted, stack ${spec.name} left as it was`);
    return { stackId: created.StackId!, outputs: stack ? outputsOf(stack) : {}, action: 'planned', changes: changeSet.Changes ?? [] };
  }
  const since = new Date();
  opts.log(`Executing change set (${changeSet.Changes?.length ?? 0} change(s))`);
  await call('ExecuteChangeSet', 'cloudformation:ExecuteChangeSet', () => cfn.send(new ExecuteChangeSetCommand({
    ChangeSetName: created.Id!,
    ClientRequestToken: changeSetName,
  })));
  const final = await waitForStack(cfn, created.StackId!, since, opts);
  const ok = final.StackStatus === 'CREATE_COMPLETE' || final.StackStatus === 'UPDATE_COMPLETE';
  if (!ok) {
    const cause = await rootCause(cfn, created.StackId!, since);
    const deleted = final.StackStatus === 'DELETE_COMPLETE';
    throw new ActionError(
      `Stack ${spec.name} ${deleted ? 'failed to create and was deleted' : `ended in ${final.StackStatus}`}.${cause ? ` Root cause: ${cause}` : ''}`,
      deleted ? 'Fix the cause above and re-run: the next run creates the stack afresh.' : 'Fix the cause above and re-run; the action recovers the stack from this state.',
    );
  }
  return { stackId: final.StackId!, outputs: outputsOf(final), action: changeSetType === 'CREATE' ? 'created' : 'updated', changes: changeSet.Changes ?? [] };
}

export async function describeStack(cfn: CloudFormationClient, name: string): Promise<Stack | undefined> {
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: name }));
    const stack = out.Stacks?.[0];
    return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
  } catch (err) {
    if (errorName(err) === 'ValidationError' && /does not exist/.test((err as Error).message)) return undefined;
    throw new ActionError(describeAwsError(`CloudFormation DescribeStacks ${name}`, err), permissionFix(err, 'cloudformation:DescribeStacks'));
  }
}

async function matchesSpec(cfn: CloudFormationClient, stack: Stack, spec: StackSpec): Promise<boolean> {
  const params = Object.fromEntries((stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
  if (!sameRecord(params, spec.parameters) || !sameRecord(fromTagList(stack.Tags), spec.tags)) return false;
  const template = await call('GetTemplate', 'cloudformation:GetTemplate', () =>
    cfn.send(new GetTemplateCommand({ StackName: stack.StackId, TemplateStage: 'Original' })));
  return template.TemplateBody === spec.templateBody;
}

function sameRecord(a: Record<string, string | undefined>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

export function outputsOf(stack: Stack): Record<string, string> {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

export function isInProgress(status: string | undefined): boolean {
  return Boolean(status?.endsWith('_IN_PROGRESS')) && status !== 'REVIEW_IN_PROGRESS';
}

async function waitForChangeSet(cfn: CloudFormationClient, id: string, opts: WaitOptions): Promise<DescribeChangeSetOutput> {
  return pollUntil({
    what: 'change set',
    deadline: opts.deadline,
    log: opts.log,
    initialDelayMs: 500,
    maxDelayMs: 5_000,
    check: async () => {
      const cs = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () =>
        cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id })));
      const status = cs.Status ?? 'UNKNOWN';
      if (status === 'CREATE_COMPLETE' || status === 'FAILED') return { done: true, value: cs };
      return { done: false, status };
    },
  });
}

/** Waits for the stack to leave *_IN_PROGRESS, printing each new stack event as it happens. */
export async function waitForStack(
  cfn: CloudFormationClient,
  stackId: string,
  since: Date,
  opts: WaitOptions,
  { quietEvents = false } = {},
): Promise<Stack> {
  const seen = new Set<string>();
  return pollUntil({
    what: `stack ${stackName(stackId)}`,
    deadline: opts.deadline,
    log: opts.log,
    initialDelayMs: 1_000,
    maxDelayMs: 10_000,
    check: async () => {
      if (!quietEvents) {
        for (const e of await newEvents(cfn, stackId, since, seen)) opts.log(formatEvent(e));
      }
      const out = await call('DescribeStacks', 'cloudformation:DescribeStacks', () =>
        cfn.send(new DescribeStacksCommand({ StackName: stackId })));
      const stack = out.Stacks![0];
      if (opts.onPoll) await opts.onPoll(stack);
      if (!isInProgress(stack.StackStatus)) {
        if (!quietEvents) for (const e of await newEvents(cfn, stackId, since, seen)) opts.log(formatEvent(e));
        return { done: true, value: stack };
      }
      return { done: false, status: stack.StackStatus ?? 'UNKNOWN' };
    },
  });
}

/** Events after `since` not yet seen, oldest first. Pages stop at the first event already seen. */
async function newEvents(cfn: CloudFormationClient, stackId: string, since: Date, seen: Set<string>): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  let token: string | undefined;
  do {
    const page = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () =>
      cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token })));
    for (const e of page.StackEvents ?? []) {
      if (seen.has(e.EventId!) || (e.Timestamp && e.Timestamp < since)) return finish();
      fresh.push(e);
    }
    token = page.NextToken;
  } while (token);
  return finish();

  function finish(): StackEvent[] {
    for (const e of fresh) seen.add(e.EventId!);
    return fresh.reverse();
  }
}

/**
 * The first failure is the cause; what follows ("Resource creation cancelled", the rollback) is
 * its cascade and only buries it.
 */
export async function rootCause(cfn: CloudFormationClient, stackId: string, since: Date): Promise<string | undefined> {
  const events = await newEvents(cfn, stackId, since, new Set());
  const failed = events.find((e) =>
    e.ResourceStatus?.endsWith('_FAILED') && e.ResourceStatusReason && !/cancelled|canceled/i.test(e.ResourceStatusReason) &&
    e.LogicalResourceId !== stackName(stackId));
  return failed ? `${failed.LogicalResourceId} (${failed.ResourceType}) ${failed.ResourceStatus}: ${failed.ResourceStatusReason}` : undefined;
}

export async function deleteStack(cfn: CloudFormationClient, stackId: string, opts: WaitOptions): Promise<void> {
  const since = new Date();
  await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new DeleteStackCommand({ StackName: stackId })));
  const final = await waitForStack(cfn, stackId, since, opts);
  if (final.StackStatus !== 'DELETE_COMPLETE') {
    const cause = await rootCause(cfn, stackId, since);
    throw new ActionError(`Deleting stack ${stackName(stackId)} ended in ${final.StackStatus}.${cause ? ` ${cause}` : ''}`);
  }
}

function isAccessDenied(err: unknown): boolean {
  const name = (err as { awsName?: string }).awsName ?? errorName(err);
  return name === 'AccessDenied' || name === 'AccessDeniedException';
}

export function formatEvent(e: StackEvent): string {
  const time = e.Timestamp?.toISOString().slice(11, 19) ?? '';
  const reason = e.ResourceStatusReason ? ` — ${e.ResourceStatusReason}` : '';
  return `${time} ${e.ResourceStatus?.padEnd(20)} ${e.ResourceType} ${e.LogicalResourceId}${reason}`;
}

function stackName(stackIdOrName: string): string {
  const m = /^arn:[^:]+:cloudformation:[^:]*:\d*:stack\/([^/]+)\//.exec(stackIdOrName);
  return m ? m[1] : stackIdOrName;
}

async function call<T>(operation: string, permission: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw Object.assign(new ActionError(describeAwsError(`CloudFormation ${operation}`, err), permissionFix(err, permission)), {
      cause: err,
      awsName: errorName(err),
    });
  }
}

export interface DestroyStackResult {
  /** absent: there was no stack (already destroyed, or never deployed). */
  outcome: 'deleted' | 'absent';
  stackId?: string;
}

/** Attempts at DeleteStack when resources fail to delete: most such failures are eventual (ENIs, dependencies). */
const DELETE_ATTEMPTS = 3;

/**
 * Deletes a stack the action owns, streaming its events. Refuses a stack whose tags do not name
 * this repository and environment, even when named explicitly. A stack still being deployed is
 * waited for first (a late deploy), and DELETE_FAILED is retried, each time naming the resources
 * that failed and why.
 */
export async function destroyStack(cfn: CloudFormationClient, name: string, owner: Ownership, opts: WaitOptions): Promise<DestroyStackResult> {
  let stack = await describeStack(cfn, name);
  if (!stack) return { outcome: 'absent' };
  if (!isOwnedBy(fromTagList(stack.Tags), owner)) {
    throw new ActionError(`Stack ${name} is not tagged as created by ecs-amp-action for ${owner.repository} environment '${owner.environment}'; refusing to delete it.`,
      'Check stack-name and environment. Delete the stack yourself if it really is unused.');
  }
  const stackId = stack.StackId!;
  if (isInProgress(stack.StackStatus) && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
    opts.log(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting`);
    stack = await waitForStack(cfn, stackId, new Date(0), opts, { quietEvents: true });
  }
  for (let attempt = 1; ; attempt++) {
    const since = new Date();
    if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
      opts.log(`Deleting stack ${name} (${stack.StackStatus})${attempt > 1 ? `, attempt ${attempt} of ${DELETE_ATTEMPTS}` : ''}`);
      await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new DeleteStackCommand({ StackName: stackId })));
    }
    stack = await waitForStack(cfn, stackId, since, opts);
    if (stack.StackStatus === 'DELETE_COMPLETE') return { outcome: 'deleted', stackId };
    const failed = await failedDeletes(cfn, stackId, since);
    const detail = failed.length ? failed.join('; ') : (stack.StackStatusReason ?? 'no reason given');
    if (attempt >= DELETE_ATTEMPTS) {
      throw new ActionError(`Deleting stack ${name} ended in ${stack.StackStatus} after ${attempt} attempts: ${detail}`,
        'Remove what blocks the resources named above (or delete them by hand), then re-run destroy; the stack and its tags are kept so cleanup finds it again.');
    }
    opts.log(`Stack ${name} is ${stack.StackStatus}: ${detail}; retrying`);
  }
}

async function failedDeletes(cfn: CloudFormationClient, stackId: string, since: Date): Promise<string[]> {
  const out = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () => cfn.send(new DescribeStackEventsCommand({ StackName: stackId })));
  return (out.StackEvents ?? [])
    .filter((e) => e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack' && (!e.Timestamp || e.Timestamp >= since))
    .map((e) => `${e.LogicalResourceId} (${e.ResourceType}): ${e.ResourceStatusReason ?? 'no reason given'}`);
}

export interface OwnedStack {
  name: string;
  stackId: string;
  status: string;
  environment: string;
  prNumber?: number;
  /** Last deploy: LastUpdatedTime, else CreationTime. */
  lastDeployedAt?: Date;
}

/** Every live stack the action created for an environment of this repository. */
export async function listEnvironmentStacks(cfn: CloudFormationClient, repository: string): Promise<OwnedStack[]> {
  const found: OwnedStack[] = [];
  let token: string | undefined;
  do {
    const page = await call('DescribeStacks', 'cloudformation:DescribeStacks', () => cfn.send(new DescribeStacksCommand({ NextToken: token })));
    for (const stack of page.Stacks ?? []) {
      const tags = fromTagList(stack.Tags);
      const environment = tags[TAG_ENVIRONMENT];
      if (!environment || !isOwnedBy(tags, { repository, environment }) || stack.StackStatus === 'DELETE_COMPLETE') continue;
      const pr = tags[TAG_PR];
      found.push({
        name: stack.StackName!, stackId: stack.StackId!, status: stack.StackStatus ?? 'UNKNOWN', environment,
        prNumber: pr && /^\d+$/.test(pr) ? Number(pr) : undefined, lastDeployedAt: stack.LastUpdatedTime ?? stack.CreationTime,
      });
    }
    token = page.NextToken;
  } while (token);
  return found;
}
