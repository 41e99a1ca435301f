import { AwsError } from '../core/types';

/** API versions the awsQuery services speak; a request for another version names no operation. */
export const QUERY_API_VERSIONS: Record<string, string> = {
  sts: '2011-06-15',
  cloudformation: '2010-05-15',
  ec2: '2016-11-15',
};

const NAMESPACES: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
};

// Keys that would reach Object.prototype through a plain-object walk.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Decodes an awsQuery form body into nested members: `Tags.member.1.Key=a` → `{ Tags: [{ Key: 'a' }] }`,
 * `Parameters.member.2.ParameterValue` → an array slot. Scalars stay strings, as on the wire; what a
 * member means is the model's business. Maps (`X.entry.N.key/value`) arrive as arrays of {key, value}.
 */
export function decodeQuery(form: URLSearchParams): { action: string; version?: string; input: Record<string, unknown> } {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue;
    setPath(input, key, value);
  }
  return { action: form.get('Action') ?? '', version: form.get('Version') ?? undefined, input: compact(input) as Record<string, unknown> };
}

function setPath(target: Record<string, unknown>, key: string, value: string): void {
  const parts = key.split('.').filter((p) => p !== 'member' && p !== 'entry');
  if (parts.some((p) => p === '' || FORBIDDEN_SEGMENTS.has(p))) throw malformed(key);
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : (node[part] = {});
    // `A=x` together with `A.B=y`: a member cannot be a scalar and a structure at once.
    if (typeof next !== 'object' || next === null) throw malformed(key);
    node = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (Object.hasOwn(node, last)) throw malformed(key);
  node[last] = value;
}

function malformed(key: string): AwsError {
  return new AwsError('MalformedQueryString', `The query parameter '${key}' is malformed or conflicts with another parameter.`, 400);
}

/** Objects keyed 1..n (from member.N) become arrays, in index order. AWS lists start at 1. */
function compact(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    if (entries.some(([k]) => Number(k) < 1)) throw new AwsError('MalformedQueryString', 'List member indexes start at 1.', 400);
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => compact(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, compact(v)]));
}

/** The Action and Version checks every awsQuery service makes before it looks at members. */
export function requireActionAndVersion(service: string, action: string, version: string | undefined): void {
  if (!action) throw new AwsError('MissingAction', 'Could not find operation: the Action parameter is missing.', 400);
  if (version === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter Version.', 400);
  if (version !== QUERY_API_VERSIONS[service]) {
    throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${version}`, 400);
  }
}

export function encodeQueryResult(service: string, action: string, result: Record<string, unknown>, requestId: string): string {
  return `<${action}Response xmlns="${NAMESPACES[service]}"><${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function encodeQueryError(service: string, err: AwsError, requestId: string): string {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${NAMESPACES[service] ?? NAMESPACES.sts}"><Error><Type>${type}</Type><Code>${xmlEscape(err.code)}</Code>` +
    `<Message>${xmlEscape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * A value as the query protocols' XML: members as elements, lists as `listItem` elements (`member` for
 * the awsQuery services, `item` for EC2's own protocol).
 */
export function toXml(value: unknown, listItem = 'member'): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => {
        // A model bug must not produce XML the SDK silently misreads.
        if (!ELEMENT_NAME.test(k)) throw new Error(`sandbox bug: '${k}' is not a valid XML element name`);
        return `<${k}>${toXml(v, listItem)}</${k}>`;
      }).join('');
  }
  return xmlEscape(String(value));
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Rejects a form that is not what the SDK sends for the query protocol. */
export function requireQueryForm(method: string, contentType: string | undefined): void {
  if (method !== 'POST' || !contentType?.startsWith('application/x-www-form-urlencoded')) {
    throw new AwsError('InvalidParameterValue', 'The query protocol requires a POST with an application/x-www-form-urlencoded body.', 400);
  }
}
