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
  ListChangeSetsCommand,
  Parameter,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { describeOwner, fromTagList, MANAGED_BY, Ownership, ownershipProblem, ownershipTags, ownershipTagText, TAG_ENVIRONMENT, TAG_MANAGED_BY, TAG_PR, TAG_REPOSITORY, toTagList } from '../tags';
import { ActionError, deniedPermissionFix, describeAwsError, errorName, permissionFix } from '../util/errors';
import { EXPECTED, pollUntil } from '../util/poll';
import { randomBytes } from 'node:crypto';

export interface StackSpec {
  name: string;
  templateBody: string;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  /** Whose the stack must be: an existing stack of the name whose tags say otherwise is refused before any change. */
  owner: Ownership;
  /** What to tell the user when the name is taken by a stack that is not theirs. */
  ownershipFix?: string;
  capabilities: Capability[];
  /** A CloudFormation service role, so the caller needs only iam:PassRole. */
  roleArn?: string;
}

export interface StackResult {
  stackId: string;
  outputs: Record<string, string>;
  /** planned: dry run, the change set was shown and deleted. */
  action: 'created' | 'updated' | 'unchanged' | 'planned';
  /** Every page of the change set's changes, with property values (before and after each changed leaf). */
  changes: Change[];
  /** Parameters whose value the change set changes (an update's only; NoEcho ones never, see parameterChanges). */
  parameters: ParameterChange[];
}

export interface ParameterChange {
  key: string;
  before?: string;
  after?: string;
}

export interface WaitOptions {
  deadline: number;
  log: (line: string) => void;
  /** Runs on every poll while the stack is in progress (deploy watches ECS tasks with it). */
  onPoll?: () => Promise<void>;
}

export interface ApplyOptions extends WaitOptions {
  /** Always go through a change set, so the diff is shown even when nothing changed. */
  alwaysChangeSet?: boolean;
  /** Create and show the change set, then delete it. */
  dryRun?: boolean;
  /** Called with the change set once it is described, before it is executed (or deleted, on a dry run). */
  onChangeSet?: (changeSet: { changes: Change[]; parameters: ParameterChange[] }) => void;
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/;

/**
 * Brings a stack to `spec` through a change set, from whatever state an earlier run left it in.
 * A stack already matching the spec is left alone without creating a change set, so re-runs make
 * no mutating call.
 */
export async function ensureStack(cfn: CloudFormationClient, spec: StackSpec, opts: ApplyOptions): Promise<StackResult> {
  const fix = spec.ownershipFix ?? DEFAULT_OWNERSHIP_FIX;
  for (let attempt = 1; ; attempt++) {
    let stack = await describeStack(cfn, spec.name);
    // Before anything else, whatever the status: waiting, recovering a rollback or deleting a failed
    // create would all act on a stack that may be another repository's.
    if (stack) await assertOwned(cfn, stack, spec.owner, 'update', fix);
    if (stack && isInProgress(stack.StackStatus)) {
      opts.log(`Stack ${spec.name} is ${stack.StackStatus} from an earlier run; waiting for it`);
      stack = await waitForStack(cfn, stack.StackId!, { since: new Date(0) }, opts, { quietEvents: true });
      // What finished may have been someone else's change set executed into an empty stack.
      await assertOwned(cfn, stack, spec.owner, 'update', fix);
    }
    if (stack?.StackStatus === 'UPDATE_ROLLBACK_FAILED') {
      opts.log(`Stack ${spec.name} is UPDATE_ROLLBACK_FAILED; continuing the rollback before updating`);
      const token = operationToken('rollback');
      await call('ContinueUpdateRollback', 'cloudformation:ContinueUpdateRollback', () =>
        cfn.send(new ContinueUpdateRollbackCommand({ StackName: stack!.StackId, RoleARN: spec.roleArn, ClientRequestToken: token })));
      stack = await waitForStack(cfn, stack.StackId!, { token }, opts);
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
      return { stackId: stack.StackId!, outputs: outputsOf(stack), action: 'unchanged', changes: [], parameters: [] };
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
  // Also the execution's ClientRequestToken, so it must be unique to this run, not only to this millisecond.
  const changeSetName = operationToken('cs');
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
      return { stackId: current.StackId!, outputs: outputsOf(current), action: 'unchanged', changes: [], parameters: [] };
    }
    throw new ActionError(`Change set for stack ${spec.name} failed: ${changeSet.StatusReason}`, 'Fix the template or parameters named above.');
  }
  const { changes, parameters: next } = await describeChanges(cfn, created.Id!);
  const parameters = changeSetType === 'UPDATE' ? parameterChanges(stack?.Parameters ?? [], next) : [];
  opts.onChangeSet?.({ changes, parameters });
  if (opts.dryRun) {
    if (changeSetType === 'CREATE') {
      // A CREATE change set leaves an empty REVIEW_IN_PROGRESS stack, and CloudFormation tags a stack
      // only when a change set is executed: until then DescribeStacks shows no tags, and only the
      // change set carries them (AWS-validated snapshot in localstack/localstack,
      // tests/aws/services/cloudformation/api/test_stacks.py test_stack_description_lifecycle[with-tags]:
      // "stack-pre-execute" has Tags [], the change set and "stack-post-execute" have them). So when
      // this role may not delete the empty stack (the preview role), the change set stays as the
      // stack's proof of ownership; the next deploy creates into the stack and executing its change
      // set deletes this one.
      const deleted = await cfn.send(new DeleteStackCommand({ StackName: created.StackId! })).then(() => true, (err: unknown) => {
        if (isAccessDenied(err)) return false;
        throw err;
      });
      if (deleted) {
        opts.log(`Dry run: the empty stack ${spec.name} and its change set were deleted`);
      } else {
        if (stack) await deleteOtherChangeSets(cfn, created.StackId!, created.Id!);
        opts.log(`Dry run: this role may not delete stacks, so the empty stack ${spec.name} (REVIEW_IN_PROGRESS, no resources) stays with this change set, which marks it as this environment's, until the next deploy creates into it`);
      }
    } else {
      await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: created.Id! })).catch(() => undefined);
      opts.log(`Dry run: change set deleted, stack ${spec.name} left as it was`);
    }
    return { stackId: created.StackId!, outputs: stack ? outputsOf(stack) : {}, action: 'planned', changes, parameters };
  }
  const scope = { token: changeSetName };
  opts.log(`Executing change set (${changes.length} change(s))`);
  await call('ExecuteChangeSet', 'cloudformation:ExecuteChangeSet', () => cfn.send(new ExecuteChangeSetCommand({
    ChangeSetName: created.Id!,
    ClientRequestToken: changeSetName,
  })));
  const final = await waitForStack(cfn, created.StackId!, scope, opts);
  const ok = final.StackStatus === 'CREATE_COMPLETE' || final.StackStatus === 'UPDATE_COMPLETE';
  if (!ok) {
    const cause = await rootCause(cfn, created.StackId!, scope);
    const deleted = final.StackStatus === 'DELETE_COMPLETE';
    throw new ActionError(
      `Stack ${spec.name} ${deleted ? 'failed to create and was deleted' : `ended in ${final.StackStatus}`}.${cause ? ` Root cause: ${cause}` : ''}`,
      // A denied permission names its remedy (which action, for which role); any other cause is the template's.
      deniedPermissionFix(cause ?? '', spec.roleArn)
        ?? (deleted ? 'Fix the cause above and re-run: the next run creates the stack afresh.' : 'Fix the cause above and re-run; the action recovers the stack from this state.'),
    );
  }
  return { stackId: final.StackId!, outputs: outputsOf(final), action: changeSetType === 'CREATE' ? 'created' : 'updated', changes, parameters };
}

const DEFAULT_OWNERSHIP_FIX = 'Check stack-name and environment: each environment has its own stack, named after the repository and environment unless stack-name says otherwise. If the stack named above is really unused, delete it yourself; the action never takes over a stack it did not create for this environment.';

/** Change sets read to tell whose an empty REVIEW_IN_PROGRESS stack is; a dry run leaves one. */
const MAX_CHANGE_SETS_READ = 10;

/**
 * Refuses a stack whose ownership tags are not this repository's and environment's, in any status,
 * with one error naming the stack, what it carries and the fix. A REVIEW_IN_PROGRESS stack has no
 * tags until a change set is executed, so its change sets' tags decide: every one must be ours.
 */
async function assertOwned(cfn: CloudFormationClient, stack: Stack, owner: Ownership, verb: string, fix: string): Promise<void> {
  const tags = fromTagList(stack.Tags);
  let problem = ownershipProblem(tags, owner);
  let carries = ownershipTagText(tags);
  if (problem && stack.StackStatus === 'REVIEW_IN_PROGRESS' && tags[TAG_MANAGED_BY] === undefined) {
    const sets = await changeSetTags(cfn, stack.StackId!);
    const foreign = sets.find((t) => ownershipProblem(t, owner) !== undefined);
    if (sets.length > 0 && !foreign) return;
    if (foreign) {
      problem = `its pending change set ${ownershipProblem(foreign, owner)!.replace(/^it /, '')}`;
      carries = `no tags (it was never executed); its change set carries ${ownershipTagText(foreign)}`;
    } else {
      problem = 'it is an empty stack with neither tags nor a change set that says whose it is';
      carries = 'no tags';
    }
  }
  if (!problem) return;
  throw new ActionError(
    `Stack ${stack.StackName} (${stack.StackStatus}) is not this run's to ${verb}: ${problem}. It carries ${carries}; ` +
    `this run is ${describeOwner(ownershipTags(owner))}. Nothing was changed.`,
    fix,
  );
}

async function changeSetTags(cfn: CloudFormationClient, stackId: string): Promise<Record<string, string>[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await call('ListChangeSets', 'cloudformation:ListChangeSets', () => cfn.send(new ListChangeSetsCommand({ StackName: stackId, NextToken: token })));
    ids.push(...(page.Summaries ?? []).map((c) => c.ChangeSetId!).filter(Boolean));
    token = page.NextToken;
  } while (token && ids.length < MAX_CHANGE_SETS_READ);
  const described = await Promise.all(ids.slice(0, MAX_CHANGE_SETS_READ).map((id) => call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () =>
    cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id })))));
  return described.map((cs) => fromTagList(cs.Tags));
}

/** An empty stack keeps one change set of ours: the newest dry run's. */
async function deleteOtherChangeSets(cfn: CloudFormationClient, stackId: string, keep: string): Promise<void> {
  const page = await cfn.send(new ListChangeSetsCommand({ StackName: stackId })).catch(() => undefined);
  for (const c of page?.Summaries ?? []) {
    if (c.ChangeSetId && c.ChangeSetId !== keep) await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: c.ChangeSetId })).catch(() => undefined);
  }
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

/**
 * The whole change set with property values. IncludePropertyValues is a DescribeChangeSet member only
 * (CreateChangeSetInput has none in the CloudFormation model, service-2.json 2010-05-15), so any change set can be
 * described with values; its Changes are paged once the answer passes 1 MB (DescribeChangeSetOutput.NextToken), as
 * an 18-resource first deploy with its task definition's values may.
 */
async function describeChanges(cfn: CloudFormationClient, id: string): Promise<{ changes: Change[]; parameters: Parameter[] }> {
  const changes: Change[] = [];
  let parameters: Parameter[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_CHANGE_SET_PAGES; page++) {
    const out = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () =>
      cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id, IncludePropertyValues: true, NextToken: token })));
    changes.push(...(out.Changes ?? []));
    if (page === 0) parameters = out.Parameters ?? [];
    token = out.NextToken;
    if (!token) break;
  }
  return { changes: maskNoEchoValues(changes, parameters), parameters };
}

const MAX_CHANGE_SET_PAGES = 50;

/**
 * CloudFormation masks a NoEcho parameter in Parameters, but a property fed by it carries its value as BeforeValue /
 * AfterValue; every detail at a path a masked parameter causes (its Static ParameterReference and the Dynamic
 * DirectModification twin at the same path) gets the mask too, so the value never reaches the log or the comment.
 */
export function maskNoEchoValues(changes: Change[], parameters: Parameter[]): Change[] {
  const masked = new Set(parameters.filter((p) => p.ParameterValue === NO_ECHO_MASK).map((p) => p.ParameterKey));
  if (masked.size === 0) return changes;
  return changes.map((c) => {
    const details = c.ResourceChange?.Details;
    if (!details) return c;
    const paths = new Set(details.filter((d) => d.ChangeSource === 'ParameterReference' && masked.has(d.CausingEntity)).map((d) => d.Target?.Path));
    if (paths.size === 0) return c;
    const hide = (v: string | undefined) => (v === undefined ? undefined : NO_ECHO_MASK);
    return {
      ...c,
      ResourceChange: {
        ...c.ResourceChange,
        // The contexts hold the same values in full.
        BeforeContext: undefined, AfterContext: undefined,
        Details: details.map((d) => (paths.has(d.Target?.Path) ? { ...d, Target: { ...d.Target, BeforeValue: hide(d.Target?.BeforeValue), AfterValue: hide(d.Target?.AfterValue) } } : d)),
      },
    };
  });
}

/** CloudFormation's mask for a NoEcho parameter's value, in DescribeStacks and DescribeChangeSet alike. */
export const NO_ECHO_MASK = '****';

/**
 * Parameters before (the stack's) → after (the change set's), changed ones only. A NoEcho value reads `****` on
 * both sides, so whether it changed cannot be told, and it is left out rather than shown as unchanged or changed.
 */
export function parameterChanges(before: Parameter[], after: Parameter[]): ParameterChange[] {
  const old = new Map(before.map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
  const changed: ParameterChange[] = [];
  for (const p of after) {
    const key = p.ParameterKey ?? '';
    const value = p.ParameterValue;
    const was = old.get(key);
    if (value === NO_ECHO_MASK || was === NO_ECHO_MASK || was === value) continue;
    changed.push({ key, before: was, after: value });
  }
  return changed;
}

async function waitForChangeSet(cfn: CloudFormationClient, id: string, opts: WaitOptions): Promise<DescribeChangeSetOutput> {
  return pollUntil({
    what: 'change set',
    deadline: opts.deadline,
    log: opts.log,
    expected: EXPECTED.changeSet,
    justStarted: true,
    check: async () => {
      const cs = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () =>
        cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id })));
      const status = cs.Status ?? 'UNKNOWN';
      if (status === 'CREATE_COMPLETE' || status === 'FAILED') return { done: true, value: cs };
      return { done: false, status };
    },
  });
}

/**
 * Which of a stack's events belong to the operation being waited for. CloudFormation stamps every event of an
 * operation with the ClientRequestToken it was started with ("All events triggered by a given stack operation are
 * assigned the same client request token", StackEvent.ClientRequestToken in the CloudFormation API reference; the
 * same words on CreateStack, UpdateStack, DeleteStack, ExecuteChangeSet and ContinueUpdateRollback), so a token
 * needs no clock. `since` (the runner's clock against CloudFormation's timestamps) is only for an operation this run
 * did not start and so has no token of.
 */
export type EventScope = { token: string } | { since: Date };

/**
 * A ClientRequestToken (1–128 of [a-zA-Z0-9][-a-zA-Z0-9]*, CloudFormation API reference) unique to one operation of
 * one run: a retried DeleteStack with an old token would be taken for the old request and do nothing.
 */
export function operationToken(kind: string): string {
  return `ecs-amp-action-${kind}-${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/**
 * Waits for the stack to leave *_IN_PROGRESS, printing each new event of the operation as it happens. With a token
 * one DescribeStackEvents a poll is the whole wait: the stack's own events carry its status, and DescribeStacks is
 * asked only once one of them says the operation ended (and for the outputs). Without one (an earlier run's
 * operation), DescribeStacks is polled.
 */
export async function waitForStack(
  cfn: CloudFormationClient,
  stackId: string,
  scope: EventScope,
  opts: WaitOptions,
  { quietEvents = false } = {},
): Promise<Stack> {
  const seen = new Set<string>();
  const name = stackName(stackId);
  const byToken = 'token' in scope && !quietEvents;
  let status = 'waiting for its first event';
  const describe = async () => (await call('DescribeStacks', 'cloudformation:DescribeStacks', () =>
    cfn.send(new DescribeStacksCommand({ StackName: stackId })))).Stacks![0];
  return pollUntil({
    what: `stack ${name}`,
    deadline: opts.deadline,
    log: opts.log,
    expected: EXPECTED.stack,
    // An operation this run started is in progress the moment it is accepted.
    justStarted: 'token' in scope,
    check: async () => {
      if (byToken) {
        const fresh = await newEvents(cfn, stackId, scope, seen);
        for (const e of fresh) opts.log(formatEvent(e));
        const own = fresh.filter((e) => e.LogicalResourceId === name && e.ResourceType === 'AWS::CloudFormation::Stack');
        if (own.length > 0) status = own.at(-1)!.ResourceStatus ?? status;
        if (own.some((e) => !isInProgress(e.ResourceStatus))) {
          // A terminal event may be a step of a longer operation (a failed create that OnStackFailure deletes): the
          // stack's status decides.
          const stack = await describe();
          if (!isInProgress(stack.StackStatus)) {
            for (const e of await newEvents(cfn, stackId, scope, seen)) opts.log(formatEvent(e));
            return { done: true, value: stack };
          }
          status = stack.StackStatus ?? status;
        }
        if (opts.onPoll) await opts.onPoll();
        return { done: false, status };
      }
      if (!quietEvents) for (const e of await newEvents(cfn, stackId, scope, seen)) opts.log(formatEvent(e));
      const stack = await describe();
      if (opts.onPoll) await opts.onPoll();
      if (!isInProgress(stack.StackStatus)) {
        if (!quietEvents) for (const e of await newEvents(cfn, stackId, scope, seen)) opts.log(formatEvent(e));
        return { done: true, value: stack };
      }
      return { done: false, status: stack.StackStatus ?? 'UNKNOWN' };
    },
  });
}

/**
 * The operation's events not yet seen, oldest first. Pages stop at the first event already seen or not of the
 * operation: a stack runs one operation at a time, so its events are the newest, one unbroken run of them.
 */
async function newEvents(cfn: CloudFormationClient, stackId: string, scope: EventScope, seen: Set<string>): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  const ours = (e: StackEvent) => ('token' in scope ? e.ClientRequestToken === scope.token : !e.Timestamp || e.Timestamp >= scope.since);
  let token: string | undefined;
  do {
    const page = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () =>
      cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token })));
    for (const e of page.StackEvents ?? []) {
      if (seen.has(e.EventId!) || !ours(e)) return finish();
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
export async function rootCause(cfn: CloudFormationClient, stackId: string, scope: EventScope): Promise<string | undefined> {
  const events = await newEvents(cfn, stackId, scope, new Set());
  const failed = events.find((e) =>
    e.ResourceStatus?.endsWith('_FAILED') && e.ResourceStatusReason && !/cancelled|canceled/i.test(e.ResourceStatusReason) &&
    e.LogicalResourceId !== stackName(stackId));
  return failed ? `${failed.LogicalResourceId} (${failed.ResourceType}) ${failed.ResourceStatus}: ${failed.ResourceStatusReason}` : undefined;
}

export async function deleteStack(cfn: CloudFormationClient, stackId: string, opts: WaitOptions): Promise<void> {
  const scope = { token: operationToken('delete') };
  await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new DeleteStackCommand({ StackName: stackId, ClientRequestToken: scope.token })));
  const final = await waitForStack(cfn, stackId, scope, opts);
  if (final.StackStatus !== 'DELETE_COMPLETE') {
    const cause = await rootCause(cfn, stackId, scope);
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
  /**
   * absent: there was no stack (already destroyed, or never deployed). kept: an empty stack a dry
   * run left (REVIEW_IN_PROGRESS, no resources, so no tags) that this role may not delete.
   */
  outcome: 'deleted' | 'absent' | 'kept';
  stackId?: string;
  reason?: string;
}

/** Attempts at DeleteStack when resources fail to delete: most such failures are eventual (ENIs, dependencies). */
const DELETE_ATTEMPTS = 3;

/**
 * Deletes a stack the action owns, streaming its events. Refuses a stack whose tags do not name
 * this repository and environment, even when named explicitly. A stack still being deployed is
 * waited for first (a late deploy), and DELETE_FAILED is retried, each time naming the resources
 * that failed and why.
 */
export async function destroyStack(cfn: CloudFormationClient, name: string, owner: Ownership, opts: WaitOptions & { ownershipFix?: string }): Promise<DestroyStackResult> {
  let stack = await describeStack(cfn, name);
  if (!stack) return { outcome: 'absent' };
  await assertOwned(cfn, stack, owner, 'delete', opts.ownershipFix ?? DEFAULT_OWNERSHIP_FIX);
  const stackId = stack.StackId!;
  if (stack.StackStatus === 'REVIEW_IN_PROGRESS') {
    // Untagged until executed, so IAM's aws:ResourceTag condition on DeleteStack refuses it; it holds nothing.
    const scope = { token: operationToken('delete') };
    const denied = await cfn.send(new DeleteStackCommand({ StackName: stackId, ClientRequestToken: scope.token })).then(() => undefined, (err: unknown) => {
      if (isAccessDenied(err)) return (err as Error).message;
      throw Object.assign(new ActionError(describeAwsError('CloudFormation DeleteStack', err), permissionFix(err, 'cloudformation:DeleteStack')), { cause: err });
    });
    if (denied) return { outcome: 'kept', stackId, reason: 'an empty REVIEW_IN_PROGRESS stack a dry run left: no resources and no tags, so this role may not delete it; delete it by hand or let the next deploy create into it' };
    await waitForStack(cfn, stackId, scope, opts);
    return { outcome: 'deleted', stackId };
  }
  if (isInProgress(stack.StackStatus) && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
    opts.log(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting`);
    stack = await waitForStack(cfn, stackId, { since: new Date(0) }, opts, { quietEvents: true });
  }
  for (let attempt = 1; ; attempt++) {
    // A deletion already under way is another run's, so it has no token of ours: only then the clock.
    const scope: EventScope = stack.StackStatus === 'DELETE_IN_PROGRESS' ? { since: new Date() } : { token: operationToken('delete') };
    if ('token' in scope) {
      const token = scope.token;
      opts.log(`Deleting stack ${name} (${stack.StackStatus})${attempt > 1 ? `, attempt ${attempt} of ${DELETE_ATTEMPTS}` : ''}`);
      await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new DeleteStackCommand({ StackName: stackId, ClientRequestToken: token })));
    }
    stack = await waitForStack(cfn, stackId, scope, opts);
    if (stack.StackStatus === 'DELETE_COMPLETE') return { outcome: 'deleted', stackId };
    const failed = await failedDeletes(cfn, stackId, scope);
    const detail = failed.length ? failed.join('; ') : (stack.StackStatusReason ?? 'no reason given');
    if (attempt >= DELETE_ATTEMPTS) {
      throw new ActionError(`Deleting stack ${name} ended in ${stack.StackStatus} after ${attempt} attempts: ${detail}`,
        'Remove what blocks the resources named above (or delete them by hand), then re-run destroy; the stack and its tags are kept so cleanup finds it again.');
    }
    opts.log(`Stack ${name} is ${stack.StackStatus}: ${detail}; retrying`);
  }
}

async function failedDeletes(cfn: CloudFormationClient, stackId: string, scope: EventScope): Promise<string[]> {
  return (await newEvents(cfn, stackId, scope, new Set()))
    .filter((e) => e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack')
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
      // Every environment of the repository, whatever its PR: the sweep passes each one's own PR on.
      if (!environment || tags[TAG_MANAGED_BY] !== MANAGED_BY || tags[TAG_REPOSITORY] !== repository || stack.StackStatus === 'DELETE_COMPLETE') continue;
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
