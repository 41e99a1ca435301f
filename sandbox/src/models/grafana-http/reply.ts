// The Grafana HTTP API as the model sees it: a decoded request in, a status and a body out. The
// per-workspace listener (sandbox/src/http/grafana-workspace-api.ts) does the HTTP.

export interface GrafanaRequest {
  method: string;
  /** Path without the query, e.g. /api/datasources/uid/abc */
  path: string;
  query: URLSearchParams;
  /** The Authorization header as sent; only the auth module reads it, nothing stores it. */
  authorization?: string;
  body: string;
}

export interface GrafanaReply {
  status: number;
  /** JSON value, or the page for `html` replies. */
  body: unknown;
  html?: boolean;
}

export const json = (status: number, body: unknown): GrafanaReply => ({ status, body });

/** Grafana's usual error body: {"message": …}. */
export const message = (status: number, text: string): GrafanaReply => ({ status, body: { message: text } });

/** The message of an error reply, for the request log. */
export function messageOf(reply: GrafanaReply): string | undefined {
  if (reply.status < 400) return undefined;
  if (reply.html) return `HTTP ${reply.status}`;
  const body = reply.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : `HTTP ${reply.status}`;
}

/** What Grafana's web.Bind answers for a body it cannot decode into the command. */
export const BAD_REQUEST_DATA = message(400, 'bad request data');

/** The request body as a JSON object, or undefined when it is not one. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
