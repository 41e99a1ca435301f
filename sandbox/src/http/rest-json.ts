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
    const bound: Record<string, unknown> = {};
    names.forEach((n, i) => (bound[n] = decodePathLabel(m[i + 1])));
    for (const [name, type] of Object.entries(route.query ?? {})) {
      if (!query.has(name)) continue;
      if (type === 'list') bound[name] = query.getAll(name);
      else if (type === 'integer') {
        const text = query.get(name) ?? '';
        if (!/^-?\d{1,10}$/.test(text)) throw new AwsError('ValidationException', `Value '${text}' at '${name}' failed to satisfy constraint: Member must be an integer`, 400, { reason: 'CANNOT_PARSE' });
        bound[name] = Number(text);
      } else bound[name] = query.get(name);
    }
    // Members bound to the URI win: a body cannot redirect a call to another resource.
    return { route, input: { ...bodyMembers(body, new Set(Object.keys(bound))), ...bound } };
  }
  return undefined;
}

function decodePathLabel(label: string): string {
  try {
    return decodeURIComponent(label);
  } catch {
    throw new AwsError('ValidationException', `The path segment '${label}' is not valid percent-encoding.`, 400, { reason: 'CANNOT_PARSE' });
  }
}

function bodyMembers(body: Buffer, bound: Set<string>): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'Could not parse the request body as JSON.', 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AwsError('SerializationException', 'The request body must be a JSON object.', 400);
  const members: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (k === '__proto__' || bound.has(k)) continue;
    members[k] = v;
  }
  return members;
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
