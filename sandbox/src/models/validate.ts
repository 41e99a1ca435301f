import { createHash } from 'node:crypto';
import { AwsError } from '../core/types';

/**
 * Member constraints as the AWS API models declare them (required, type, enum, pattern, length,
 * range), nested through lists, maps and structures. Patterns are written anchored: AWS matches a
 * model pattern against the whole value.
 */
export interface Rule {
  required?: boolean;
  type?: 'string' | 'integer' | 'boolean' | 'list' | 'map' | 'structure';
  enum?: readonly string[];
  pattern?: RegExp;
  /** Length for strings, count for lists and maps, value for integers. */
  min?: number;
  max?: number;
  /** List members. */
  items?: Rule;
  /** Map keys and values. */
  keys?: Rule;
  values?: Rule;
  /** Structure members. */
  fields?: Spec;
  /** Do not echo the value in messages (tokens, secrets). */
  sensitive?: boolean;
}

export type Spec = Record<string, Rule>;

interface Problem {
  name: string;
  message: string;
}

/**
 * Throws one error listing every violated constraint, worded like the services' own validation
 * ("1 validation error detected: Value 'x' at 'alias' failed to satisfy constraint: …").
 * restJson services add `reason` and `fieldList`; awsQuery ones (errorCode ValidationError) only the message.
 */
export function validate(input: Record<string, unknown>, spec: Spec, errorCode = 'ValidationException'): void {
  const problems: Problem[] = [];
  for (const [name, rule] of Object.entries(spec)) checkMember(name, input[name], rule, problems);
  if (problems.length === 0) return;
  const message = `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.map((p) => p.message).join('; ')}`;
  const extra = errorCode === 'ValidationException' ? { reason: 'FIELD_VALIDATION_FAILED', fieldList: problems } : {};
  throw new AwsError(errorCode, message, 400, extra);
}

function checkMember(path: string, value: unknown, rule: Rule, problems: Problem[]): void {
  const fail = (constraint: string) => problems.push({ name: path, message: `${describeValue(value, rule)} at '${path}' failed to satisfy constraint: ${constraint}` });
  if (value === undefined || value === null) {
    if (rule.required) fail('Member must not be null');
    return;
  }
  const type = rule.type ?? 'string';
  // JSON has one object type: a structure and a map look the same on the wire.
  const actual = typeOf(value) === 'map' && type === 'structure' ? 'structure' : typeOf(value);
  if (actual !== type) {
    fail(`Member must be of type ${type}`);
    return;
  }
  const size = typeof value === 'string' ? value.length : Array.isArray(value) ? value.length
    : typeof value === 'number' ? value : type === 'map' ? Object.keys(value as object).length : undefined;
  const measure = type === 'integer' ? 'value' : 'length';
  if (size !== undefined && rule.min !== undefined && size < rule.min) fail(`Member must have ${measure} greater than or equal to ${rule.min}`);
  if (size !== undefined && rule.max !== undefined && size > rule.max) fail(`Member must have ${measure} less than or equal to ${rule.max}`);
  if (rule.enum && !rule.enum.includes(String(value))) fail(`Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
  if (rule.pattern && typeof value === 'string' && !rule.pattern.test(value)) {
    fail(`Member must satisfy regular expression pattern: ${rule.pattern.source.replace(/^\^|\$$/g, '')}`);
  }
  if (type === 'list' && rule.items) (value as unknown[]).forEach((item, i) => checkMember(`${path}.${i + 1}.member`, item, { required: true, ...rule.items }, problems));
  if (type === 'map') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (rule.keys) checkMember(`${path}.${k}.member.key`, k, rule.keys, problems);
      if (rule.values) checkMember(`${path}.${k}.member.value`, v, { required: true, ...rule.values }, problems);
    }
  }
  if (type === 'structure' && rule.fields) {
    for (const [name, fieldRule] of Object.entries(rule.fields)) checkMember(`${path}.${name}`, (value as Record<string, unknown>)[name], fieldRule, problems);
  }
}

function typeOf(value: unknown): Rule['type'] | 'other' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'other';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return isPlainObject(value) ? 'map' : 'other';
  return 'other';
}

function describeValue(value: unknown, rule: Rule): string {
  if (value === undefined || value === null) return 'Value null';
  if (rule.sensitive || !isScalar(value)) return 'Value';
  return `Value '${String(value)}'`;
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** Tag keys starting with aws: belong to AWS; every service refuses them from callers. */
export function rejectReservedTagKeys(keys: Iterable<string>): void {
  for (const k of keys) {
    if (k.toLowerCase().startsWith('aws:')) {
      throw new AwsError('ValidationException', `Tag key '${k}' uses the reserved prefix 'aws:'.`, 400, { reason: 'FIELD_VALIDATION_FAILED', fieldList: [{ name: 'tags', message: 'reserved prefix aws:' }] });
    }
  }
}

export interface PageRequest {
  nextToken: unknown;
  maxResults: number;
  /**
   * Everything else the first request asked for (filters). A token is only valid with the same
   * filters, as the APIs document ("the other parameters must be the same as the initial call").
   */
  filter: unknown;
}

/**
 * Cursor pagination: the token names the last item returned, so creations and deletions between
 * pages neither skip nor repeat items. `sortKey` must be unique and stable per item.
 */
export function paginate<T>(items: T[], sortKey: (item: T) => string, req: PageRequest): { page: T[]; nextToken?: string } {
  const sorted = [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const fingerprint = createHash('sha256').update(JSON.stringify(req.filter ?? null)).digest('hex').slice(0, 16);
  let rest = sorted;
  if (req.nextToken !== undefined) {
    const cursor = decodeToken(req.nextToken);
    if (!cursor || cursor.f !== fingerprint) throw new AwsError('ValidationException', 'Invalid nextToken: it was not issued for this request.', 400, { reason: 'OTHER' });
    rest = sorted.filter((item) => sortKey(item) > cursor.after);
  }
  const page = rest.slice(0, req.maxResults);
  const nextToken = rest.length > req.maxResults
    ? Buffer.from(JSON.stringify({ after: sortKey(page[page.length - 1]), f: fingerprint })).toString('base64url')
    : undefined;
  return { page, nextToken };
}

function decodeToken(token: unknown): { after: string; f: string } | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown; f?: unknown };
    return typeof parsed.after === 'string' && typeof parsed.f === 'string' ? { after: parsed.after, f: parsed.f } : undefined;
  } catch {
    return undefined;
  }
}

let creations = 0;

/** A sortable key in creation order: two resources created in the same millisecond still list in the order they were made. */
export function nextCreationKey(): string {
  return String(++creations).padStart(12, '0');
}

/** JSON with object keys sorted at every level: two requests that differ only in member order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}
