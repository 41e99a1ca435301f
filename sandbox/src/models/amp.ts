import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, Latencies, Transition } from '../core/types';
import { AMP_SPEC } from './specs/amp';
import { canonicalJson, nextCreationKey, paginate, rejectReservedTagKeys, validate } from './validate';

export type AmpStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'CREATION_FAILED';

export interface AmpWorkspace {
  id: string;
  arn: string;
  alias?: string;
  region: string;
  accountId: string;
  status: AmpStatus;
  createdAt: Date;
  tags: Record<string, string>;
  kmsKeyArn?: string;
  /** When the current transition (CREATING → ACTIVE, DELETING → gone) completes. */
  readyAt: number;
  /** Listing order. */
  creationKey: string;
  failCreate: boolean;
  /** The clientToken of the DeleteWorkspace call that started the deletion, so a retry of it succeeds. */
  deleteToken?: string;
}

interface TokenRecord {
  workspaceId: string;
  request: string;
  at: number;
}

/** Client tokens are honoured for 8 hours, as AWS documents for idempotent create calls. */
const TOKEN_TTL_MS = 8 * 3600_000;

/** The Amazon Managed Service for Prometheus control plane (service `aps`, model 2020-08-01). */
export class AmpModel {
  readonly workspaces = new Map<string, AmpWorkspace>();
  private readonly tokens = new Map<string, TokenRecord>();
  private failNextCreates = 0;
  /** Each creation and deletion with the moment it completes (settle() ends one sooner than recorded), for the benchmarks. */
  readonly transitions: Transition[] = [];
  /** Told when a workspace is gone (its deletion completed), so its data plane can go too. */
  onDeleted?: (workspaceId: string) => void;

  constructor(private readonly latencies: () => Latencies) {}

  /** The next `count` creations end in CREATION_FAILED. */
  failNextCreate(count = 1): void {
    this.failNextCreates += count;
  }

  createWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.CreateWorkspace.input);
    const tags = { ...(input.tags as Record<string, string> | undefined) };
    rejectReservedTagKeys(Object.keys(tags));
    // AMP trims the alias it stores; a blank alias trims to nothing, which is no alias at all.
    const alias = typeof input.alias === 'string' ? input.alias.trim() : undefined;
    if (input.alias !== undefined && !alias) {
      throw new AwsError('ValidationException', "Value at 'alias' failed to satisfy constraint: Member must have length greater than or equal to 1", 400, { reason: 'FIELD_VALIDATION_FAILED', fieldList: [{ name: 'alias', message: 'blank alias' }] });
    }
    const kmsKeyArn = input.kmsKeyArn as string | undefined;
    const request = canonicalJson({ alias, tags, kmsKeyArn });
    const tokenKey = typeof input.clientToken === 'string' ? `${ctx.accountId}|${ctx.region}|${input.clientToken}` : undefined;
    const prior = tokenKey ? this.tokens.get(tokenKey) : undefined;
    if (prior && Date.now() - prior.at < TOKEN_TTL_MS) {
      if (prior.request !== request) {
        throw new AwsError('ConflictException', 'The client token was already used for a request with different parameters.', 409, { resourceId: prior.workspaceId, resourceType: 'WORKSPACE' });
      }
      const ws = this.workspaces.get(prior.workspaceId);
      if (ws && this.live(ws)) return { workspaceId: ws.id, arn: ws.arn, status: { statusCode: ws.status }, tags: { ...ws.tags }, kmsKeyArn: ws.kmsKeyArn };
      // Idempotent replay answers what the first call answered, even when that workspace has since
      // been deleted. Whether AMP really does this after a deletion is unconfirmed; it is the
      // stricter assumption, and the action must not be fooled by it.
      return { workspaceId: prior.workspaceId, arn: `arn:aws:aps:${ctx.region}:${ctx.accountId}:workspace/${prior.workspaceId}`, status: { statusCode: 'CREATING' }, tags, kmsKeyArn };
    }
    const id = `ws-${randomUUID()}`;
    const failCreate = this.failNextCreates > 0;
    if (failCreate) this.failNextCreates--;
    const ws: AmpWorkspace = {
      id,
      arn: `arn:aws:aps:${ctx.region}:${ctx.accountId}:workspace/${id}`,
      alias,
      region: ctx.region,
      accountId: ctx.accountId,
      status: 'CREATING',
      createdAt: new Date(),
      tags,
      kmsKeyArn,
      readyAt: Date.now() + this.latencies().ampCreate,
      creationKey: nextCreationKey(),
      failCreate,
    };
    this.workspaces.set(id, ws);
    this.transitions.push({ service: 'aps', resource: id, kind: 'create', to: failCreate ? 'CREATION_FAILED' : 'ACTIVE', startedAt: ws.createdAt.getTime(), doneAt: ws.readyAt });
    if (tokenKey) this.tokens.set(tokenKey, { workspaceId: id, request, at: Date.now() });
    return { workspaceId: id, arn: ws.arn, status: { statusCode: ws.status }, tags: { ...ws.tags }, kmsKeyArn };
  }

  describeWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.DescribeWorkspace.input);
    const ws = this.get(input.workspaceId, ctx);
    return { workspace: { ...summary(ws), prometheusEndpoint: endpoint(ws) } };
  }

  listWorkspaces(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.ListWorkspaces.input);
    // The alias filter is a prefix match (trimmed like stored aliases), which is why callers must match exactly themselves.
    const prefix = typeof input.alias === 'string' ? input.alias.trim() : undefined;
    const visible = [...this.workspaces.values()]
      .filter((ws) => this.visibleTo(ws, ctx) && this.live(ws))
      .filter((ws) => prefix === undefined || (ws.alias ?? '').startsWith(prefix));
    const { page, nextToken } = paginate(visible, (ws) => ws.creationKey, {
      nextToken: input.nextToken, maxResults: (input.maxResults as number | undefined) ?? 100, filter: { prefix, region: ctx.region },
    });
    return { workspaces: page.map(summary), nextToken };
  }

  deleteWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.DeleteWorkspace.input);
    const ws = this.get(input.workspaceId, ctx);
    const token = input.clientToken as string | undefined;
    if (ws.status === 'DELETING' && token !== undefined && token === ws.deleteToken) return {};
    if (ws.status === 'CREATING' || ws.status === 'UPDATING' || ws.status === 'DELETING') {
      throw new AwsError('ConflictException', `Workspace ${ws.id} is in status ${ws.status} and cannot be deleted.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    }
    ws.status = 'DELETING';
    ws.deleteToken = token;
    ws.readyAt = Date.now() + this.latencies().ampDelete;
    this.transitions.push({ service: 'aps', resource: ws.id, kind: 'delete', to: 'DELETED', startedAt: Date.now(), doneAt: ws.readyAt });
    return {};
  }

  tagResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.TagResource.input);
    const ws = this.byArn(input.resourceArn, ctx);
    const tags = input.tags as Record<string, string>;
    rejectReservedTagKeys(Object.keys(tags));
    if (Object.keys({ ...ws.tags, ...tags }).length > 50) {
      throw new AwsError('ValidationException', 'A resource can have at most 50 tags.', 400, { reason: 'OTHER' });
    }
    Object.assign(ws.tags, tags);
    return {};
  }

  untagResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.UntagResource.input);
    const ws = this.byArn(input.resourceArn, ctx);
    for (const k of input.tagKeys as string[]) delete ws.tags[k];
    return {};
  }

  listTagsForResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, AMP_SPEC.ListTagsForResource.input);
    return { tags: { ...this.byArn(input.resourceArn, ctx).tags } };
  }

  /** Test hook: makes a workspace look `ms` older, as if time had passed. */
  age(id: string, ms: number): void {
    const ws = this.workspaces.get(id);
    if (!ws) throw new Error(`no workspace ${id}`);
    ws.createdAt = new Date(ws.createdAt.getTime() - ms);
  }

  /**
   * Test hook: the workspace's pending transition (CREATING, DELETING) completes at the next read,
   * so a test can hold a state with a long latency and end it without waiting on the clock.
   */
  settle(id: string): void {
    const ws = this.workspaces.get(id);
    if (!ws) throw new Error(`no workspace ${id}`);
    ws.readyAt = 0;
  }

  /** Advances the state machine to the present. A deleted workspace disappears. */
  refresh(ws: AmpWorkspace): AmpWorkspace {
    if (Date.now() < ws.readyAt) return ws;
    if (ws.status === 'CREATING') ws.status = ws.failCreate ? 'CREATION_FAILED' : 'ACTIVE';
    else if (ws.status === 'DELETING') {
      this.workspaces.delete(ws.id);
      this.onDeleted?.(ws.id);
    }
    return ws;
  }

  /** Advances `ws` and says whether it still exists. */
  live(ws: AmpWorkspace): boolean {
    this.refresh(ws);
    return this.workspaces.has(ws.id);
  }

  /** Workspaces are regional and belong to one account. */
  private visibleTo(ws: AmpWorkspace, ctx: CallContext): boolean {
    return ws.region === ctx.region && ws.accountId === ctx.accountId;
  }

  private get(id: unknown, ctx: CallContext): AmpWorkspace {
    const ws = this.workspaces.get(String(id));
    if (!ws || !this.visibleTo(ws, ctx) || !this.live(ws)) {
      throw new AwsError('ResourceNotFoundException', `Workspace not found: ${String(id)}`, 404, { resourceId: String(id), resourceType: 'WORKSPACE' });
    }
    return ws;
  }

  private byArn(arn: unknown, ctx: CallContext): AmpWorkspace {
    const m = /^arn:aws[-a-z]*:aps:([^:]+):(\d{12}):workspace\/(.+)$/.exec(String(arn));
    if (!m) throw new AwsError('ValidationException', `Invalid resource ARN: ${String(arn)}`, 400, { reason: 'FIELD_VALIDATION_FAILED', fieldList: [{ name: 'resourceArn', message: 'not an AMP resource ARN' }] });
    if (m[1] !== ctx.region || m[2] !== ctx.accountId) {
      throw new AwsError('ResourceNotFoundException', `Resource not found: ${String(arn)}`, 404, { resourceId: String(arn), resourceType: 'WORKSPACE' });
    }
    return this.get(m[3], ctx);
  }
}

function endpoint(ws: AmpWorkspace): string {
  return `https://aps-workspaces.${ws.region}.amazonaws.com/workspaces/${ws.id}/api/v1/`;
}

function summary(ws: AmpWorkspace) {
  return { workspaceId: ws.id, arn: ws.arn, alias: ws.alias, status: { statusCode: ws.status }, createdAt: ws.createdAt, tags: { ...ws.tags }, kmsKeyArn: ws.kmsKeyArn };
}
