import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, IamState, Latencies, Transition } from '../../core/types';
import type { Authorizer } from '../../iam/types';
import { EcsModel } from '../ecs';
import type { LogsModel } from '../logs';
import { findRoleByArn, trustsService } from '../iam';
import { denialMessage, HandlerCall, handlerCalls, HandlerSubject, resourceTagSet } from './handler-calls';
import type { HandlerName } from './handler-permissions';
import { ResolvedResource } from './intrinsics';
import {
  activeResources, checkCapabilities, checkProperties, CurrentResource, diffResources, evalContext, resolveOutputs,
  resolveParameters, resolveProperties, resourceDependencies, resourceOrder, ResourceChange, Scope, validateTemplate,
} from './plan';
import { PROVIDERS, ProviderContext } from './providers';
import { parseTemplate, Template } from './template';

interface ResourceState {
  logicalId: string;
  type: string;
  physicalId: string;
  properties: Record<string, unknown>;
  attributes: Record<string, string>;
  /** The tags the handler gave it: system, stack and its own (for aws:ResourceTag on later calls). */
  tags: Record<string, string>;
  status: string;
  updatedAt: Date;
}

/** One handler permission CloudFormation performed, and IAM's answer. */
export interface PerformedPermission {
  principal: string;
  stackName: string;
  logicalId: string;
  type: string;
  handler: HandlerName;
  action: string;
  resource: string;
  allowed: boolean;
}

interface StackEvent {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Timestamp: Date;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ClientRequestToken?: string;
}

interface Desired {
  templateBody: string;
  template: Template;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  capabilities: string[];
  roleArn?: string;
}

interface ChangeSet extends Desired {
  id: string;
  name: string;
  stackId: string;
  type: 'CREATE' | 'UPDATE';
  status: string;
  executionStatus: string;
  statusReason?: string;
  createdAt: Date;
  changes: ResourceChange[];
  /** What a failed CREATE does (CreateChangeSet OnStackFailure): ROLLBACK unless told. */
  onStackFailure?: 'DO_NOTHING' | 'ROLLBACK' | 'DELETE';
}

interface Stack extends Desired {
  id: string;
  name: string;
  region: string;
  accountId: string;
  status: string;
  statusReason?: string;
  createdAt: Date;
  updatedAt?: Date;
  deletedAt?: Date;
  resources: Map<string, ResourceState>;
  outputs: { OutputKey: string; OutputValue: string; Description?: string; ExportName?: string }[];
  events: StackEvent[];
  changeSets: Map<string, ChangeSet>;
  tokens: Set<string>;
}

interface InjectedFailure {
  match: { logicalId?: string; type?: string; stackName?: string };
  reason: string;
  once: boolean;
  operation?: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Fail while rolling back (leaving UPDATE_ROLLBACK_FAILED) instead of while deploying. */
  duringRollback?: boolean;
}

/**
 * An awsQuery request as decoded from the wire: untyped until each operation checks the members it
 * reads, as the service does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type QueryInput = Record<string, any>;

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
const CHANGE_SET_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
/**
 * ClientRequestToken of CreateStack, UpdateStack, DeleteStack, ExecuteChangeSet and ContinueUpdateRollback: 1–128 of
 * [a-zA-Z0-9][-a-zA-Z0-9]* (the ClientRequestToken shape of CloudFormation's 2010-05-15 service model).
 */
function requireRequestToken(token: unknown): void {
  if (token === undefined) return;
  if (typeof token !== 'string' || token.length < 1 || token.length > 128 || !/^[a-zA-Z0-9][-a-zA-Z0-9]*$/.test(token)) {
    throw validation(`1 validation error detected: Value '${String(token)}' at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9][-a-zA-Z0-9]*`);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const validation = (message: string) => new AwsError('ValidationError', message, 400);
/** The session name CloudFormation gives the service role it assumes for a stack operation. */
const SERVICE_ROLE_SESSION = 'AWSCloudFormation';

/** CloudFormation (query protocol): stacks, change sets, events and rollbacks over the resource providers. */
export class CloudFormationModel {
  private readonly stacks: Stack[] = [];
  private readonly failures: InjectedFailure[] = [];
  private readonly performedLog: PerformedPermission[] = [];
  /** Each stack operation (first *_IN_PROGRESS to its end state) and change set creation, for the benchmarks. */
  readonly transitions: Transition[] = [];
  /** When the running operation of each stack (by id) began. */
  private readonly operationStarted = new Map<string, number>();
  private authorizer?: Authorizer;
  /** Test hook: DescribeChangeSet pages at 1 MB as the service does; smaller makes a small change set paged. */
  changeSetPageBytes = 1_000_000;
  /**
   * Test hook: how far CloudFormation's clock (its events' Timestamp) is ahead of the runner's (negative: behind), so a
   * wait that scoped events by the runner's clock would show the wrong ones.
   */
  eventClockSkewMs = 0;

  /**
   * `authorizer` answers each handler permission CloudFormation performs for a stack operation, as
   * the caller (or the stack's service role). Without one, every permission is allowed (and still
   * recorded in `performed()`).
   */
  constructor(private readonly deps: { iam: IamState; ecs: EcsModel; logs?: LogsModel; latencies: () => Latencies; accountId: string; authorizer?: Authorizer }) {
    this.authorizer = deps.authorizer;
  }

  /** Test hook: from now on, handler permissions are answered by `authorizer` (undefined: all allowed). */
  useAuthorizer(authorizer: Authorizer | undefined): void {
    this.authorizer = authorizer;
  }

  /** The handler permissions performed so far, oldest first, optionally of one stack. */
  performed(stackName?: string): PerformedPermission[] {
    return this.performedLog.filter((p) => !stackName || p.stackName === stackName).map((p) => ({ ...p }));
  }

  clearPerformed(): void {
    this.performedLog.length = 0;
  }

  injectResourceFailure(match: InjectedFailure['match'], reason: string, opts: { once?: boolean; operation?: InjectedFailure['operation']; duringRollback?: boolean } = {}): void {
    this.failures.push({ match, reason, once: opts.once ?? true, operation: opts.operation, duringRollback: opts.duringRollback });
  }

  async call(action: string, input: QueryInput, ctx: CallContext): Promise<Record<string, unknown>> {
    switch (action) {
      case 'CreateStack': return this.createStack(input, ctx);
      case 'UpdateStack': return this.updateStack(input, ctx);
      case 'DeleteStack': return this.deleteStack(input, ctx);
      case 'DescribeStacks': return this.describeStacks(input, ctx);
      case 'ListStacks': return this.listStacks(input, ctx);
      case 'DescribeStackEvents': return this.describeStackEvents(input, ctx);
      case 'DescribeStackResources': return this.describeStackResources(input, ctx);
      case 'GetTemplate': return this.getTemplate(input, ctx);
      case 'ValidateTemplate': return this.validate(input);
      case 'CreateChangeSet': return this.createChangeSet(input, ctx);
      case 'DescribeChangeSet': return this.describeChangeSet(input, ctx);
      case 'ExecuteChangeSet': return this.executeChangeSet(input, ctx);
      case 'DeleteChangeSet': return this.deleteChangeSet(input, ctx);
      case 'ListChangeSets': return this.listChangeSets(input, ctx);
      case 'ContinueUpdateRollback': return this.continueUpdateRollback(input, ctx);
      default: throw new AwsError('InvalidAction', `Could not find operation ${action} for version 2010-05-15`, 400);
    }
  }

  /** Test hook: makes a live stack look `ms` older (created and last updated that much earlier), as if time had passed. */
  age(stackName: string, ms: number): void {
    const stack = this.stacks.find((s) => s.name === stackName && s.status !== 'DELETE_COMPLETE');
    if (!stack) throw new Error(`no live stack ${stackName}`);
    stack.createdAt = new Date(stack.createdAt.getTime() - ms);
    if (stack.updatedAt) stack.updatedAt = new Date(stack.updatedAt.getTime() - ms);
  }

  snapshot() {
    return this.stacks.map((s) => ({
      stackId: s.id, stackName: s.name, region: s.region, status: s.status, tags: s.tags, parameters: s.parameters,
      outputs: Object.fromEntries(s.outputs.map((o) => [o.OutputKey, o.OutputValue])),
      resources: [...s.resources.values()].map((r) => ({ logicalId: r.logicalId, type: r.type, physicalId: r.physicalId, status: r.status })),
    }));
  }

  // --- API ---------------------------------------------------------------------------------------

  private validate(input: QueryInput) {
    const template = parseTemplate(requireBody(input));
    validateTemplate(template);
    return {
      Parameters: Object.entries(template.Parameters ?? {}).map(([ParameterKey, p]) => ({ ParameterKey, DefaultValue: p.Default, NoEcho: Boolean(p.NoEcho), Description: p.Description })),
      Description: template.Description,
      Capabilities: [],
    };
  }

  private createStack(input: QueryInput, ctx: CallContext) {
    requireRequestToken(input.ClientRequestToken);
    const name = requireStackName(input.StackName);
    const existing = this.live(name, ctx);
    if (existing && input.ClientRequestToken && existing.tokens.has(input.ClientRequestToken)) return { StackId: existing.id };
    if (existing) throw new AwsError('AlreadyExistsException', `Stack [${name}] already exists`, 400);
    const desired = this.desired(input, ctx, {});
    const principal = this.operationPrincipal(ctx, desired.roleArn);
    const stack = this.newStack(name, ctx, desired, 'CREATE_IN_PROGRESS');
    if (input.ClientRequestToken) stack.tokens.add(input.ClientRequestToken);
    void this.deploy(stack, desired, 'CREATE', principal, input.ClientRequestToken);
    return { StackId: stack.id };
  }

  private updateStack(input: QueryInput, ctx: CallContext) {
    requireRequestToken(input.ClientRequestToken);
    const stack = this.mustFind(input.StackName, ctx);
    this.assertUpdatable(stack);
    const desired = this.desired({ ...input, TemplateBody: input.UsePreviousTemplate === 'true' ? stack.templateBody : input.TemplateBody }, ctx, stack.parameters, stack.tags, stack.roleArn);
    if (this.changesFor(stack, desired).length === 0 && sameSettings(stack, desired)) throw validation('No updates are to be performed.');
    const principal = this.operationPrincipal(ctx, desired.roleArn);
    void this.deploy(stack, desired, 'UPDATE', principal, input.ClientRequestToken);
    return { StackId: stack.id };
  }

  private deleteStack(input: QueryInput, ctx: CallContext) {
    requireRequestToken(input.ClientRequestToken);
    const stack = this.find(input.StackName, ctx);
    // Deleting a stack that is gone succeeds silently, as in CloudFormation.
    if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS') return {};
    if (stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS') {
      throw validation(`Stack [${stack.name}] cannot be deleted while in status ${stack.status}`);
    }
    // A RoleARN given here becomes the stack's role; otherwise the one it has is used.
    const roleArn = input.RoleARN ?? stack.roleArn;
    const principal = this.operationPrincipal(ctx, roleArn);
    stack.roleArn = roleArn;
    void this.destroy(stack, principal, input.ClientRequestToken);
    return {};
  }

  private describeStacks(input: QueryInput, ctx: CallContext) {
    const stacks = input.StackName ? [this.mustFind(input.StackName, ctx, true)] : this.stacks.filter((s) => s.region === ctx.region && s.status !== 'DELETE_COMPLETE');
    return { Stacks: stacks.map(describe) };
  }

  private listStacks(input: QueryInput, ctx: CallContext) {
    const filter: string[] | undefined = input.StackStatusFilter;
    return {
      StackSummaries: this.stacks.filter((s) => s.region === ctx.region && (!filter || filter.includes(s.status))).map((s) => ({
        StackId: s.id, StackName: s.name, StackStatus: s.status, StackStatusReason: s.statusReason, CreationTime: s.createdAt,
        LastUpdatedTime: s.updatedAt, DeletionTime: s.deletedAt, TemplateDescription: s.template.Description,
      })),
    };
  }

  private describeStackEvents(input: QueryInput, ctx: CallContext) {
    const stack = this.mustFind(input.StackName, ctx, true);
    const start = input.NextToken ? Number(Buffer.from(String(input.NextToken), 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw validation('Invalid NextToken');
    const newestFirst = [...stack.events].reverse();
    const page = newestFirst.slice(start, start + 100);
    return { StackEvents: page, NextToken: start + 100 < newestFirst.length ? Buffer.from(String(start + 100)).toString('base64url') : undefined };
  }

  private describeStackResources(input: QueryInput, ctx: CallContext) {
    const stack = this.mustFind(input.StackName, ctx, true);
    return {
      StackResources: [...stack.resources.values()].map((r) => ({
        StackName: stack.name, StackId: stack.id, LogicalResourceId: r.logicalId, PhysicalResourceId: r.physicalId,
        ResourceType: r.type, Timestamp: r.updatedAt, ResourceStatus: r.status,
      })),
    };
  }

  private getTemplate(input: QueryInput, ctx: CallContext) {
    if (input.ChangeSetName) {
      const cs = this.findChangeSet(input.ChangeSetName, input.StackName, ctx);
      return { TemplateBody: cs.templateBody, StagesAvailable: ['Original', 'Processed'] };
    }
    const stack = this.mustFind(input.StackName, ctx, true);
    return { TemplateBody: stack.templateBody, StagesAvailable: ['Original', 'Processed'] };
  }

  private createChangeSet(input: QueryInput, ctx: CallContext) {
    const name = requireStackName(input.StackName);
    if (!CHANGE_SET_NAME.test(String(input.ChangeSetName ?? ''))) {
      throw validation(`1 validation error detected: Value '${String(input.ChangeSetName)}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
    }
    const type = (input.ChangeSetType ?? 'UPDATE') as string;
    if (!['CREATE', 'UPDATE', 'IMPORT'].includes(type)) throw validation(`Invalid ChangeSetType ${type}`);
    if (type === 'IMPORT') throw validation('ChangeSetType IMPORT is not supported by the sandbox');
    let stack = this.live(name, ctx);
    if (type === 'CREATE' && stack && stack.status !== 'REVIEW_IN_PROGRESS') {
      throw validation(`Stack [${name}] already exists and cannot be created again with the changeSet [${String(input.ChangeSetName)}].`);
    }
    if (type === 'UPDATE') {
      if (!stack || stack.status === 'REVIEW_IN_PROGRESS') throw validation(`Stack [${name}] does not exist`);
      this.assertUpdatable(stack);
    }
    // CreateChangeSet API reference: OnStackFailure is DO_NOTHING | ROLLBACK | DELETE, DELETE "only valid
    // when the ChangeSetType parameter is set to CREATE".
    const onStackFailure = input.OnStackFailure as ChangeSet['onStackFailure'] | undefined;
    if (onStackFailure !== undefined && !['DO_NOTHING', 'ROLLBACK', 'DELETE'].includes(onStackFailure)) {
      throw validation(`1 validation error detected: Value '${String(onStackFailure)}' at 'onStackFailure' failed to satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]`);
    }
    if (onStackFailure === 'DELETE' && type !== 'CREATE') throw validation('OnStackFailure DELETE is only valid for change sets of type CREATE');
    const desired = this.desired(input, ctx, stack?.parameters ?? {}, stack?.tags, stack?.roleArn);
    // The role is checked when the change set is made, as CloudFormation does, and again when it runs.
    this.operationPrincipal(ctx, desired.roleArn);
    // The empty stack a CREATE change set makes has no tags until the change set is executed: only the
    // change set carries them (AWS-validated snapshot in localstack/localstack,
    // tests/aws/services/cloudformation/api/test_stacks.py test_stack_description_lifecycle[with-tags]:
    // DescribeStacks "stack-pre-execute" has Tags [], DescribeChangeSet and "stack-post-execute" have them).
    stack ??= this.newStack(name, ctx, { ...desired, template: desired.template, tags: {} }, 'REVIEW_IN_PROGRESS');
    if ([...stack.changeSets.values()].some((c) => c.name === input.ChangeSetName)) {
      throw new AwsError('AlreadyExistsException', `ChangeSet [${String(input.ChangeSetName)}] already exists`, 400);
    }
    const cs: ChangeSet = {
      ...desired,
      id: `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:changeSet/${String(input.ChangeSetName)}/${randomUUID()}`,
      name: String(input.ChangeSetName),
      stackId: stack.id,
      type: type as 'CREATE' | 'UPDATE',
      status: 'CREATE_PENDING',
      executionStatus: 'UNAVAILABLE',
      createdAt: new Date(),
      changes: [],
      onStackFailure,
    };
    stack.changeSets.set(cs.id, cs);
    const target = stack;
    setTimeout(() => {
      cs.changes = this.changesFor(target, cs);
      if (cs.changes.length === 0 && (cs.type === 'UPDATE' ? sameSettings(target, cs) : false)) {
        cs.status = 'FAILED';
        cs.statusReason = "The submitted information didn't contain changes. Submit different information to create a change set.";
      } else {
        cs.status = 'CREATE_COMPLETE';
        cs.executionStatus = 'AVAILABLE';
      }
      this.transitions.push({ service: 'cloudformation', resource: cs.name, stack: target.name, kind: 'changeset', to: cs.status, startedAt: cs.createdAt.getTime(), doneAt: Date.now() });
    }, this.deps.latencies().cfnResource['ChangeSet'] ?? 300).unref();
    return { Id: cs.id, StackId: stack.id };
  }

  private describeChangeSet(input: QueryInput, ctx: CallContext) {
    const cs = this.findChangeSet(input.ChangeSetName, input.StackName, ctx);
    const stack = this.stacks.find((s) => s.id === cs.stackId)!;
    const withValues = booleanMember(input.IncludePropertyValues, 'includePropertyValues');
    const all = cs.changes.map((c) => ({ Type: 'Resource', ResourceChange: withValues ? c : withoutValues(c) }));
    // The Changes are paged once the answer passes 1 MB (DescribeChangeSetOutput.NextToken: "If the output exceeds
    // 1 MB, a string that identifies the next page of changes"); the token is opaque, so a foreign one is refused.
    const start = input.NextToken === undefined ? 0 : Number(Buffer.from(String(input.NextToken), 'base64url').toString());
    if (!Number.isInteger(start) || start < 0 || start > all.length) throw validation('Invalid NextToken');
    let end = start;
    for (let bytes = 0; end < all.length && (end === start || bytes + JSON.stringify(all[end]).length <= this.changeSetPageBytes); end++) bytes += JSON.stringify(all[end]).length;
    return {
      ChangeSetName: cs.name, ChangeSetId: cs.id, StackId: stack.id, StackName: stack.name, Status: cs.status, StatusReason: cs.statusReason,
      ExecutionStatus: cs.executionStatus, CreationTime: cs.createdAt, Capabilities: cs.capabilities,
      Parameters: maskedParameters(cs.template, cs.parameters),
      Tags: Object.entries(cs.tags).map(([Key, Value]) => ({ Key, Value })),
      Changes: all.slice(start, end),
      NextToken: end < all.length ? Buffer.from(String(end)).toString('base64url') : undefined,
    };
  }

  private executeChangeSet(input: QueryInput, ctx: CallContext) {
    requireRequestToken(input.ClientRequestToken);
    const cs = this.findChangeSet(input.ChangeSetName, input.StackName, ctx);
    const stack = this.stacks.find((s) => s.id === cs.stackId)!;
    if (input.ClientRequestToken && stack.tokens.has(input.ClientRequestToken) && cs.executionStatus !== 'AVAILABLE') return {};
    if (cs.executionStatus !== 'AVAILABLE') {
      throw new AwsError('InvalidChangeSetStatus', `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.executionStatus}]`, 400);
    }
    if (cs.type === 'UPDATE') this.assertUpdatable(stack);
    else if (stack.status !== 'REVIEW_IN_PROGRESS') throw validation(`Stack:${stack.id} is in ${stack.status} state and can not be updated.`);
    const principal = this.operationPrincipal(ctx, cs.roleArn);
    cs.executionStatus = 'EXECUTE_IN_PROGRESS';
    // Executing a CREATE change set gives the stack its tags (same source as above), so a failed first
    // create (ROLLBACK_COMPLETE) carries them too.
    if (cs.type === 'CREATE') stack.tags = { ...cs.tags };
    for (const other of stack.changeSets.values()) if (other !== cs) other.executionStatus = 'OBSOLETE';
    if (input.ClientRequestToken) stack.tokens.add(input.ClientRequestToken);
    void this.deploy(stack, cs, cs.type, principal, input.ClientRequestToken).then(() => {
      cs.executionStatus = 'EXECUTE_COMPLETE';
      stack.changeSets.clear();
    });
    return {};
  }

  private deleteChangeSet(input: QueryInput, ctx: CallContext) {
    const cs = this.findChangeSet(input.ChangeSetName, input.StackName, ctx);
    if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') throw new AwsError('InvalidChangeSetStatus', `ChangeSet [${cs.id}] cannot be deleted in status EXECUTE_IN_PROGRESS`, 400);
    const stack = this.stacks.find((s) => s.id === cs.stackId)!;
    stack.changeSets.delete(cs.id);
    return {};
  }

  private listChangeSets(input: QueryInput, ctx: CallContext) {
    const stack = this.mustFind(input.StackName, ctx);
    return {
      Summaries: [...stack.changeSets.values()].map((cs) => ({
        ChangeSetId: cs.id, ChangeSetName: cs.name, StackId: stack.id, StackName: stack.name, Status: cs.status,
        ExecutionStatus: cs.executionStatus, StatusReason: cs.statusReason, CreationTime: cs.createdAt,
      })),
    };
  }

  private continueUpdateRollback(input: QueryInput, ctx: CallContext) {
    requireRequestToken(input.ClientRequestToken);
    const stack = this.mustFind(input.StackName, ctx);
    if (stack.status !== 'UPDATE_ROLLBACK_FAILED') {
      throw validation(`Stack ${stack.id} is in ${stack.status} state and can not continue update rollback. It must be in UPDATE_ROLLBACK_FAILED state.`);
    }
    const roleArn = input.RoleARN ?? stack.roleArn;
    this.operationPrincipal(ctx, roleArn);
    stack.roleArn = roleArn;
    void (async () => {
      this.setStatus(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', undefined, input.ClientRequestToken);
      await sleep(this.latency('default'));
      // What could not be rolled back is kept as it is now (skipped), as after a successful continue.
      this.setStatus(stack, 'UPDATE_ROLLBACK_COMPLETE', undefined, input.ClientRequestToken);
    })();
    return {};
  }

  // --- state machine -----------------------------------------------------------------------------

  /**
   * Every resource operation of a stack operation, its rollback included, runs as `principal`: the
   * caller who started it, or the session CloudFormation opens with the stack's service role.
   */
  private async deploy(stack: Stack, desired: Desired & { onStackFailure?: ChangeSet['onStackFailure'] }, kind: 'CREATE' | 'UPDATE', principal: string, token?: string): Promise<void> {
    const prefix = kind === 'CREATE' ? 'CREATE' : 'UPDATE';
    const before = new Map([...stack.resources].map(([id, r]) => [id, { ...r }]));
    const previous: Desired = { templateBody: stack.templateBody, template: stack.template, parameters: stack.parameters, tags: stack.tags, capabilities: stack.capabilities, roleArn: stack.roleArn };
    this.setStatus(stack, `${prefix}_IN_PROGRESS`, 'User Initiated', token);
    const failed: string[] = [];
    try {
      const scope = scopeOf(stack);
      const ctx = evalContext(desired.template, desired.parameters, scope, (id) => resolved(stack, id));
      const ids = activeResources(desired.template, ctx);
      for (const wave of resourceOrder(desired.template, ids)) {
        const results = await Promise.allSettled(wave.map((id) => this.provision(stack, desired, id, principal, token)));
        results.forEach((r, i) => { if (r.status === 'rejected') failed.push(wave[i]); });
        if (failed.length > 0) throw new Error(failed.join(', '));
      }
      // Resources dropped from the template go after everything new is in place.
      const removed = [...stack.resources.keys()].filter((id) => !ids.includes(id));
      if (kind === 'UPDATE' && removed.length > 0) {
        this.setStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', undefined, token);
        for (const id of removed.reverse()) await this.remove(stack, id, principal, token);
      }
      Object.assign(stack, { templateBody: desired.templateBody, template: desired.template, parameters: desired.parameters, tags: desired.tags, capabilities: desired.capabilities, roleArn: desired.roleArn });
      stack.outputs = resolveOutputs(desired.template, evalContext(desired.template, desired.parameters, scope, (id) => resolved(stack, id)));
      if (kind === 'UPDATE') stack.updatedAt = new Date();
      this.setStatus(stack, `${prefix}_COMPLETE`, undefined, token);
      return;
    } catch (err) {
      if (failed.length === 0) failed.push((err as Error).message);
    }
    if (kind === 'CREATE' && desired.onStackFailure === 'DO_NOTHING') {
      this.setStatus(stack, 'CREATE_FAILED', `The following resource(s) failed to create: [${failed.join(', ')}]. `, token);
      return;
    }
    // OnStackFailure DELETE: the failed stack is deleted as DeleteStack would, as the same principal.
    if (kind === 'CREATE' && desired.onStackFailure === 'DELETE') return this.destroy(stack, principal, token);
    // Roll back: undo what this operation did, newest first, as the same principal. A resource
    // that cannot be deleted stays, and so does everything it depends on; the rest goes on.
    const rollbackStatus = kind === 'CREATE' ? 'ROLLBACK' : 'UPDATE_ROLLBACK';
    this.setStatus(stack, `${rollbackStatus}_IN_PROGRESS`, `The following resource(s) failed to ${kind.toLowerCase()}: [${failed.join(', ')}]. Rollback requested by user.`, token);
    const stuck: string[] = [];
    const kept = new Set<string>();
    for (const id of [...stack.resources.keys()].reverse()) {
      const old = before.get(id);
      try {
        if (!old) {
          if (kept.has(id)) continue;
          await this.remove(stack, id, principal, token);
        } else if (JSON.stringify(old.properties) !== JSON.stringify(stack.resources.get(id)!.properties)) {
          await this.provision(stack, previous, id, principal, token, true);
        }
      } catch {
        stuck.push(id);
        for (const dep of resourceDependencies(desired.template, id)) kept.add(dep);
      }
    }
    if (kind === 'UPDATE') stack.updatedAt = new Date();
    if (stuck.length === 0) this.setStatus(stack, `${rollbackStatus}_COMPLETE`, undefined, token);
    else this.setStatus(stack, `${rollbackStatus}_FAILED`, `The following resource(s) failed to ${stuck.every((id) => !before.has(id)) ? 'delete' : 'update'}: [${stuck.join(', ')}]. `, token);
  }

  /**
   * Creates or updates one resource, with its latency, events and the handler permissions it
   * performs. Throws on failure (the reason is in the resource's FAILED event).
   */
  private async provision(stack: Stack, desired: Desired, id: string, principal: string, token?: string, rollback = false): Promise<void> {
    const decl = desired.template.Resources[id];
    const existing = stack.resources.get(id);
    const ctx = evalContext(desired.template, desired.parameters, scopeOf(stack), (rid) => resolved(stack, rid));
    const props = resolveProperties(decl.Properties, ctx);
    const tags = resourceTagSet(decl.Type, { name: stack.name, id: stack.id, tags: desired.tags }, id, props);
    if (existing && existing.type === decl.Type && JSON.stringify(existing.properties) === JSON.stringify(props) && sameRecord(existing.tags, tags)) return;
    const operation = existing ? 'UPDATE' : 'CREATE';
    const pctx = this.providerContext(stack, id, desired.tags);
    this.event(stack, id, decl.Type, existing?.physicalId, `${operation}_IN_PROGRESS`, undefined, token);
    await sleep(this.latency(decl.Type));
    const fail = (reason: string, physicalId = existing?.physicalId): never => {
      this.event(stack, id, decl.Type, physicalId, `${operation}_FAILED`, reason, token);
      throw new Error(id);
    };
    const problem = checkProperties(decl.Type, props);
    if (problem) fail(problem);
    const injected = this.takeFailure(stack, id, decl.Type, operation, rollback);
    if (injected) fail(injected);
    const provider = PROVIDERS[decl.Type];
    const replace = existing && (existing.type !== decl.Type || provider.replaceOn.some((p) => JSON.stringify(existing.properties[p]) !== JSON.stringify(props[p])));
    const as = (handler: HandlerName, extra: Partial<HandlerSubject>): HandlerSubject => this.subject(stack, decl.Type, handler, props, tags, extra);
    let result: { physicalId: string; attributes: Record<string, string> };
    try {
      if (existing && !replace) {
        const update = as('update', { previous: existing.properties, physicalId: existing.physicalId, currentTags: existing.tags });
        const denied = await this.perform(stack, principal, id, decl.Type, 'update', handlerCalls(update));
        if (denied) fail(denied);
        result = await provider.update(existing.physicalId, props, pctx);
      } else {
        pctx.physicalName = provider.physicalName?.(props, pctx);
        const create = as('create', { name: pctx.physicalName, taskDefinitionRevision: this.nextRevision(decl.Type, pctx.physicalName) });
        const calls = handlerCalls(create);
        // Denied while asking to create it: nothing was made.
        const denied = await this.perform(stack, principal, id, decl.Type, 'create', calls.filter((c) => c.phase === 'request'));
        if (denied) fail(denied);
        result = await provider.create(props, pctx);
        // From here the resource exists: a denial fails it as it is, for the rollback to delete.
        const made = as('create', { name: pctx.physicalName, physicalId: result.physicalId });
        const later = await this.perform(stack, principal, id, decl.Type, 'create', handlerCalls(made).filter((c) => c.phase === 'after'));
        if (later) {
          // The handler stopped at the refused call: a role holds none of the policies it was still
          // to be given (conservatively, none at all), never one IAM refused to attach.
          const role = decl.Type === 'AWS::IAM::Role' ? this.deps.iam.roles.get(result.physicalId) : undefined;
          if (role) Object.assign(role, { policies: {}, managedPolicyArns: [] });
          if (existing) provider.delete(result.physicalId, pctx);
          else this.keep(stack, id, decl.Type, result, props, tags, 'CREATE_FAILED');
          fail(later, result.physicalId);
        }
      }
    } catch (err) {
      if ((err as Error).message === id) throw err;
      fail((err as Error).message);
    }
    // What CloudFormation reads back once the handler is done.
    const read = handlerCalls(this.subject(stack, decl.Type, 'read', props, tags, { physicalId: result!.physicalId, currentTags: tags }));
    const readDenied = await this.perform(stack, principal, id, decl.Type, 'read', read).catch((err: Error) => err.message);
    if (existing && replace) await this.retire(stack, principal, existing, pctx, token);
    this.keep(stack, id, decl.Type, result!, props, tags, readDenied ? `${operation}_FAILED` : `${operation}_COMPLETE`);
    if (readDenied) fail(readDenied, result!.physicalId);
    this.event(stack, id, decl.Type, result!.physicalId, `${operation}_COMPLETE`, undefined, token);
  }

  /** The resource a replacement superseded goes, if its delete handler may; otherwise it is left behind, as CloudFormation's cleanup leaves it. */
  private async retire(stack: Stack, principal: string, old: ResourceState, pctx: ProviderContext, token?: string): Promise<void> {
    const calls = handlerCalls(this.subject(stack, old.type, 'delete', old.properties, old.tags, { physicalId: old.physicalId, currentTags: old.tags }));
    const denied = await this.perform(stack, principal, old.logicalId, old.type, 'delete', calls);
    if (denied) this.event(stack, old.logicalId, old.type, old.physicalId, 'DELETE_FAILED', denied, token);
    else PROVIDERS[old.type].delete(old.physicalId, pctx);
  }

  private keep(stack: Stack, id: string, type: string, result: { physicalId: string; attributes: Record<string, string> }, props: Record<string, unknown>, tags: Record<string, string>, status: string): void {
    stack.resources.set(id, { logicalId: id, type, physicalId: result.physicalId, properties: props, attributes: result.attributes, tags, status, updatedAt: new Date() });
  }

  private async remove(stack: Stack, id: string, principal: string, token?: string): Promise<void> {
    const r = stack.resources.get(id);
    if (!r) return;
    this.event(stack, id, r.type, r.physicalId, 'DELETE_IN_PROGRESS', undefined, token);
    await sleep(this.latency(r.type));
    const failDelete = (reason: string): never => {
      r.status = 'DELETE_FAILED';
      this.event(stack, id, r.type, r.physicalId, 'DELETE_FAILED', reason, token);
      throw new Error(id);
    };
    const injected = this.takeFailure(stack, id, r.type, 'DELETE');
    if (injected) failDelete(injected);
    try {
      const calls = handlerCalls(this.subject(stack, r.type, 'delete', r.properties, r.tags, { physicalId: r.physicalId, currentTags: r.tags }));
      const denied = await this.perform(stack, principal, id, r.type, 'delete', calls);
      if (denied) failDelete(denied);
      PROVIDERS[r.type].delete(r.physicalId, this.providerContext(stack, id, stack.tags));
    } catch (err) {
      if ((err as Error).message === id) throw err;
      failDelete((err as Error).message);
    }
    stack.resources.delete(id);
    this.event(stack, id, r.type, r.physicalId, 'DELETE_COMPLETE', undefined, token);
  }

  /** Deletes newest-dependent first; what fails stays, with everything it depends on, and the rest goes. */
  private async destroy(stack: Stack, principal: string, token?: string): Promise<void> {
    this.setStatus(stack, 'DELETE_IN_PROGRESS', 'User Initiated', token);
    const failed: string[] = [];
    const kept = new Set<string>();
    const waves = resourceOrder(stack.template, [...stack.resources.keys()]).reverse();
    for (const wave of waves) {
      for (const id of wave) if (kept.has(id)) for (const dep of resourceDependencies(stack.template, id)) kept.add(dep);
      const todo = wave.filter((id) => !kept.has(id));
      const results = await Promise.allSettled(todo.map((id) => this.remove(stack, id, principal, token)));
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') return;
        failed.push(todo[i]);
        for (const dep of resourceDependencies(stack.template, todo[i])) kept.add(dep);
      });
    }
    if (failed.length === 0) {
      stack.deletedAt = new Date();
      this.setStatus(stack, 'DELETE_COMPLETE', undefined, token);
    } else {
      this.setStatus(stack, 'DELETE_FAILED', `The following resource(s) failed to delete: [${failed.join(', ')}]. `, token);
    }
  }

  /**
   * Asks the authorizer about each call in order, records it, and stops at the first denial:
   * a handler gives up at the first call AWS refuses. Returns CloudFormation's message for it.
   */
  private async perform(stack: Stack, principal: string, logicalId: string, type: string, handler: HandlerName, calls: HandlerCall[]): Promise<string | undefined> {
    for (const call of calls) {
      // via/operation label the authorizer's own log where it keeps one; the contract needs only the first three.
      const request = { action: call.action, resource: call.resource, context: call.context, via: 'cloudformation' as const, operation: `${type} ${handler.toUpperCase()}` };
      // An operation without a principal was started in-process (a test tidying up through call()), not
      // through the signed endpoint: there is nobody to authorize.
      const verdict = this.authorizer && principal !== '' ? await this.authorizer.authorize(principal, stack.region, request) : { allowed: true as const };
      this.performedLog.push({ principal, stackName: stack.name, logicalId, type, handler, action: call.action, resource: call.resource, allowed: verdict.allowed });
      if (!verdict.allowed) return denialMessage(call, verdict.message, stack.accountId);
    }
    return undefined;
  }

  private subject(stack: Stack, type: string, handler: HandlerName, props: Record<string, unknown>, tags: Record<string, string>, extra: Partial<HandlerSubject>): HandlerSubject {
    return {
      type, handler, region: stack.region, accountId: stack.accountId, props, tags, iam: this.deps.iam,
      tagsOf: (physicalId) => this.tagsOfPhysical(physicalId),
      ...extra,
    };
  }

  /** Tags of a resource some stack of the account made, by physical id (none for resources made elsewhere). */
  private tagsOfPhysical(physicalId: string): Record<string, string> {
    for (const s of this.stacks) for (const r of s.resources.values()) if (r.physicalId === physicalId) return r.tags;
    return {};
  }

  private nextRevision(type: string, family: string | undefined): number | undefined {
    if (type !== 'AWS::ECS::TaskDefinition' || !family) return undefined;
    return [...this.deps.ecs.taskDefinitions.values()].filter((t) => t.family === family).length + 1;
  }

  /**
   * Who a stack operation's handlers run as. With a service role, CloudFormation assumes it (it
   * must exist and trust cloudformation.amazonaws.com) and works as its AWSCloudFormation
   * session; without one, with the caller's own credentials. (That the caller may pass a role
   * named in the request, iam:PassRole, is the API call's own authorization, not the engine's.)
   */
  private operationPrincipal(ctx: CallContext, roleArn: string | undefined): string {
    if (!roleArn) return ctx.principalArn;
    const role = findRoleByArn(this.deps.iam, roleArn);
    if (!role || !trustsService(role, 'cloudformation.amazonaws.com')) throw validation(`Role ${roleArn} is invalid or cannot be assumed`);
    return `arn:aws:sts::${role.arn.split(':')[4]}:assumed-role/${role.roleName}/${SERVICE_ROLE_SESSION}`;
  }

  // --- helpers -------------------------------------------------------------------------------------

  private desired(input: QueryInput, call: CallContext, previousParams: Record<string, string>, previousTags?: Record<string, string>, previousRole?: string): Desired {
    const templateBody = requireBody(input);
    const template = parseTemplate(templateBody);
    validateTemplate(template);
    const capabilities: string[] = input.Capabilities ?? [];
    const parameters = resolveParameters(template.Parameters, input.Parameters ?? [], previousParams);
    const scope = { region: call.region, accountId: call.accountId, stackName: String(input.StackName), stackId: '' };
    checkCapabilities(template, evalContext(template, parameters, scope, () => undefined), capabilities);
    const tagList: { Key: string; Value: string }[] | undefined = input.Tags;
    if (tagList && tagList.length > 50) throw validation('1 validation error detected: Member must have length less than or equal to 50 at tags');
    const tags = tagList ? Object.fromEntries(tagList.map((t) => [t.Key, t.Value ?? ''])) : { ...(previousTags ?? {}) };
    // Without a RoleARN, an operation keeps the role the stack already has.
    return { templateBody, template, parameters, tags, capabilities, roleArn: input.RoleARN ?? previousRole };
  }

  private changesFor(stack: Stack, desired: Desired): ResourceChange[] {
    const ctx = evalContext(desired.template, desired.parameters, scopeOf(stack), (id) => resolved(stack, id));
    const wanted = new Map(activeResources(desired.template, ctx).map((id) => {
      const props = resolveProperties(desired.template.Resources[id].Properties, ctx);
      return [id, { type: desired.template.Resources[id].Type, properties: withStackTags(props, desired.tags), template: desired.template.Resources[id].Properties }];
    }));
    const current = new Map<string, CurrentResource>([...stack.resources].map(([id, r]) => [id, { type: r.type, physicalId: r.physicalId, properties: withStackTags(r.properties, stack.tags) }]));
    const changedParameters = new Set(Object.keys(desired.parameters).filter((k) => stack.parameters[k] !== desired.parameters[k]));
    return diffResources(current, wanted, changedParameters);
  }

  private newStack(name: string, ctx: CallContext, desired: Desired, status: string): Stack {
    const stack: Stack = {
      ...desired,
      id: `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${name}/${randomUUID()}`,
      name, region: ctx.region, accountId: ctx.accountId, status, createdAt: new Date(),
      resources: new Map(), outputs: [], events: [], changeSets: new Map(), tokens: new Set(),
    };
    this.stacks.push(stack);
    if (status === 'REVIEW_IN_PROGRESS') this.event(stack, name, 'AWS::CloudFormation::Stack', stack.id, 'REVIEW_IN_PROGRESS', 'User Initiated');
    return stack;
  }

  private assertUpdatable(stack: Stack): void {
    const ok = ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE'];
    if (!ok.includes(stack.status)) throw validation(`Stack:${stack.id} is in ${stack.status} state and can not be updated.`);
  }

  private live(name: string, ctx: CallContext): Stack | undefined {
    return this.stacks.find((s) => s.name === name && s.region === ctx.region && s.status !== 'DELETE_COMPLETE');
  }

  /** By name (live stacks) or by stack id (deleted ones too). */
  private find(nameOrId: unknown, ctx: CallContext, includeDeleted = false): Stack | undefined {
    const key = String(nameOrId ?? '');
    if (key.startsWith('arn:')) return this.stacks.find((s) => s.id === key && (includeDeleted || s.status !== 'DELETE_COMPLETE'));
    return this.live(key, ctx);
  }

  private mustFind(nameOrId: unknown, ctx: CallContext, includeDeleted = false): Stack {
    if (!nameOrId) throw validation("1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null");
    const stack = this.find(nameOrId, ctx, includeDeleted);
    if (!stack) throw validation(`Stack with id ${String(nameOrId)} does not exist`);
    return stack;
  }

  private findChangeSet(nameOrId: unknown, stackName: unknown, ctx: CallContext): ChangeSet {
    const key = String(nameOrId ?? '');
    for (const stack of this.stacks) {
      if (stack.region !== ctx.region) continue;
      for (const cs of stack.changeSets.values()) {
        if (cs.id === key || (cs.name === key && stackName && (stack.name === stackName || stack.id === stackName))) return cs;
      }
    }
    throw new AwsError('ChangeSetNotFound', `ChangeSet [${key}] does not exist`, 404);
  }

  private providerContext(stack: Stack, logicalId: string, tags: Record<string, string>): ProviderContext {
    return { stackName: stack.name, logicalId, region: stack.region, accountId: stack.accountId, stackTags: tags, iam: this.deps.iam, ecs: this.deps.ecs, logs: this.deps.logs, latencies: this.deps.latencies() };
  }

  private latency(type: string): number {
    const l = this.deps.latencies().cfnResource;
    return l[type] ?? l.default;
  }

  private takeFailure(stack: Stack, logicalId: string, type: string, operation: 'CREATE' | 'UPDATE' | 'DELETE', rollback = false): string | undefined {
    const i = this.failures.findIndex((f) => Boolean(f.duringRollback) === rollback && (!f.operation || f.operation === operation) &&
      (!f.match.logicalId || f.match.logicalId === logicalId) && (!f.match.type || f.match.type === type) &&
      (!f.match.stackName || f.match.stackName === stack.name));
    if (i < 0) return undefined;
    const f = this.failures[i];
    if (f.once) this.failures.splice(i, 1);
    return f.reason;
  }

  private setStatus(stack: Stack, status: string, reason?: string, token?: string): void {
    stack.status = status;
    stack.statusReason = reason;
    // A rollback or cleanup phase belongs to the operation that began it: one transition per operation.
    if (status.endsWith('_IN_PROGRESS')) {
      if (!this.operationStarted.has(stack.id)) this.operationStarted.set(stack.id, Date.now());
    } else {
      const startedAt = this.operationStarted.get(stack.id) ?? Date.now();
      this.operationStarted.delete(stack.id);
      const kind = status.startsWith('DELETE') ? 'delete' : status.startsWith('UPDATE') ? 'update' : 'create';
      this.transitions.push({ service: 'cloudformation', resource: stack.name, kind, to: status, startedAt, doneAt: Date.now() });
    }
    this.event(stack, stack.name, 'AWS::CloudFormation::Stack', stack.id, status, reason, token);
  }

  private event(stack: Stack, logicalId: string, type: string, physicalId: string | undefined, status: string, reason?: string, token?: string): void {
    stack.events.push({
      EventId: randomUUID(), StackId: stack.id, StackName: stack.name, LogicalResourceId: logicalId, PhysicalResourceId: physicalId,
      ResourceType: type, Timestamp: new Date(Date.now() + this.eventClockSkewMs), ResourceStatus: status, ResourceStatusReason: reason, ClientRequestToken: token,
    });
  }
}

function requireStackName(name: unknown): string {
  if (!STACK_NAME.test(String(name ?? ''))) {
    throw validation(`1 validation error detected: Value '${String(name)}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
  return String(name);
}

function requireBody(input: QueryInput): string {
  if (input.TemplateURL) throw validation('TemplateURL is not supported by the sandbox; pass TemplateBody');
  if (typeof input.TemplateBody !== 'string' || input.TemplateBody.length === 0) throw validation('Either Template URL or Template Body must be specified.');
  if (input.TemplateBody.length > 51_200) throw validation(`1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200`);
  return input.TemplateBody;
}

function scopeOf(stack: Stack): Scope {
  return { region: stack.region, accountId: stack.accountId, stackName: stack.name, stackId: stack.id };
}

function resolved(stack: Stack, id: string): ResolvedResource | undefined {
  const r = stack.resources.get(id);
  return r ? { ref: r.physicalId, attributes: r.attributes } : undefined;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function sameSettings(stack: Stack, desired: Desired): boolean {
  return sameRecord(stack.parameters, desired.parameters) && sameRecord(stack.tags, desired.tags) &&
    JSON.stringify(stack.template.Outputs ?? {}) === JSON.stringify(desired.template.Outputs ?? {});
}

/** Stack tags propagate to resources, so a stack tag change shows as a Tags change on each of them. */
function withStackTags(props: Record<string, unknown>, tags: Record<string, string>): Record<string, unknown> {
  if (Object.keys(tags).length === 0) return props;
  const own = (props.Tags as { Key: string; Value: string }[] | undefined) ?? [];
  const merged = { ...tags, ...Object.fromEntries(own.map((t) => [t.Key, t.Value])) };
  return { ...props, Tags: Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)).map(([Key, Value]) => ({ Key, Value })) };
}

function describe(s: Stack) {
  return {
    StackId: s.id, StackName: s.name, Description: s.template.Description, StackStatus: s.status, StackStatusReason: s.statusReason,
    CreationTime: s.createdAt, LastUpdatedTime: s.updatedAt, DeletionTime: s.deletedAt, Capabilities: s.capabilities, RoleARN: s.roleArn,
    Parameters: maskedParameters(s.template, s.parameters),
    Outputs: s.outputs, Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
    DisableRollback: false, EnableTerminationProtection: false,
  };
}

/**
 * A NoEcho parameter's value is masked in every describe call, DescribeStacks and DescribeChangeSet alike, as
 * `****` (CloudFormation User Guide, Parameters section: "masked with asterisks"; four asterisks as DescribeStacks
 * returns them in real answers, e.g. awsdocs' and users' published `describe-stacks` output).
 */
function maskedParameters(template: Template, parameters: Record<string, string>) {
  return Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
    ParameterKey, ParameterValue: template.Parameters?.[ParameterKey]?.NoEcho && String(template.Parameters[ParameterKey].NoEcho) !== 'false' ? '****' : ParameterValue,
  }));
}

/** Without IncludePropertyValues a change names the properties it touches, one detail per property, and no values. */
function withoutValues(c: ResourceChange): ResourceChange {
  const seen = new Set<string>();
  const details = c.Details.map((d) => ({ ...d, Target: { Attribute: d.Target.Attribute, Name: d.Target.Name, RequiresRecreation: d.Target.RequiresRecreation } }))
    .filter((d) => {
      const key = JSON.stringify(d);
      return !seen.has(key) && Boolean(seen.add(key));
    });
  return { ...c, Details: details, BeforeContext: undefined, AfterContext: undefined };
}

/** An awsQuery boolean member: `true` or `false`, anything else fails as the service's deserializer does. */
function booleanMember(value: unknown, member: string): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw validation(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must be a boolean`);
}
