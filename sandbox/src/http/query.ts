import { AwsError } from '../core/types';

/**
 * Decodes an awsQuery form body into nested members: `Tags.member.1.Key=a` → `{ Tags: [{ Key: 'a' }] }`,
 * `Parameters.member.2.ParameterValue` → an array slot. Scalars stay strings, as on the wire.
 */
export function decodeQuery(form: URLSearchParams): { action: string; version?: string; input: Record<string, unknown> } {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue;
    setPath(input, key.split('.'), value);
  }
  return { action: form.get('Action') ?? '', version: form.get('Version') ?? undefined, input: compact(input) as Record<string, unknown> };
}

function setPath(target: Record<string, unknown>, parts: string[], value: string): void {
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part === 'member' || part === 'entry') continue;
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** Objects keyed 1..n (from member.N) become arrays, in index order. */
function compact(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => compact(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, compact(v)]));
}

const NAMESPACES: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
};

export function encodeQueryResult(service: string, action: string, result: Record<string, unknown>, requestId: string): string {
  return `<${action}Response xmlns="${NAMESPACES[service]}"><${action}Result>${xml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function encodeQueryError(service: string, err: AwsError, requestId: string): string {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${NAMESPACES[service]}"><Error><Type>${type}</Type><Code>${escape(err.code)}</Code>` +
    `<Message>${escape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

function xml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${xml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`).join('');
  }
  return escape(String(value));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Rejects a form that is not what the SDK sends for the query protocol. */
export function requireQueryForm(contentType: string | undefined): void {
  if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
    throw new AwsError('InvalidParameterValue', 'The query protocol requires an application/x-www-form-urlencoded body.', 400);
  }
}
