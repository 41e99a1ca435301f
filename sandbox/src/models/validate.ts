import { AwsError } from '../core/types';

/**
 * Member checks as the AWS API models declare them (required, enum, pattern, length, range). Each
 * failure is a ValidationException worded like the service's own, naming the member.
 */
export interface Rule {
  required?: boolean;
  type?: 'string' | 'integer' | 'boolean' | 'list' | 'map' | 'structure';
  enum?: readonly string[];
  pattern?: RegExp;
  min?: number;
  max?: number;
}

export type Spec = Record<string, Rule>;

export function validate(input: Record<string, unknown>, spec: Spec, errorCode = 'ValidationException'): void {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(spec)) {
    const value = input[name];
    if (value === undefined || value === null) {
      if (rule.required) problems.push(`Value null at '${name}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    const type = rule.type ?? 'string';
    const actual = Array.isArray(value) ? 'list' : typeof value === 'number' ? 'integer' : typeof value === 'object' ? 'map' : typeof value;
    if (actual !== type && !(type === 'structure' && actual === 'map')) {
      problems.push(`Value at '${name}' failed to satisfy constraint: Member must be of type ${type}`);
      continue;
    }
    const size = typeof value === 'string' || Array.isArray(value) ? value.length : type === 'map' ? Object.keys(value as object).length : (value as number);
    if (rule.min !== undefined && size < rule.min) problems.push(`Value at '${name}' failed to satisfy constraint: Member must have ${type === 'integer' ? 'value greater than or equal to' : 'length greater than or equal to'} ${rule.min}`);
    if (rule.max !== undefined && size > rule.max) problems.push(`Value at '${name}' failed to satisfy constraint: Member must have ${type === 'integer' ? 'value less than or equal to' : 'length less than or equal to'} ${rule.max}`);
    const items = Array.isArray(value) ? value : [value];
    if (rule.enum && items.some((v) => !rule.enum!.includes(String(v)))) {
      problems.push(`Value at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
    }
    if (rule.pattern && typeof value === 'string' && !rule.pattern.test(value)) {
      problems.push(`Value '${value}' at '${name}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.pattern.source}`);
    }
  }
  if (problems.length > 0) {
    throw new AwsError(errorCode, `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
  }
}

// The tag alphabet of the AMP model (AMG's is a superset); keys may not start with aws:.
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function validateTags(tags: unknown, member = 'tags'): Record<string, string> {
  if (tags === undefined) return {};
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) throw new AwsError('ValidationException', `${member} must be a map`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 50) throw new AwsError('ValidationException', `${member}: at most 50 tags`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128 || !TAG_TEXT.test(k) || k.toLowerCase().startsWith('aws:')) {
      throw new AwsError('ValidationException', `Invalid tag key '${k}' in ${member}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
    }
    if (typeof v !== 'string' || v.length > 256 || !TAG_TEXT.test(v)) {
      throw new AwsError('ValidationException', `Invalid tag value for key '${k}' in ${member}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
    }
  }
  return { ...(tags as Record<string, string>) };
}

/** Opaque pagination: the offset, encoded so clients cannot rely on its shape. */
export function paginate<T>(items: T[], nextToken: unknown, maxResults: number): { page: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = Number(Buffer.from(String(nextToken), 'base64url').toString('utf8').replace(/^offset:/, ''));
    if (!Number.isInteger(decoded) || decoded < 0) throw new AwsError('ValidationException', 'Invalid nextToken', 400, { reason: 'OTHER' });
    start = decoded;
  }
  const page = items.slice(start, start + maxResults);
  const next = start + maxResults < items.length ? Buffer.from(`offset:${start + maxResults}`).toString('base64url') : undefined;
  return { page, nextToken: next };
}
