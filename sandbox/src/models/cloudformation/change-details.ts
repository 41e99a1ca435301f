import { UNKNOWN } from './intrinsics';

/**
 * The property-level part of a change set, as DescribeChangeSet returns it with IncludePropertyValues.
 *
 * What the real service returns (AWS CloudFormation User Guide, "Example change sets", section
 * "Viewing property-level changes", awsdocs cloudformation-user-guide using-cfn-updating-stacks-changesets-samples.md):
 * one Detail per changed leaf, `Path` a JSON pointer from the resource (`/Properties/Tags/0/Value`), `BeforeValue` /
 * `AfterValue` the leaf as a string (an added object, `/Properties/Tags/0`, is its JSON), `AttributeChangeType`
 * Add | Remove | Modify (service-2.json AttributeChangeType), an added leaf has no BeforeValue and a removed one no
 * AfterValue, and the resource carries `BeforeContext` / `AfterContext`, JSON strings of `{"Properties": …}`.
 * A value only known once the change set runs reads `{{changeSet:KNOWN_AFTER_APPLY}}` (localstack's AWS-validated
 * change-set describer, engine/v2/change_set_model_describer.py, CHANGESET_KNOWN_AFTER_APPLY).
 */
export const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';

export interface LeafChange {
  path: string;
  type: 'Add' | 'Remove' | 'Modify';
  before?: string;
  after?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

/** A leaf's value as CloudFormation writes it: strings as they are, anything else as JSON. */
export function valueText(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.includes(UNKNOWN) ? KNOWN_AFTER_APPLY : text;
}

/** Every leaf that differs between two property values, with the JSON-pointer path CloudFormation reports. */
export function leafChanges(before: unknown, after: unknown, path: string): LeafChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before === undefined) return [{ path, type: 'Add', after: valueText(after) }];
  if (after === undefined) return [{ path, type: 'Remove', before: valueText(before) }];
  if (isObject(before) && isObject(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((k) => leafChanges(before[k], after[k], `${path}/${escapePointer(k)}`));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => leafChanges(before[i], after[i], `${path}/${i}`)).flat();
  }
  return [{ path, type: 'Modify', before: valueText(before), after: valueText(after) }];
}

/** RFC 6901: `~` and `/` inside a key. */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `BeforeContext` / `AfterContext`: the resource's properties as one JSON string. */
export function context(properties: Record<string, unknown>): string {
  // UNKNOWN has no character JSON escapes, so it appears in the text as it is.
  return JSON.stringify({ Properties: properties }).split(UNKNOWN).join(KNOWN_AFTER_APPLY);
}
