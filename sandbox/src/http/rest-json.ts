import { AwsError } from '../core/types';

export interface RestRoute {
  method: string;
  /** e.g. /workspaces/{workspaceId}; {name+} is not needed by the services modelled. */
  path: string;
  operation: string;
  /** Success status from the model (202 for asynchronous creates and deletes). */
  status: number;
  /** Query-string members and their types. */
  query?: Record<string, 'string' | 'integer' | 'list'>;
}

export interface MatchedRoute {
  route: RestRoute;
  input: Record<string, unknown>;
}

/** Matches a request to a route and assembles the operation input from path, query and JSON body. */
export function matchRoute(routes: RestRoute[], method: string, path: string, query: URLSearchParams, body: Buffer): MatchedRoute | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const names: string[] = [];
    const re = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, n: string) => { names.push(n); return '([^/]+)'; })}$`);
    const m = re.exec(path);
    if (!m) continue;
    const input: Record<string, unknown> = {};
    names.forEach((n, i) => (input[n] = decodeURIComponent(m[i + 1])));
    for (const [name, type] of Object.entries(route.query ?? {})) {
      if (!query.has(name)) continue;
      if (type === 'list') input[name] = query.getAll(name);
      else if (type === 'integer') {
        const n = Number(query.get(name));
        if (!Number.isInteger(n)) throw new AwsError('ValidationException', `Value at '${name}' failed to satisfy constraint: Member must be an integer`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
        input[name] = n;
      } else input[name] = query.get(name);
    }
    if (body.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new AwsError('SerializationException', 'Could not parse the request body as JSON.', 400);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AwsError('SerializationException', 'The request body must be a JSON object.', 400);
      Object.assign(input, parsed);
    }
    return { route, input };
  }
  return undefined;
}


/** Dates become epoch-second numbers; undefined members are dropped. */
export function encodeRestJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

export function restJsonError(err: AwsError): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: err.status,
    headers: { 'x-amzn-errortype': err.code, 'content-type': 'application/json' },
    body: encodeRestJson({ message: err.message, ...err.extra }),
  };
}
