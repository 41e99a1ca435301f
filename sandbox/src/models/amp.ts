import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, Latencies } from '../core/types';
import { paginate, validate, validateTags } from './validate';

export type AmpStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'CREATION_FAILED';

export interface AmpWorkspace {
  id: string;
  arn: string;
  alias?: string;
  region: string;
  status: AmpStatus;
  createdAt: Date;
  tags: Record<string, string>;
  /** When the current transition (CREATING → ACTIVE, DELETING → gone) completes. */
  readyAt: number;
  failCreate: boolean;
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

  constructor(private readonly latencies: () => Latencies) {}

  /** The next `count` creations end in CREATION_FAILED. */
  failNextCreate(count = 1): void {
    this.failNextCreates += count;
  }

  createWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, {
      alias: { min: 1, max: 100 },
      clientToken: { min: 1, max: 64, pattern: /^[!-~]+$/ },
      kmsKeyArn: { min: 20, max: 2048, pattern: /^arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key\/.+$/ },
      tags: { type: 'map', max: 50 },
    });
    const tags = validateTags(input.tags);
    const request = JSON.stringify({ alias: input.alias, tags, kmsKeyArn: input.kmsKeyArn, region: ctx.region, account: ctx.accountId });
    if (typeof input.clientToken === 'string') {
      const key = `${ctx.accountId}|${ctx.region}|${input.clientToken}`;
      const prior = this.tokens.get(key);
      if (prior && Date.now() - prior.at < TOKEN_TTL_MS) {
        if (prior.request !== request) {
          throw new AwsError('ConflictException', 'A request with this client token was already made with different parameters.', 409, { resourceId: prior.workspaceId, resourceType: 'WORKSPACE' });
        }
        const ws = this.workspaces.get(prior.workspaceId);
        if (ws) return { ...summary(this.refresh(ws)), status: { statusCode: ws.status } };
      }
    }
    const id = `ws-${randomUUID()}`;
    const failCreate = this.failNextCreates > 0;
    if (failCreate) this.failNextCreates--;
    const ws: AmpWorkspace = {
      id,
      arn: `arn:aws:aps:${ctx.region}:${ctx.accountId}:workspace/${id}`,
      alias: typeof input.alias === 'string' ? input.alias.trim() : undefined,
      region: ctx.region,
      status: 'CREATING',
      createdAt: new Date(),
      tags,
      readyAt: Date.now() + this.latencies().ampCreate,
      failCreate,
    };
    this.workspaces.set(id, ws);
    if (typeof input.clientToken === 'string') {
      this.tokens.set(`${ctx.accountId}|${ctx.region}|${input.clientToken}`, { workspaceId: id, request, at: Date.now() });
    }
    return { workspaceId: id, arn: ws.arn, status: { statusCode: ws.status }, tags: ws.tags };
  }

  describeWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.get(input.workspaceId, ctx);
    return { workspace: { ...summary(ws), prometheusEndpoint: endpoint(ws) } };
  }

  listWorkspaces(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, { alias: { min: 1, max: 100 }, maxResults: { type: 'integer', min: 1, max: 1000 }, nextToken: { min: 0, max: 1000 } });
    // The alias filter is a prefix match, which is why callers must match exactly themselves.
    const all = [...this.workspaces.values()]
      .map((ws) => this.refresh(ws))
      .filter((ws) => ws.region === ctx.region && this.workspaces.has(ws.id))
      .filter((ws) => input.alias === undefined || (ws.alias ?? '').startsWith(String(input.alias)))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const { page, nextToken } = paginate(all, input.nextToken, (input.maxResults as number | undefined) ?? 100);
    return { workspaces: page.map(summary), nextToken };
  }

  deleteWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.get(input.workspaceId, ctx);
    if (ws.status === 'CREATING' || ws.status === 'UPDATING' || ws.status === 'DELETING') {
      throw new AwsError('ConflictException', `Workspace ${ws.id} is in status ${ws.status} and cannot be deleted.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    }
    ws.status = 'DELETING';
    ws.readyAt = Date.now() + this.latencies().ampDelete;
    return {};
  }

  tagResource(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.byArn(input.resourceArn, ctx);
    const tags = validateTags(input.tags);
    if (Object.keys({ ...ws.tags, ...tags }).length > 50) throw new AwsError('ValidationException', 'A resource can have at most 50 tags.', 400, { reason: 'OTHER' });
    Object.assign(ws.tags, tags);
    return {};
  }

  untagResource(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.byArn(input.resourceArn, ctx);
    const keys = ([] as string[]).concat((input.tagKeys as string[] | string | undefined) ?? []);
    if (keys.length === 0) throw new AwsError('ValidationException', "Value null at 'tagKeys' failed to satisfy constraint: Member must not be null", 400, { reason: 'FIELD_VALIDATION_FAILED' });
    for (const k of keys) delete ws.tags[k];
    return {};
  }

  listTagsForResource(input: Record<string, unknown>, ctx: CallContext) {
    return { tags: { ...this.byArn(input.resourceArn, ctx).tags } };
  }

  /** Advances the state machine to the present. A deleted workspace disappears. */
  refresh(ws: AmpWorkspace): AmpWorkspace {
    if (Date.now() < ws.readyAt) return ws;
    if (ws.status === 'CREATING') ws.status = ws.failCreate ? 'CREATION_FAILED' : 'ACTIVE';
    else if (ws.status === 'DELETING') this.workspaces.delete(ws.id);
    return ws;
  }

  private get(id: unknown, ctx: CallContext): AmpWorkspace {
    validate({ workspaceId: id }, { workspaceId: { required: true, min: 1, max: 64, pattern: /[0-9A-Za-z][-.0-9A-Z_a-z]*/ } });
    const ws = this.workspaces.get(String(id));
    if (!ws || ws.region !== ctx.region || !this.workspaces.has(this.refresh(ws).id)) {
      throw new AwsError('ResourceNotFoundException', `Workspace not found: ${String(id)}`, 404, { resourceId: String(id), resourceType: 'WORKSPACE' });
    }
    return ws;
  }

  private byArn(arn: unknown, ctx: CallContext): AmpWorkspace {
    const m = /^arn:aws:aps:([^:]+):(\d{12}):workspace\/(.+)$/.exec(String(arn ?? ''));
    if (!m) throw new AwsError('ValidationException', `Invalid resource ARN: ${String(arn)}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
    if (m[1] !== ctx.region) throw new AwsError('ResourceNotFoundException', `Resource not found: ${String(arn)}`, 404, { resourceId: String(arn), resourceType: 'WORKSPACE' });
    return this.get(m[3], ctx);
  }
}

function endpoint(ws: AmpWorkspace): string {
  return `https://aps-workspaces.${ws.region}.amazonaws.com/workspaces/${ws.id}/api/v1/`;
}

function summary(ws: AmpWorkspace) {
  return { workspaceId: ws.id, arn: ws.arn, alias: ws.alias, status: { statusCode: ws.status }, createdAt: ws.createdAt, tags: { ...ws.tags } };
}
