import { randomBytes } from 'node:crypto';
import { AwsError, CallContext, IamState, Latencies } from '../core/types';
import { findRoleByArn, trustsService } from './iam';
import { paginate, validate, validateTags } from './validate';

export interface GrafanaWorkspace {
  id: string;
  arn: string;
  name?: string;
  description?: string;
  region: string;
  status: string;
  accountAccessType: string;
  authenticationProviders: string[];
  permissionType: string;
  roleArn?: string;
  grafanaVersion: string;
  created: Date;
  modified: Date;
  tags: Record<string, string>;
  /** user/group id → role */
  permissions: Map<string, { type: string; role: string }>;
  readyAt: number;
}

const ENUMS = {
  accountAccessType: ['CURRENT_ACCOUNT', 'ORGANIZATION'],
  authenticationProviders: ['AWS_SSO', 'SAML'],
  permissionType: ['CUSTOMER_MANAGED', 'SERVICE_MANAGED'],
  action: ['ADD', 'REVOKE'],
  role: ['ADMIN', 'EDITOR', 'VIEWER', 'NONE'],
  userType: ['SSO_USER', 'SSO_GROUP'],
} as const;

const ROLE_ARN = /^arn:aws[-a-z]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const WORKSPACES_PER_REGION = 5;
const TOKEN_TTL_MS = 8 * 3600_000;

export interface GrafanaOptions {
  latencies: () => Latencies;
  iam: IamState;
  /** False simulates an account without IAM Identity Center. */
  ssoEnabled: () => boolean;
  /** Identity Store ids that exist. */
  ssoDirectory: Set<string>;
}

/** The Amazon Managed Grafana control plane (service `grafana`, model 2020-08-18). */
export class GrafanaModel {
  readonly workspaces = new Map<string, GrafanaWorkspace>();
  private readonly tokens = new Map<string, { id: string; request: string; at: number }>();

  constructor(private readonly opts: GrafanaOptions) {}

  createWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, {
      accountAccessType: { required: true, enum: ENUMS.accountAccessType },
      authenticationProviders: { required: true, type: 'list', enum: ENUMS.authenticationProviders },
      permissionType: { required: true, enum: ENUMS.permissionType },
      workspaceName: { pattern: /^[a-zA-Z0-9-._~]{1,255}$/ },
      workspaceDescription: { max: 2048 },
      workspaceRoleArn: { min: 1, max: 2048 },
      clientToken: { pattern: /^[!-~]{1,64}$/ },
      grafanaVersion: { min: 1, max: 255 },
      tags: { type: 'map', max: 50 },
    });
    const tags = validateTags(input.tags);
    const request = JSON.stringify({ ...input, clientToken: undefined, region: ctx.region });
    const tokenKey = `${ctx.accountId}|${ctx.region}|${String(input.clientToken)}`;
    if (input.clientToken !== undefined) {
      const prior = this.tokens.get(tokenKey);
      if (prior && Date.now() - prior.at < TOKEN_TTL_MS) {
        if (prior.request !== request) throw new AwsError('ConflictException', 'Client token already used with different parameters.', 409, { resourceId: prior.id, resourceType: 'WORKSPACE' });
        const ws = this.workspaces.get(prior.id);
        if (ws) return { workspace: describe(this.refresh(ws)) };
      }
    }
    if (input.permissionType === 'SERVICE_MANAGED') {
      throw new AwsError('ValidationException', 'SERVICE_MANAGED permission type is supported only in the Amazon Managed Grafana console; through the API use CUSTOMER_MANAGED with workspaceRoleArn.', 400, { reason: 'OTHER' });
    }
    if (input.accountAccessType === 'ORGANIZATION' && !input.workspaceOrganizationalUnits) {
      throw new AwsError('ValidationException', 'workspaceOrganizationalUnits is required when accountAccessType is ORGANIZATION.', 400, { reason: 'OTHER' });
    }
    const roleArn = input.workspaceRoleArn as string | undefined;
    if (!roleArn) throw new AwsError('ValidationException', 'workspaceRoleArn is required when permissionType is CUSTOMER_MANAGED.', 400, { reason: 'OTHER' });
    if (!ROLE_ARN.test(roleArn)) throw new AwsError('ValidationException', `Invalid workspaceRoleArn: ${roleArn}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
    const role = findRoleByArn(this.opts.iam, roleArn);
    if (!role) throw new AwsError('ValidationException', `The role ${roleArn} does not exist or cannot be assumed by grafana.amazonaws.com.`, 400, { reason: 'OTHER' });
    if (!trustsService(role, 'grafana.amazonaws.com')) {
      throw new AwsError('ValidationException', `The trust policy of ${roleArn} does not allow grafana.amazonaws.com to assume it.`, 400, { reason: 'OTHER' });
    }
    if ((input.authenticationProviders as string[]).includes('AWS_SSO') && !this.opts.ssoEnabled()) {
      throw new AwsError('ValidationException', 'SSO is not enabled in any region', 400, { reason: 'OTHER' });
    }
    const live = [...this.workspaces.values()].filter((w) => w.region === ctx.region);
    if (input.workspaceName && live.some((w) => w.name === input.workspaceName)) {
      throw new AwsError('ConflictException', `A workspace named ${String(input.workspaceName)} already exists.`, 409, { resourceId: String(input.workspaceName), resourceType: 'WORKSPACE' });
    }
    if (live.length >= WORKSPACES_PER_REGION) {
      throw new AwsError('ServiceQuotaExceededException', `You have reached the limit of ${WORKSPACES_PER_REGION} workspaces in this region.`, 402, { resourceId: '', resourceType: 'WORKSPACE', serviceCode: 'grafana', quotaCode: 'L-1A2B3C4D' });
    }
    const id = `g-${randomBytes(5).toString('hex')}`;
    const now = new Date();
    const ws: GrafanaWorkspace = {
      id,
      arn: `arn:aws:grafana:${ctx.region}:${ctx.accountId}:/workspaces/${id}`,
      name: input.workspaceName as string | undefined,
      description: input.workspaceDescription as string | undefined,
      region: ctx.region,
      status: 'CREATING',
      accountAccessType: input.accountAccessType as string,
      authenticationProviders: input.authenticationProviders as string[],
      permissionType: input.permissionType as string,
      roleArn,
      grafanaVersion: (input.grafanaVersion as string | undefined) ?? '10.4',
      created: now,
      modified: now,
      tags,
      permissions: new Map(),
      readyAt: Date.now() + this.opts.latencies().grafanaCreate,
    };
    this.workspaces.set(id, ws);
    if (input.clientToken !== undefined) this.tokens.set(tokenKey, { id, request, at: Date.now() });
    return { workspace: describe(ws) };
  }

  describeWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    return { workspace: describe(this.get(input.workspaceId, ctx)) };
  }

  listWorkspaces(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, { maxResults: { type: 'integer', min: 1, max: 100 }, nextToken: { min: 1, max: 2048 } });
    const all = [...this.workspaces.values()].map((w) => this.refresh(w))
      .filter((w) => w.region === ctx.region && this.workspaces.has(w.id))
      .sort((a, b) => a.created.getTime() - b.created.getTime());
    const { page, nextToken } = paginate(all, input.nextToken, (input.maxResults as number | undefined) ?? 100);
    return {
      workspaces: page.map((w) => ({
        id: w.id, name: w.name, description: w.description, endpoint: endpoint(w), grafanaVersion: w.grafanaVersion,
        status: w.status, created: w.created, modified: w.modified, authentication: { providers: w.authenticationProviders }, tags: { ...w.tags },
      })),
      nextToken,
    };
  }

  deleteWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.get(input.workspaceId, ctx);
    if (ws.status !== 'ACTIVE' && !ws.status.endsWith('FAILED')) {
      throw new AwsError('ConflictException', `Workspace ${ws.id} is ${ws.status}.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    }
    ws.status = 'DELETING';
    ws.readyAt = Date.now() + this.opts.latencies().grafanaDelete;
    return { workspace: describe(ws) };
  }

  updatePermissions(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.get(input.workspaceId, ctx);
    validate(input, { updateInstructionBatch: { required: true, type: 'list', min: 0, max: 20 } });
    if (ws.status !== 'ACTIVE') throw new AwsError('ConflictException', `Workspace ${ws.id} is ${ws.status}.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    if (!ws.authenticationProviders.includes('AWS_SSO')) {
      throw new AwsError('ValidationException', 'Permissions can be managed only for workspaces that use AWS_SSO.', 400, { reason: 'OTHER' });
    }
    const errors: unknown[] = [];
    for (const instruction of input.updateInstructionBatch as Record<string, unknown>[]) {
      validate(instruction, {
        action: { required: true, enum: ENUMS.action },
        role: { required: true, enum: ENUMS.role },
        users: { required: true, type: 'list' },
      });
      for (const user of instruction.users as Record<string, unknown>[]) {
        validate(user, { id: { required: true, min: 1, max: 47 }, type: { required: true, enum: ENUMS.userType } });
        if (!this.opts.ssoDirectory.has(String(user.id))) {
          errors.push({ code: 404, message: `${String(user.type) === 'SSO_GROUP' ? 'Group' : 'User'} ${String(user.id)} was not found in the identity store.`, causedBy: { action: instruction.action, role: instruction.role, users: [user] } });
        } else if (instruction.action === 'ADD') {
          ws.permissions.set(String(user.id), { type: String(user.type), role: String(instruction.role) });
        } else {
          ws.permissions.delete(String(user.id));
        }
      }
    }
    return { errors };
  }

  listPermissions(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.get(input.workspaceId, ctx);
    const all = [...ws.permissions.entries()].map(([id, p]) => ({ user: { id, type: p.type }, role: p.role }));
    const { page, nextToken } = paginate(all, input.nextToken, (input.maxResults as number | undefined) ?? 100);
    return { permissions: page, nextToken };
  }

  tagResource(input: Record<string, unknown>, ctx: CallContext) {
    Object.assign(this.byArn(input.resourceArn, ctx).tags, validateTags(input.tags));
    return {};
  }

  untagResource(input: Record<string, unknown>, ctx: CallContext) {
    const ws = this.byArn(input.resourceArn, ctx);
    for (const k of ([] as string[]).concat((input.tagKeys as string[] | string | undefined) ?? [])) delete ws.tags[k];
    return {};
  }

  listTagsForResource(input: Record<string, unknown>, ctx: CallContext) {
    return { tags: { ...this.byArn(input.resourceArn, ctx).tags } };
  }

  refresh(ws: GrafanaWorkspace): GrafanaWorkspace {
    if (Date.now() < ws.readyAt) return ws;
    if (ws.status === 'CREATING') {
      ws.status = 'ACTIVE';
      ws.modified = new Date();
    } else if (ws.status === 'DELETING') {
      this.workspaces.delete(ws.id);
    }
    return ws;
  }

  private get(id: unknown, ctx: CallContext): GrafanaWorkspace {
    validate({ workspaceId: id }, { workspaceId: { required: true, pattern: /^g-[0-9a-f]{10}$/ } });
    const ws = this.workspaces.get(String(id));
    if (!ws || ws.region !== ctx.region || !this.workspaces.has(this.refresh(ws).id)) {
      throw new AwsError('ResourceNotFoundException', `Workspace ${String(id)} not found.`, 404, { resourceId: String(id), resourceType: 'WORKSPACE' });
    }
    return ws;
  }

  private byArn(arn: unknown, ctx: CallContext): GrafanaWorkspace {
    const m = /^arn:aws:grafana:([^:]+):(\d{12}):\/workspaces\/(g-[0-9a-f]{10})$/.exec(String(arn ?? ''));
    if (!m) throw new AwsError('ValidationException', `Invalid resource ARN: ${String(arn)}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
    return this.get(m[3], ctx);
  }
}

function endpoint(ws: GrafanaWorkspace): string {
  return `${ws.id}.grafana-workspace.${ws.region}.amazonaws.com`;
}

function describe(ws: GrafanaWorkspace) {
  return {
    id: ws.id, name: ws.name, description: ws.description, endpoint: endpoint(ws), status: ws.status,
    accountAccessType: ws.accountAccessType, permissionType: ws.permissionType, workspaceRoleArn: ws.roleArn,
    grafanaVersion: ws.grafanaVersion, created: ws.created, modified: ws.modified, dataSources: [],
    authentication: { providers: ws.authenticationProviders }, tags: { ...ws.tags },
  };
}
