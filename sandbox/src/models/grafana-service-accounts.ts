import { randomBytes } from 'node:crypto';
import { AwsError, CallContext } from '../core/types';
import { GRAFANA_SPEC } from './specs/grafana';
import { paginate, validate } from './validate';

export interface ServiceAccountToken {
  id: string;
  name: string;
  /** Shown once, at creation; the Grafana HTTP API accepts it as a bearer token. */
  key: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface ServiceAccount {
  id: string;
  name: string;
  grafanaRole: string;
  isDisabled: boolean;
  tokens: Map<string, ServiceAccountToken>;
}

interface WorkspaceLike {
  id: string;
  grafanaVersion: string;
  serviceAccounts: Map<string, ServiceAccount>;
}

/**
 * Service accounts and their tokens inside AMG workspaces: how automation gets a Grafana API key
 * since API keys were deprecated (Grafana ≥ 9). Ids are Grafana's numeric ones, as strings.
 */
export class GrafanaServiceAccounts {
  private nextId = 2;
  /** Every token key handed out, deleted ones included: tests check that none leaks into logs. */
  readonly issuedKeys: string[] = [];

  constructor(private readonly activeWorkspace: (id: unknown, ctx: CallContext) => WorkspaceLike) {}

  create(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.CreateWorkspaceServiceAccount.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    if (Number.parseInt(ws.grafanaVersion, 10) < 9) {
      throw new AwsError('ValidationException', `Service accounts need Grafana 9 or later; workspace ${ws.id} runs ${ws.grafanaVersion}.`, 400, { reason: 'OTHER' });
    }
    const name = String(input.name);
    if ([...ws.serviceAccounts.values()].some((sa) => sa.name === name)) {
      throw new AwsError('ConflictException', `A service account named ${name} already exists in workspace ${ws.id}.`, 409, { resourceId: name, resourceType: 'SERVICE_ACCOUNT' });
    }
    const sa: ServiceAccount = { id: String(this.nextId++), name, grafanaRole: String(input.grafanaRole), isDisabled: false, tokens: new Map() };
    ws.serviceAccounts.set(sa.id, sa);
    return { id: sa.id, name: sa.name, grafanaRole: sa.grafanaRole, workspaceId: ws.id };
  }

  list(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.ListWorkspaceServiceAccounts.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    const { page, nextToken } = paginate([...ws.serviceAccounts.values()], (sa) => sa.id.padStart(12, '0'), {
      nextToken: input.nextToken, maxResults: (input.maxResults as number | undefined) ?? 100, filter: { ws: ws.id },
    });
    return {
      workspaceId: ws.id,
      serviceAccounts: page.map((sa) => ({ id: sa.id, name: sa.name, grafanaRole: sa.grafanaRole, isDisabled: String(sa.isDisabled) })),
      nextToken,
    };
  }

  delete(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.DeleteWorkspaceServiceAccount.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    const sa = this.account(ws, input.serviceAccountId);
    ws.serviceAccounts.delete(sa.id);
    return { serviceAccountId: sa.id, workspaceId: ws.id };
  }

  createToken(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.CreateWorkspaceServiceAccountToken.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    const sa = this.account(ws, input.serviceAccountId);
    const name = String(input.name);
    if ([...sa.tokens.values()].some((t) => t.name === name)) {
      throw new AwsError('ConflictException', `Service account ${sa.id} already has a token named ${name}.`, 409, { resourceId: name, resourceType: 'SERVICE_ACCOUNT_TOKEN' });
    }
    const now = new Date();
    const token: ServiceAccountToken = {
      id: String(this.nextId++), name, key: `glsa_${randomBytes(24).toString('base64url').slice(0, 32)}_${randomBytes(4).toString('hex')}`,
      createdAt: now, expiresAt: new Date(now.getTime() + (input.secondsToLive as number) * 1000),
    };
    sa.tokens.set(token.id, token);
    this.issuedKeys.push(token.key);
    return { serviceAccountToken: { id: token.id, name: token.name, key: token.key }, serviceAccountId: sa.id, workspaceId: ws.id };
  }

  listTokens(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.ListWorkspaceServiceAccountTokens.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    const sa = this.account(ws, input.serviceAccountId);
    const { page, nextToken } = paginate([...sa.tokens.values()], (t) => t.id.padStart(12, '0'), {
      nextToken: input.nextToken, maxResults: (input.maxResults as number | undefined) ?? 100, filter: { ws: ws.id, sa: sa.id },
    });
    return {
      workspaceId: ws.id, serviceAccountId: sa.id, nextToken,
      serviceAccountTokens: page.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt })),
    };
  }

  deleteToken(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, GRAFANA_SPEC.DeleteWorkspaceServiceAccountToken.input);
    const ws = this.activeWorkspace(input.workspaceId, ctx);
    const sa = this.account(ws, input.serviceAccountId);
    const token = sa.tokens.get(String(input.tokenId));
    if (!token) {
      throw new AwsError('ResourceNotFoundException', `Token ${String(input.tokenId)} not found.`, 404, { resourceId: String(input.tokenId), resourceType: 'SERVICE_ACCOUNT_TOKEN' });
    }
    sa.tokens.delete(token.id);
    return { tokenId: token.id, serviceAccountId: sa.id, workspaceId: ws.id };
  }

  private account(ws: WorkspaceLike, id: unknown): ServiceAccount {
    const sa = ws.serviceAccounts.get(String(id));
    if (!sa) throw new AwsError('ResourceNotFoundException', `Service account ${String(id)} not found.`, 404, { resourceId: String(id), resourceType: 'SERVICE_ACCOUNT' });
    return sa;
  }
}
