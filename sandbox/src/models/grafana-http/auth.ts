import { randomInt } from 'node:crypto';
import { GrafanaReply, json, message } from './reply';

export type GrafanaRole = 'VIEWER' | 'EDITOR' | 'ADMIN';

/** How a workspace judges a bearer token. Only the service-account model knows the tokens. */
export type TokenVerdict = { kind: 'valid'; grafanaRole: GrafanaRole } | { kind: 'expired' } | { kind: 'invalid' };

const RANK: Record<GrafanaRole, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

/**
 * The caller's role from the Authorization header: `Bearer <token>`, or Basic with user `api_key`
 * as Grafana also accepts. Grafana's answers: 401 "Unauthorized" without credentials, and the
 * authn API-key client's errors (pkg/services/authn/clients/api_key.go) for a bad or expired token.
 */
export function authenticate(authorization: string | undefined, verify: (token: string) => TokenVerdict): { role: GrafanaRole } | GrafanaReply {
  const token = tokenOf(authorization);
  if (!token) return message(401, 'Unauthorized');
  const verdict = verify(token);
  if (verdict.kind === 'valid') return { role: verdict.grafanaRole };
  if (verdict.kind === 'expired') return json(401, { message: 'Expired API key', messageId: 'api-key.expired', statusCode: 401 });
  return json(401, { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 });
}

function tokenOf(authorization: string | undefined): string | undefined {
  const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (bearer) return bearer;
  const basic = /^Basic (\S+)$/.exec(authorization ?? '')?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  return decoded.startsWith('api_key:') ? decoded.slice('api_key:'.length) || undefined : undefined;
}

export function roleAllows(role: GrafanaRole, needed: GrafanaRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** Grafana's RBAC denial (pkg/services/accesscontrol/middleware.go), naming the missing action. */
export function forbidden(permission: string): GrafanaReply {
  return json(403, {
    title: 'Access denied',
    message: `You'll need additional permissions to perform this action. Permissions needed: ${permission}`,
    accessErrorId: `ACE${String(randomInt(0, 1e10)).padStart(10, '0')}`,
  });
}
