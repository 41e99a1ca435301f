import { randomBytes } from 'node:crypto';
import { AwsError, CallContext, IamState, Latencies, Transition } from '../core/types';
import type { AmpModel } from './amp';
import { findRoleByArn, trustsService } from './iam';
import { GrafanaServiceAccounts, ServiceAccount } from './grafana-service-accounts';
import type { GrafanaRole, TokenVerdict } from './grafana-http/auth';
import type { AwsView } from './grafana-http/context';
import { GrafanaReply, GrafanaRequest, message } from './grafana-http/reply';
import { handleGrafanaRequest } from './grafana-http/routes';
import { GrafanaStore } from './grafana-http/store';
import { DEFAULT_GRAFANA_VERSION, SUPPORTED_GRAFANA_VERSIONS } from './grafana-http/versions';
import { GRAFANA_SPEC } from './specs/grafana';
import { canonicalJson, nextCreationKey, paginate, rejectReservedTagKeys, validate } from './validate';

export interface GrafanaWorkspace {
  id: string;
  arn: string;
  name?: string;
  description?: string;
  region: string;
  accountId: string;
  status: string;
  accountAccessType: string;
  authenticationProviders: string[];
  permissionType: string;
  roleArn?: string;
  grafanaVersion: string;
  /** Set with status DEGRADED: the API's degradedWorkspaceReason (a test puts a workspace there; AMG says why). */
  degradedReason?: string;
  /** Where the workspace's Grafana answers: http://127.0.0.1:<port> in the sandbox (AMG returns a bare host). */
  endpoint: string;
  /** The workspace's Grafana content: data sources, folders, dashboards. */
  grafana: GrafanaStore;
  created: Date;
  modified: Date;
  tags: Record<string, string>;
  /** user/group id → its type and Grafana role */
  permissions: Map<string, { type: string; role: string }>;
  serviceAccounts: Map<string, ServiceAccount>;
  readyAt: number;
  /** Listing order. */
  creationKey: string;
}

const ROLE_ARN = /^arn:aws[-a-z]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const TOKEN_TTL_MS = 8 * 3600_000;
export const GRAFANA_WORKSPACES_PER_REGION = 5;
export { DEFAULT_GRAFANA_VERSION };

export interface GrafanaOptions {
  latencies: () => Latencies;
  iam: IamState;
  /** False simulates an account without IAM Identity Center. */
  ssoEnabled: () => boolean;
  /** Identity Store user and group ids that exist. */
  ssoDirectory: Set<string>;
  /** AMP, which the workspaces' Prometheus data sources query. */
  amp: AmpModel;
  /**
   * Starts the HTTP listener of a new workspace's Grafana API. Without it (a model used on its own)
   * workspaces get AMG's bare host name and no API.
   */
  openApi?: (workspaceId: string) => Promise<WorkspaceApiListener>;
}

export interface WorkspaceApiListener {
  /** With scheme, e.g. http://127.0.0.1:41235 */
  endpoint: string;
  close(): Promise<void>;
}

/** The Amazon Managed Grafana control plane (service `grafana`, model 2020-08-18). */
export class GrafanaModel {
  readonly workspaces = new Map<string, GrafanaWorkspace>();
  private readonly tokens = new Map<string, { id: string; request: string; at: number }>();
  /** Per workspace id; kept apart from `workspaces` so that a listener always gets closed. */
  private readonly apis = new Map<string, WorkspaceApiListener>();
  /** Listeners being started, so that a retried create (same client token) answers with the final endpoint. */
  private readonly opening = new Map<string, Promise<void>>();
  readonly serviceAccounts: GrafanaServiceAccounts;
  /** Each creation, update and deletion with the moment it completes, for the benchmarks. */
  readonly transitions: Transition[] = [];

  constructor(private readonly opts: GrafanaOptions) {
    this.serviceAccounts = new GrafanaServiceAccounts((id, ctx) => this.activeWorkspace(id, ctx));
  }

  async createWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.CreateWorkspace.input);
    const tags = { ...(input.tags as Record<string, string> | undefined) };
    rejectReservedTagKeys(Object.keys(tags));
    const { clientToken, ...request } = input;
    const requestKey = canonicalJson(request);
    const tokenKey = `${ctx.accountId}|${ctx.region}|${String(clientToken)}`;
    if (clientToken !== undefined) {
      const prior = this.tokens.get(tokenKey);
      if (prior && Date.now() - prior.at < TOKEN_TTL_MS) {
        if (prior.request !== requestKey) throw new AwsError('ConflictException', 'The client token was already used for a request with different parameters.', 409, { resourceId: prior.id, resourceType: 'WORKSPACE' });
        const ws = this.workspaces.get(prior.id);
        if (ws && this.live(ws)) {
          await this.opening.get(ws.id);
          return { workspace: describe(ws) };
        }
      }
    }
    const roleArn = this.checkPermissionModel(input);
    if ((input.authenticationProviders as string[]).includes('AWS_SSO') && !this.opts.ssoEnabled()) {
      throw validation('SSO is not enabled in any region');
    }
    if (input.configuration !== undefined && !isJsonObject(String(input.configuration))) {
      throw validation('configuration must be a JSON object.');
    }
    const grafanaVersion = (input.grafanaVersion as string | undefined) ?? DEFAULT_GRAFANA_VERSION;
    if (!(SUPPORTED_GRAFANA_VERSIONS as readonly string[]).includes(grafanaVersion)) {
      // unconfirmed message: AMG validates the version server-side; the API model has no enum.
      throw validation(`Grafana version ${grafanaVersion} is not supported. Supported versions: ${SUPPORTED_GRAFANA_VERSIONS.join(', ')}.`);
    }
    this.checkQuota(ctx);
    const id = `g-${randomBytes(5).toString('hex')}`;
    const now = new Date();
    const ws: GrafanaWorkspace = {
      id,
      arn: `arn:aws:grafana:${ctx.region}:${ctx.accountId}:/workspaces/${id}`,
      name: input.workspaceName as string | undefined,
      description: input.workspaceDescription as string | undefined,
      region: ctx.region,
      accountId: ctx.accountId,
      status: 'CREATING',
      accountAccessType: input.accountAccessType as string,
      authenticationProviders: [...new Set(input.authenticationProviders as string[])],
      permissionType: input.permissionType as string,
      roleArn,
      grafanaVersion,
      // AMG's bare host until the sandbox's listener is up (at once, unless the model runs without one).
      endpoint: `${id}.grafana-workspace.${ctx.region}.amazonaws.com`,
      grafana: new GrafanaStore(),
      created: now,
      modified: now,
      tags,
      permissions: new Map(),
      serviceAccounts: new Map(),
      readyAt: Date.now() + this.opts.latencies().grafanaCreate,
      creationKey: nextCreationKey(),
    };
    // Registered before the first await, so quota and client token stay atomic for concurrent calls.
    this.workspaces.set(id, ws);
    this.transitions.push({ service: 'grafana', resource: id, kind: 'create', to: 'ACTIVE', startedAt: now.getTime(), doneAt: ws.readyAt });
    if (clientToken !== undefined) this.tokens.set(tokenKey, { id, request: requestKey, at: Date.now() });
    const opening = this.attachApi(ws);
    this.opening.set(id, opening);
    try {
      await opening;
    } catch (err) {
      this.workspaces.delete(id);
      if (clientToken !== undefined) this.tokens.delete(tokenKey);
      throw err;
    } finally {
      this.opening.delete(id);
    }
    return { workspace: describe(ws) };
  }

  /** Starts the workspace's Grafana listener and points the endpoint at it. */
  private async attachApi(ws: GrafanaWorkspace): Promise<void> {
    const api = await this.opts.openApi?.(ws.id);
    if (!api) return;
    this.apis.set(ws.id, api);
    ws.endpoint = api.endpoint;
  }

  /** Names need not be unique (the model says so); only the quota limits how many there are. */
  private checkQuota(ctx: CallContext): void {
    const inRegion = [...this.workspaces.values()].filter((w) => this.visibleTo(w, ctx) && this.live(w));
    if (inRegion.length >= GRAFANA_WORKSPACES_PER_REGION) {
      throw new AwsError('ServiceQuotaExceededException', `You have reached the quota of ${GRAFANA_WORKSPACES_PER_REGION} workspaces in ${ctx.region}.`, 402, {
        resourceId: ctx.region, resourceType: 'WORKSPACE', serviceCode: 'grafana', quotaCode: 'workspaces-per-region',
      });
    }
  }

  /**
   * Through the API a workspace needs a customer-managed role that exists and that Grafana may
   * assume: the console sets up SERVICE_MANAGED roles, the API does not.
   */
  private checkPermissionModel(input: Record<string, unknown>): string {
    if (input.permissionType === 'SERVICE_MANAGED') {
      throw validation('permissionType SERVICE_MANAGED is supported only by the Amazon Managed Grafana console. Through the API, pass permissionType CUSTOMER_MANAGED with a workspaceRoleArn.');
    }
    if (input.accountAccessType === 'ORGANIZATION' && !(input.workspaceOrganizationalUnits as unknown[] | undefined)?.length) {
      throw validation('workspaceOrganizationalUnits is required when accountAccessType is ORGANIZATION.');
    }
    const roleArn = input.workspaceRoleArn as string | undefined;
    if (!roleArn) throw validation('workspaceRoleArn is required when permissionType is CUSTOMER_MANAGED.');
    if (!ROLE_ARN.test(roleArn)) throw validation(`workspaceRoleArn '${roleArn}' is not an IAM role ARN.`);
    const role = findRoleByArn(this.opts.iam, roleArn);
    if (!role) throw validation(`The role ${roleArn} does not exist or cannot be assumed by grafana.amazonaws.com.`);
    if (!trustsService(role, 'grafana.amazonaws.com')) {
      throw validation(`The trust policy of role ${roleArn} does not allow grafana.amazonaws.com to assume it.`);
    }
    return roleArn;
  }

  describeWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.DescribeWorkspace.input);
    return { workspace: describe(this.get(input.workspaceId, ctx)) };
  }

  listWorkspaces(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.ListWorkspaces.input);
    const visible = [...this.workspaces.values()].filter((w) => this.visibleTo(w, ctx) && this.live(w));
    const { page, nextToken } = paginate(visible, (w) => w.creationKey, {
      nextToken: input.nextToken, maxResults: (input.maxResults as number | undefined) ?? 100, filter: { region: ctx.region },
    });
    return {
      workspaces: page.map((w) => ({
        id: w.id, name: w.name, description: w.description, endpoint: w.endpoint, grafanaVersion: w.grafanaVersion,
        status: w.status, created: w.created, modified: w.modified, authentication: { providers: w.authenticationProviders }, tags: { ...w.tags },
      })),
      nextToken,
    };
  }

  deleteWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.DeleteWorkspace.input);
    const ws = this.get(input.workspaceId, ctx);
    if (ws.status !== 'ACTIVE' && !ws.status.endsWith('FAILED')) {
      throw new AwsError('ConflictException', `Workspace ${ws.id} is ${ws.status} and cannot be deleted now.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    }
    ws.status = 'DELETING';
    ws.modified = new Date();
    ws.readyAt = Date.now() + this.opts.latencies().grafanaDelete;
    this.transitions.push({ service: 'grafana', resource: ws.id, kind: 'delete', to: 'DELETED', startedAt: ws.modified.getTime(), doneAt: ws.readyAt });
    return { workspace: describe(ws) };
  }

  /**
   * UpdateWorkspace (AMG API reference): what it is not given stays as it is; the workspace is
   * UPDATING for a while, then ACTIVE. The sandbox changes name, description and the permission
   * model (role); VPC and network settings, which it does not model, are refused.
   */
  updateWorkspace(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.UpdateWorkspace.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    for (const key of ['vpcConfiguration', 'removeVpcConfiguration', 'networkAccessControl', 'removeNetworkAccessConfiguration', 'organizationRoleName', 'stackSetName']) {
      if (input[key] !== undefined) throw validation(`${key} is not supported by the sandbox`);
    }
    if (input.permissionType !== undefined || input.workspaceRoleArn !== undefined || input.accountAccessType !== undefined) {
      const merged = { permissionType: ws.permissionType, accountAccessType: ws.accountAccessType, workspaceRoleArn: ws.roleArn, ...input };
      ws.roleArn = this.checkPermissionModel(merged);
      ws.permissionType = String(merged.permissionType);
      ws.accountAccessType = String(merged.accountAccessType);
    }
    if (typeof input.workspaceName === 'string') ws.name = input.workspaceName;
    if (typeof input.workspaceDescription === 'string') ws.description = input.workspaceDescription;
    ws.status = 'UPDATING';
    ws.modified = new Date();
    ws.readyAt = Date.now() + this.opts.latencies().grafanaUpdate;
    this.transitions.push({ service: 'grafana', resource: ws.id, kind: 'update', to: 'ACTIVE', startedAt: ws.modified.getTime(), doneAt: ws.readyAt });
    return { workspace: describe(ws) };
  }

  updatePermissions(input: Record<string, unknown>, ctx: CallContext) {
    // Every instruction is checked before any is applied: a bad batch changes nothing.
    validate(input, GRAFANA_SPEC.UpdatePermissions.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    if (!ws.authenticationProviders.includes('AWS_SSO')) {
      throw validation('Permissions can be managed only for workspaces that authenticate with AWS_SSO.');
    }
    type User = { id: string; type: string };
    type Instruction = { action: string; role: string; users: User[] };
    const errors: { code: number; message: string; causedBy: Instruction }[] = [];
    for (const instruction of input.updateInstructionBatch as Instruction[]) {
      for (const user of instruction.users) {
        if (!this.opts.ssoDirectory.has(user.id)) {
          const kind = user.type === 'SSO_GROUP' ? 'Group' : 'User';
          errors.push({ code: 404, message: `${kind} ${user.id} was not found in the identity store.`, causedBy: { action: instruction.action, role: instruction.role, users: [user] } });
        } else if (instruction.action === 'ADD') {
          ws.permissions.set(user.id, { type: user.type, role: instruction.role });
        } else if (ws.permissions.get(user.id)?.role === instruction.role) {
          ws.permissions.delete(user.id);
        }
      }
    }
    ws.modified = new Date();
    return { errors };
  }

  listPermissions(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.ListPermissions.input);
    const ws = this.get(input.workspaceId, ctx);
    const matching = [...ws.permissions.entries()]
      .filter(([, p]) => input.userType === undefined || p.type === input.userType)
      .filter(([id, p]) => input.userId === undefined || (p.type === 'SSO_USER' && id === input.userId))
      .filter(([id, p]) => input.groupId === undefined || (p.type === 'SSO_GROUP' && id === input.groupId))
      .map(([id, p]) => ({ user: { id, type: p.type }, role: p.role }));
    const { page, nextToken } = paginate(matching, (p) => p.user.id, {
      nextToken: input.nextToken, maxResults: (input.maxResults as number | undefined) ?? 100,
      filter: { ws: ws.id, userType: input.userType, userId: input.userId, groupId: input.groupId },
    });
    return { permissions: page, nextToken };
  }

  tagResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.TagResource.input);
    const ws = this.byArn(input.resourceArn, ctx);
    const tags = input.tags as Record<string, string>;
    rejectReservedTagKeys(Object.keys(tags));
    if (Object.keys({ ...ws.tags, ...tags }).length > 50) throw validation('A resource can have at most 50 tags.');
    Object.assign(ws.tags, tags);
    return {};
  }

  untagResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.UntagResource.input);
    const ws = this.byArn(input.resourceArn, ctx);
    for (const k of input.tagKeys as string[]) delete ws.tags[k];
    return {};
  }

  listTagsForResource(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.ListTagsForResource.input);
    return { tags: { ...this.byArn(input.resourceArn, ctx).tags } };
  }

  /**
   * What a service-account token grants, for a token valid now (not expired, its account enabled).
   * With `workspaceId`, only a token of that workspace counts: a token is bound to the Grafana it was made in.
   */
  resolveApiToken(key: string, workspaceId?: string): { workspaceId: string; grafanaRole: string } | undefined {
    for (const ws of this.workspaces.values()) {
      if (workspaceId !== undefined && ws.id !== workspaceId) continue;
      if (!this.live(ws) || ws.status !== 'ACTIVE') continue;
      const verdict = this.apiTokenVerdict(ws, key);
      if (verdict.kind === 'valid') return { workspaceId: ws.id, grafanaRole: verdict.grafanaRole };
    }
    return undefined;
  }

  /** How `ws`'s Grafana judges a bearer token: unknown there (deleted, another workspace's) is invalid. */
  private apiTokenVerdict(ws: GrafanaWorkspace, key: string): TokenVerdict {
    for (const sa of ws.serviceAccounts.values()) {
      for (const token of sa.tokens.values()) {
        if (token.key !== key) continue;
        if (sa.isDisabled) return { kind: 'invalid' };
        if (token.expiresAt.getTime() <= Date.now()) return { kind: 'expired' };
        return { kind: 'valid', grafanaRole: sa.grafanaRole as GrafanaRole };
      }
    }
    return { kind: 'invalid' };
  }

  /**
   * One request to the Grafana HTTP API of workspace `workspaceId` (its listener decodes the HTTP).
   * Until the workspace is ACTIVE, and while it is being deleted, Grafana is not there to answer.
   */
  handleApi(workspaceId: string, request: GrafanaRequest): GrafanaReply {
    const ws = this.workspaces.get(workspaceId);
    if (!ws || !this.live(ws) || ws.status !== 'ACTIVE') return message(503, 'workspace is not active');
    const aws: AwsView = {
      iam: this.opts.iam,
      ampWorkspace: (region, id) => {
        const amp = this.opts.amp.workspaces.get(id);
        return amp && amp.region === region && this.opts.amp.live(amp) ? { id: amp.id, arn: amp.arn, accountId: amp.accountId, region: amp.region, status: amp.status } : undefined;
      },
    };
    return handleGrafanaRequest({
      workspace: { id: ws.id, region: ws.region, accountId: ws.accountId, grafanaVersion: ws.grafanaVersion, roleArn: ws.roleArn, store: ws.grafana },
      aws,
      verifyToken: (token) => this.apiTokenVerdict(ws, token),
    }, request);
  }

  /** Closes every workspace's Grafana listener (the sandbox is shutting down). */
  async closeApis(): Promise<void> {
    const all = [...this.apis.values()];
    this.apis.clear();
    await Promise.all(all.map((api) => api.close()));
  }

  private closeApi(id: string): void {
    const api = this.apis.get(id);
    this.apis.delete(id);
    // Nothing waits on it: a listener that fails to close only keeps a port until the sandbox stops.
    api?.close().catch(() => undefined);
  }

  refresh(ws: GrafanaWorkspace): GrafanaWorkspace {
    if (Date.now() < ws.readyAt) return ws;
    if (ws.status === 'CREATING' || ws.status === 'UPDATING') {
      ws.status = 'ACTIVE';
      ws.modified = new Date();
    } else if (ws.status === 'DELETING') {
      this.workspaces.delete(ws.id);
      this.closeApi(ws.id);
    }
    return ws;
  }

  /** Advances `ws` and says whether it still exists. */
  live(ws: GrafanaWorkspace): boolean {
    this.refresh(ws);
    return this.workspaces.has(ws.id);
  }

  private visibleTo(ws: GrafanaWorkspace, ctx: CallContext): boolean {
    return ws.region === ctx.region && ws.accountId === ctx.accountId;
  }

  private get(id: unknown, ctx: CallContext): GrafanaWorkspace {
    const ws = this.workspaces.get(String(id));
    if (!ws || !this.visibleTo(ws, ctx) || !this.live(ws)) {
      throw new AwsError('ResourceNotFoundException', `Workspace ${String(id)} not found.`, 404, { resourceId: String(id), resourceType: 'WORKSPACE' });
    }
    return ws;
  }

  /** Changes inside a workspace (permissions, service accounts) wait until it is ACTIVE. */
  private activeWorkspace(id: unknown, ctx: CallContext): GrafanaWorkspace {
    const ws = this.get(id, ctx);
    if (ws.status !== 'ACTIVE') {
      throw new AwsError('ConflictException', `Workspace ${ws.id} is ${ws.status}; it must be ACTIVE.`, 409, { resourceId: ws.id, resourceType: 'WORKSPACE' });
    }
    return ws;
  }

  private byArn(arn: unknown, ctx: CallContext): GrafanaWorkspace {
    const m = /^arn:aws[-a-z]*:grafana:([^:]+):(\d{12}):\/workspaces\/(g-[0-9a-f]{10})$/.exec(String(arn));
    if (!m) throw validation(`Invalid resource ARN: ${String(arn)}`, 'FIELD_VALIDATION_FAILED');
    if (m[1] !== ctx.region || m[2] !== ctx.accountId) {
      throw new AwsError('ResourceNotFoundException', `Resource not found: ${String(arn)}`, 404, { resourceId: String(arn), resourceType: 'WORKSPACE' });
    }
    return this.get(m[3], ctx);
  }
}

function validation(message: string, reason: 'OTHER' | 'FIELD_VALIDATION_FAILED' = 'OTHER'): AwsError {
  return new AwsError('ValidationException', message, 400, { reason });
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function describe(ws: GrafanaWorkspace) {
  return {
    id: ws.id, name: ws.name, description: ws.description, endpoint: ws.endpoint, status: ws.status,
    accountAccessType: ws.accountAccessType, permissionType: ws.permissionType, workspaceRoleArn: ws.roleArn,
    grafanaVersion: ws.grafanaVersion, created: ws.created, modified: ws.modified, dataSources: [],
    ...(ws.status === 'DEGRADED' && ws.degradedReason ? { degradedWorkspaceReason: ws.degradedReason } : {}),
    authentication: { providers: ws.authenticationProviders }, tags: { ...ws.tags },
  };
}
