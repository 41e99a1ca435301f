import type { Change, ResourceChange, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import type { ParameterChange } from '../aws/stacks';
import { code, plain } from './markdown';

/**
 * A change set as a reviewer reads it: a count line, the parameters that changed, and each modified resource's
 * property changes with before → after values (DescribeChangeSet with IncludePropertyValues). Pure: the markdown for
 * the comment and the lines for the log come from the same model.
 *
 * Counting: "to modify" is an in-place update (Replacement False); "to replace" is a Modify whose Replacement is True
 * or Conditional, since Conditional may replace it and a reviewer must know that before it happens; the two never
 * overlap, so the counts add up to the number of changes.
 */

export interface ChangeSetView {
  changes: Change[];
  parameters: ParameterChange[];
}

export interface PropertyChange {
  /** `ContainerDefinitions[app].Image`, from `/Properties/ContainerDefinitions/0/Image`. */
  path: string;
  kind: 'Add' | 'Remove' | 'Modify';
  before?: string;
  after?: string;
}

export interface ResourceLine {
  action: 'Add' | 'Modify' | 'Replace' | 'Remove' | string;
  logicalId: string;
  type: string;
  /** Replacement Conditional: CloudFormation may replace it. */
  conditional: boolean;
  properties: PropertyChange[];
  /** Names of properties changed without values (a change set described without them). */
  names: string[];
}

export interface Counts { add: number; modify: number; replace: number; remove: number }

/** Values longer than this are shortened in the middle, where an image tag or ARN differs least. */
const MAX_VALUE = 60;
/** Resources to add shown inline; more (a first deploy) are folded. */
const MAX_INLINE_ADDS = 3;

const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';
/** "Large values can be truncated" (ResourceTargetDefinition.BeforeValue): CloudFormation then sends a hash. */
const TRUNCATED = /^\(Truncated-Signature\):/;

export function resourceLines(changes: Change[]): ResourceLine[] {
  return changes.filter((c) => c.ResourceChange).map((c) => {
    const r = c.ResourceChange!;
    const replace = r.Action === 'Modify' && (r.Replacement === 'True' || r.Replacement === 'Conditional');
    const properties = propertyChanges(r);
    const named = (r.Details ?? []).filter((d) => !d.Target?.Path).map((d) => d.Target?.Name ?? d.Target?.Attribute ?? '').filter(Boolean);
    return {
      action: replace ? 'Replace' : r.Action ?? '?',
      logicalId: r.LogicalResourceId ?? '?',
      type: r.ResourceType ?? '?',
      conditional: r.Replacement === 'Conditional',
      properties,
      names: [...new Set(named)].filter((n) => !properties.some((p) => p.path.split(/[.[]/)[0] === n)),
    };
  });
}

export function countChanges(lines: ResourceLine[]): Counts {
  const n = (a: string) => lines.filter((l) => l.action === a).length;
  return { add: n('Add'), modify: n('Modify'), replace: n('Replace'), remove: n('Remove') };
}

export function countLine(c: Counts): string {
  return `${c.add} to add, ${c.modify} to modify, ${c.replace} to replace, ${c.remove} to remove`;
}

/**
 * One entry per changed path. A property fed by a changed parameter comes twice (a Dynamic DirectModification and a
 * Static ParameterReference with the same target, CloudFormation User Guide "Example change sets"): the Static one
 * is kept, as that guide advises.
 */
export function propertyChanges(r: ResourceChange): PropertyChange[] {
  const before = parseContext(r.BeforeContext);
  const after = parseContext(r.AfterContext);
  const byPath = new Map<string, ResourceChangeDetail>();
  for (const d of r.Details ?? []) {
    const path = d.Target?.Path;
    if (!path) continue;
    const seen = byPath.get(path);
    if (!seen || (seen.Evaluation !== 'Static' && d.Evaluation === 'Static')) byPath.set(path, d);
  }
  return [...byPath.entries()].map(([path, d]) => ({
    path: readablePath(path, d.Target?.AttributeChangeType === 'Add' ? after ?? before : before ?? after),
    kind: (d.Target?.AttributeChangeType as PropertyChange['kind']) ?? 'Modify',
    before: d.Target?.BeforeValue,
    after: d.Target?.AfterValue,
  }));
}

function parseContext(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `/Properties/ContainerDefinitions/0/Environment/2/Value` → `ContainerDefinitions[app].Environment[PORT].Value`:
 * a list element is named by its `Name` or `Key` where the resource's context has one, else by its index.
 */
export function readablePath(pointer: string, context?: unknown): string {
  const parts = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'Properties') parts.shift();
  let node: unknown = (context as { Properties?: unknown } | undefined)?.Properties;
  let out = '';
  for (const part of parts) {
    const child = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (/^\d+$/.test(part) && (Array.isArray(node) || node === undefined)) {
      const el = child as Record<string, unknown> | undefined;
      const name = el && typeof el === 'object' ? (typeof el.Name === 'string' ? el.Name : typeof el.Key === 'string' ? el.Key : undefined) : undefined;
      out += `[${name ?? part}]`;
    } else {
      out += out ? `.${part}` : part;
    }
    node = child;
  }
  return out || pointer;
}

/** Shortened in the middle, keeping both ends (a registry and a tag, an ARN's service and its id). */
export function shorten(text: string, max = MAX_VALUE): string {
  const flat = text.replace(/\s*\r?\n\s*/g, ' ');
  if (flat.length <= max) return flat;
  const head = Math.ceil((max - 1) / 2);
  return `${flat.slice(0, head)}…${flat.slice(flat.length - (max - 1 - head))}`;
}

/**
 * Before and after with their shared beginning elided up to a `:`, `/` or `@`, so an image change reads
 * `…:v1` → `…:4f1c2e9` rather than two long repository names that differ at the end.
 */
export function beforeAfter(before: string, after: string): [string, string] {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  const cut = Math.max(before.lastIndexOf(':', i - 1), before.lastIndexOf('/', i - 1), before.lastIndexOf('@', i - 1));
  if (cut < 12 || i >= before.length && i >= after.length) return [before, after];
  return [`…${before.slice(cut)}`, `…${after.slice(cut)}`];
}

function valueText(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === KNOWN_AFTER_APPLY) return '(known after deploy)';
  if (TRUNCATED.test(v)) return '(too long to show)';
  return shorten(v);
}

function change(before: string | undefined, after: string | undefined, fmt: (s: string) => string): string {
  const b = valueText(before);
  const a = valueText(after);
  if (b === undefined && a === undefined) return '';
  if (b === undefined) return `added ${fmt(a!)}`;
  if (a === undefined) return `removed (was ${fmt(b)})`;
  const special = (s: string) => s.startsWith('(') && s.endsWith(')');
  const [eb, ea] = special(b) || special(a) || (before ?? '').length > MAX_VALUE || (after ?? '').length > MAX_VALUE ? [b, a] : beforeAfter(b, a);
  return `${special(eb) ? eb : fmt(eb)} → ${special(ea) ? ea : fmt(ea)}`;
}

const SYMBOL: Record<string, string> = { Add: '➕', Modify: '✏️', Replace: '⚠️', Remove: '➖' };

function resourceHeading(l: ResourceLine): string {
  const what = l.action === 'Replace' ? (l.conditional ? '**may be replaced**' : '**replaced**') : l.action === 'Remove' ? '**removed**' : '';
  return `${Object.hasOwn(SYMBOL, l.action) ? SYMBOL[l.action] : plain(l.action)} ${code(l.logicalId)} (${plain(l.type)})${what ? ` ${what}` : ''}`;
}

/** The change set as markdown for the comment and summary: every value escaped, none of it trusted. */
export function renderChangeSet(view: ChangeSetView): string {
  const lines = resourceLines(view.changes);
  if (lines.length === 0 && view.parameters.length === 0) return '_No changes._';
  const out = [`**${countLine(countChanges(lines))}**`];
  if (view.parameters.length) {
    out.push('', 'Parameters:');
    for (const p of view.parameters) out.push(`- ${code(p.key)}: ${change(p.before, p.after, code)}`);
  }
  const adds = lines.filter((l) => l.action === 'Add');
  const others = lines.filter((l) => l.action !== 'Add');
  if (others.length) {
    out.push('');
    for (const l of others) {
      out.push(`- ${resourceHeading(l)}`);
      for (const p of l.properties) out.push(`  - ${plain(p.path)}: ${change(p.before, p.after, code)}`);
      if (l.names.length) out.push(`  - ${l.names.map(plain).join(', ')}`);
    }
  }
  if (adds.length) {
    const list = adds.map((l) => `- ${code(l.logicalId)} (${plain(l.type)})`);
    if (adds.length <= MAX_INLINE_ADDS && others.length) out.push(...list);
    else out.push('', `<details><summary>${adds.length} resource(s) to add</summary>`, '', ...list, '', '</details>');
  }
  return out.join('\n');
}

/** The same for the log: plain text, one change a line, values shortened. */
export function formatChangeSetLines(view: ChangeSetView): string[] {
  const lines = resourceLines(view.changes);
  if (lines.length === 0 && view.parameters.length === 0) return [];
  const quote = (s: string) => s;
  const out = [countLine(countChanges(lines))];
  for (const p of view.parameters) out.push(`parameter ${p.key}: ${change(p.before, p.after, quote)}`);
  for (const l of lines) {
    const replaced = l.action === 'Replace' ? (l.conditional ? ' [may be replaced]' : ' [replacement]') : '';
    out.push(`${(l.action === 'Replace' ? 'Modify' : l.action).padEnd(6)} ${l.logicalId} (${l.type})${replaced}${l.names.length ? `: ${l.names.join(', ')}` : ''}`);
    for (const p of l.properties) out.push(`         ${p.path}: ${change(p.before, p.after, quote)}`);
  }
  return out;
}
