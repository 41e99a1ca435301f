import { AwsError } from '../../core/types';
import { dependencies, evaluate, EvalContext, NO_VALUE, ResolvedResource } from './intrinsics';
import { PROVIDERS } from './providers';
import { ParameterDecl, Template } from './template';
import { context, KNOWN_AFTER_APPLY, LeafChange, leafChanges, valueText } from './change-details';

const validation = (message: string) => new AwsError('ValidationError', message, 400);

/** Checks what CloudFormation checks before it accepts a template: types, references, cycles, attributes. */
export function validateTemplate(t: Template): void {
  const resources = t.Resources;
  const unknown = Object.values(resources).map((r) => r?.Type).filter((type) => !type || !(type in PROVIDERS));
  if (unknown.length > 0) throw validation(`Template format error: Unrecognized resource types: [${[...new Set(unknown)].join(', ')}]`);
  const known = new Set([...Object.keys(resources), ...Object.keys(t.Parameters ?? {})]);
  const unresolved = new Set<string>();
  for (const [id, r] of Object.entries(resources)) {
    for (const dep of [...dependencies(r.Properties ?? {}), ...([] as string[]).concat(r.DependsOn ?? [])]) if (!known.has(dep)) unresolved.add(dep);
    checkGetAtt(r.Properties ?? {}, t, id);
  }
  for (const out of Object.values(t.Outputs ?? {})) for (const dep of dependencies(out.Value)) if (!known.has(dep)) unresolved.add(dep);
  if (unresolved.size > 0) {
    throw validation(`Template format error: Unresolved resource dependencies [${[...unresolved].join(', ')}] in the Resources block of the template`);
  }
  for (const [name, p] of Object.entries(t.Parameters ?? {})) {
    if (!p?.Type) throw validation(`Template format error: Every Parameters object must contain a Type member. (${name})`);
  }
  resourceOrder(t);
}

function checkGetAtt(node: unknown, t: Template, owner: string): void {
  if (Array.isArray(node)) node.forEach((n) => checkGetAtt(n, t, owner));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(v) ? v.map(String) : [String(v).split('.')[0], String(v).split('.').slice(1).join('.')];
        const type = t.Resources[id]?.Type;
        if (type && !PROVIDERS[type].attributes.includes(attr)) {
          throw validation(`Template error: resource ${id} does not support attribute type ${attr} in Fn::GetAtt`);
        }
      } else checkGetAtt(v, t, owner);
    }
  }
}

/** The resources `id` refers to or DependsOn; references anywhere in it (Metadata too) order it after what they name. */
export function resourceDependencies(t: Template, id: string): string[] {
  const r = t.Resources[id];
  if (!r) return [];
  return [...new Set([...dependencies(r.Properties ?? {}), ...dependencies(r.Metadata ?? {}), ...([] as string[]).concat(r.DependsOn ?? [])])];
}

/** Resource ids grouped in waves: each wave depends only on earlier waves, so a wave provisions in parallel. */
export function resourceOrder(t: Template, ids: string[] = Object.keys(t.Resources)): string[][] {
  const included = new Set(ids);
  const deps = new Map(ids.map((id) => [id, resourceDependencies(t, id).filter((d) => included.has(d))]));
  const waves: string[][] = [];
  const done = new Set<string>();
  while (done.size < ids.length) {
    const wave = ids.filter((id) => !done.has(id) && deps.get(id)!.every((d) => done.has(d)));
    if (wave.length === 0) {
      throw validation(`Circular dependency between resources: [${ids.filter((id) => !done.has(id)).join(', ')}]`);
    }
    wave.forEach((id) => done.add(id));
    waves.push(wave);
  }
  return waves;
}

/**
 * Capabilities the template needs, as CreateStack/CreateChangeSet demand them. A name property that
 * evaluates to AWS::NoValue (the usual `!If [HasName, !Ref Name, !Ref AWS::NoValue]`) names nothing.
 */
export function requiredCapabilities(t: Template, ctx: EvalContext): string[] {
  let iam = false;
  let named = false;
  for (const r of Object.values(t.Resources)) {
    const provider = PROVIDERS[r.Type];
    if (!provider?.iam || (r.Condition && !ctx.conditions[r.Condition])) continue;
    iam = true;
    const nameProp = provider.iam.nameProperty;
    if (nameProp && r.Properties?.[nameProp] !== undefined && evaluate(r.Properties[nameProp], ctx) !== NO_VALUE) named = true;
  }
  return named ? ['CAPABILITY_NAMED_IAM'] : iam ? ['CAPABILITY_IAM'] : [];
}

export function checkCapabilities(t: Template, ctx: EvalContext, given: string[]): void {
  const needed = requiredCapabilities(t, ctx);
  if (needed.length === 0) return;
  const ok = needed[0] === 'CAPABILITY_NAMED_IAM' ? given.includes('CAPABILITY_NAMED_IAM') : given.includes('CAPABILITY_IAM') || given.includes('CAPABILITY_NAMED_IAM');
  if (!ok) throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${needed[0]}]`, 400);
}

/** Parameter values after defaults, previous values and the template's constraints. */
export function resolveParameters(
  decls: Record<string, ParameterDecl> = {},
  supplied: { ParameterKey?: string; ParameterValue?: string; UsePreviousValue?: string }[] = [],
  previous: Record<string, string> = {},
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of supplied) {
    const key = p.ParameterKey ?? '';
    if (!(key in decls)) throw validation(`Parameters: [${key}] do not exist in the template`);
    if (p.UsePreviousValue === 'true') {
      if (!(key in previous)) throw validation(`Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
      values[key] = previous[key];
    } else values[key] = p.ParameterValue ?? '';
  }
  const missing: string[] = [];
  for (const [name, decl] of Object.entries(decls)) {
    if (!(name in values)) {
      if (decl.Default !== undefined) values[name] = String(decl.Default);
      else missing.push(name);
    }
  }
  if (missing.length > 0) throw validation(`Parameters: [${missing.join(', ')}] must have values`);
  for (const [name, decl] of Object.entries(decls)) checkParameter(name, values[name], decl);
  return values;
}

function checkParameter(name: string, value: string, d: ParameterDecl): void {
  const fail = () => validation(`Parameter '${name}' ${d.ConstraintDescription ?? 'failed to satisfy constraint'}`);
  const isList = d.Type.startsWith('List<') || d.Type === 'CommaDelimitedList';
  const items = isList ? (value === '' ? [] : value.split(',')) : [value];
  if (d.Type === 'Number' && !/^-?\d+(\.\d+)?$/.test(value)) throw validation(`Parameter '${name}' must be a number`);
  for (const item of items) {
    if (d.AllowedValues && !d.AllowedValues.map(String).includes(item)) throw validation(`Parameter '${name}' must be one of AllowedValues`);
    if (d.AllowedPattern && !new RegExp(`^(?:${d.AllowedPattern})$`).test(item)) throw validation(`Parameter '${name}' must match pattern ${d.AllowedPattern}`);
    if (d.MinLength !== undefined && item.length < d.MinLength) throw fail();
    if (d.MaxLength !== undefined && item.length > d.MaxLength) throw fail();
    if (d.MinValue !== undefined && Number(item) < d.MinValue) throw fail();
    if (d.MaxValue !== undefined && Number(item) > d.MaxValue) throw fail();
  }
}

export interface Scope {
  region: string;
  accountId: string;
  stackName: string;
  stackId: string;
}

/** The evaluation context for a template, its parameters and the resources that exist so far. */
export function evalContext(t: Template, params: Record<string, string>, scope: Scope, resource: (id: string) => ResolvedResource | undefined): EvalContext {
  const parameters: Record<string, string | string[]> = {};
  for (const [name, decl] of Object.entries(t.Parameters ?? {})) {
    const isList = decl.Type.startsWith('List<') || decl.Type === 'CommaDelimitedList';
    parameters[name] = isList ? (params[name] === '' ? [] : params[name].split(',')) : params[name];
  }
  const ctx: EvalContext = {
    parameters,
    pseudo: {
      'AWS::Region': scope.region, 'AWS::AccountId': scope.accountId, 'AWS::StackName': scope.stackName, 'AWS::StackId': scope.stackId,
      'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::NotificationARNs': '',
    },
    conditions: {},
    mappings: t.Mappings ?? {},
    resource,
  };
  // Conditions may refer to each other in any order: resolve until nothing new resolves.
  const pending = new Map(Object.entries(t.Conditions ?? {}));
  while (pending.size > 0) {
    let progressed = false;
    for (const [name, expr] of pending) {
      try {
        ctx.conditions[name] = evaluate(expr, ctx) === true;
        pending.delete(name);
        progressed = true;
      } catch (err) {
        if (!/Unresolved condition/.test((err as Error).message)) throw err;
      }
    }
    if (!progressed) throw validation(`Template error: unresolvable condition dependencies [${[...pending.keys()].join(', ')}]`);
  }
  return ctx;
}

/** Logical ids of the resources whose Condition holds. */
export function activeResources(t: Template, ctx: EvalContext): string[] {
  return Object.entries(t.Resources).filter(([, r]) => !r.Condition || ctx.conditions[r.Condition]).map(([id]) => id);
}

export function resolveProperties(props: Record<string, unknown> | undefined, ctx: EvalContext): Record<string, unknown> {
  const out = evaluate(props ?? {}, ctx);
  return out === NO_VALUE ? {} : (out as Record<string, unknown>);
}

export function resolveOutputs(t: Template, ctx: EvalContext) {
  return Object.entries(t.Outputs ?? {})
    .filter(([, o]) => !o.Condition || ctx.conditions[o.Condition])
    .map(([key, o]) => ({
      OutputKey: key,
      OutputValue: stringify(evaluate(o.Value, ctx)),
      Description: o.Description,
      ExportName: o.Export ? stringify(evaluate(o.Export.Name, ctx)) : undefined,
    }));
}

function stringify(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

export interface ChangeDetail {
  Target: {
    Attribute: 'Properties' | 'Tags';
    Name?: string;
    RequiresRecreation: 'Never' | 'Always';
    Path?: string;
    BeforeValue?: string;
    AfterValue?: string;
    AttributeChangeType?: 'Add' | 'Remove' | 'Modify';
  };
  Evaluation: 'Static' | 'Dynamic';
  ChangeSource: 'DirectModification' | 'ParameterReference' | 'ResourceReference' | 'ResourceAttribute';
  CausingEntity?: string;
}

export interface ResourceChange {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement?: 'True' | 'False' | 'Conditional';
  Scope: string[];
  Details: ChangeDetail[];
  BeforeContext?: string;
  AfterContext?: string;
}

export interface CurrentResource {
  type: string;
  physicalId: string;
  properties: Record<string, unknown>;
}

export interface DesiredResource {
  type: string;
  properties: Record<string, unknown>;
  /** The template's properties before intrinsics were resolved: which parameter or resource a leaf comes from. */
  template?: Record<string, unknown>;
}

/**
 * The diff CloudFormation shows in a change set: per resource, what is added, modified (each changed leaf with its
 * before and after value, see change-details.ts) or removed.
 *
 * A property that Refs a changed parameter gets two details, a Dynamic DirectModification and a Static
 * ParameterReference naming the parameter, and a resource that refers to a replaced one is modified too, Dynamic,
 * through ResourceReference (Ref) or ResourceAttribute (Fn::GetAtt): AWS CloudFormation User Guide, "Example change
 * sets", sections "Modifying an input parameter value" and "Directly editing a template". Replacement follows the
 * most intrusive detail: RequiresRecreation Always with a Static evaluation is True, with a Dynamic one Conditional
 * (service-2.json, ResourceChange.Replacement).
 */
export function diffResources(current: Map<string, CurrentResource>, desired: Map<string, DesiredResource>, changedParameters: Set<string> = new Set()): ResourceChange[] {
  const changes = new Map<string, ResourceChange>();
  for (const [id, want] of desired) {
    const have = current.get(id);
    if (!have) {
      changes.set(id, { Action: 'Add', LogicalResourceId: id, ResourceType: want.type, Scope: [], Details: [] });
      continue;
    }
    if (have.type !== want.type) {
      changes.set(id, { Action: 'Modify', LogicalResourceId: id, PhysicalResourceId: have.physicalId, ResourceType: want.type, Replacement: 'True', Scope: ['Properties'], Details: [] });
      continue;
    }
    const replaceOn = PROVIDERS[want.type].replaceOn;
    const details: ChangeDetail[] = [];
    for (const n of new Set([...Object.keys(have.properties), ...Object.keys(want.properties)])) {
      for (const leaf of leafChanges(have.properties[n], want.properties[n], `/Properties/${n}`)) {
        const target = targetOf(n, replaceOn, leaf);
        const causes = [...dependencies(rawAt(want.template, leaf.path) ?? null)].filter((p) => changedParameters.has(p));
        details.push({ Target: target, Evaluation: causes.length || leaf.after === KNOWN_AFTER_APPLY ? 'Dynamic' : 'Static', ChangeSource: 'DirectModification' });
        for (const p of causes) details.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: p });
      }
    }
    if (details.length) changes.set(id, modification(id, have, want, details));
  }
  // Whatever refers to a replaced resource gets its new physical id or attribute: modified, and maybe replaced in turn.
  const replaced = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, c] of changes) {
      if (c.Action === 'Modify' && c.Replacement !== 'False' && !replaced.has(id)) {
        replaced.add(id);
        grew = true;
      }
    }
    for (const target of replaced) {
      for (const [id, want] of desired) {
        const have = current.get(id);
        if (!have || have.type !== want.type || id === target) continue;
        const existing = changes.get(id);
        if (existing?.Details.some((d) => d.CausingEntity === target || d.CausingEntity?.startsWith(`${target}.`))) continue;
        const found = referencesTo(want.template ?? {}, target, '/Properties');
        if (!found.length) continue;
        const replaceOn = PROVIDERS[want.type].replaceOn;
        const details = found.map(({ path, attribute }): ChangeDetail => {
          const name = path.split('/')[2];
          const before = valueAt(have.properties, path);
          return {
            Target: targetOf(name, replaceOn, { path, type: 'Modify', before: before === undefined ? undefined : valueText(before), after: KNOWN_AFTER_APPLY }),
            Evaluation: 'Dynamic',
            ChangeSource: attribute ? 'ResourceAttribute' : 'ResourceReference',
            CausingEntity: attribute ? `${target}.${attribute}` : target,
          };
        });
        changes.set(id, modification(id, have, want, [...(existing?.Details ?? []), ...details]));
      }
    }
  }
  const list = [...changes.values()];
  for (const [id, have] of current) {
    if (!desired.has(id)) list.push({ Action: 'Remove', LogicalResourceId: id, PhysicalResourceId: have.physicalId, ResourceType: have.type, Scope: [], Details: [] });
  }
  return list;
}

function targetOf(name: string, replaceOn: string[], leaf: LeafChange): ChangeDetail['Target'] {
  return {
    Attribute: name === 'Tags' ? 'Tags' : 'Properties',
    Name: name === 'Tags' ? undefined : name,
    RequiresRecreation: replaceOn.includes(name) ? 'Always' : 'Never',
    Path: leaf.path, BeforeValue: leaf.before, AfterValue: leaf.after, AttributeChangeType: leaf.type,
  };
}

function modification(id: string, have: CurrentResource, want: DesiredResource, details: ChangeDetail[]): ResourceChange {
  const always = details.filter((d) => d.Target.RequiresRecreation === 'Always');
  return {
    Action: 'Modify', LogicalResourceId: id, PhysicalResourceId: have.physicalId, ResourceType: want.type,
    Replacement: always.some((d) => d.Evaluation === 'Static') ? 'True' : always.length ? 'Conditional' : 'False',
    Scope: [...new Set(details.map((d) => d.Target.Attribute))],
    Details: details,
    BeforeContext: context(have.properties),
    AfterContext: context(want.properties),
  };
}

function segments(path: string): string[] {
  return path.split('/').slice(2).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(props: Record<string, unknown>, path: string): unknown {
  let node: unknown = props;
  for (const k of segments(path)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
  return node;
}

function isIntrinsic(node: unknown): node is Record<string, unknown> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** The template fragment a resolved leaf came from: the leaf itself, or the intrinsic function that made it. */
function rawAt(raw: Record<string, unknown> | undefined, path: string): unknown {
  let node: unknown = raw;
  for (const k of segments(path)) {
    if (isIntrinsic(node)) return node;
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** Where a template's properties Ref or Fn::GetAtt the resource `target`, as change-set paths. */
function referencesTo(node: unknown, target: string, path: string): { path: string; attribute?: string }[] {
  if (isIntrinsic(node)) {
    if (node.Ref === target) return [{ path }];
    const att = node['Fn::GetAtt'];
    if (att !== undefined) {
      const [res, attr] = Array.isArray(att) ? att.map(String) : String(att).split('.');
      if (res === target) return [{ path, attribute: attr }];
    }
    return dependencies(node).has(target) ? [{ path }] : [];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => referencesTo(v, target, `${path}/${i}`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => referencesTo(v, target, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return [];
}

/** Properties the type does not declare fail at provisioning time, as CloudFormation does. */
export function checkProperties(type: string, props: Record<string, unknown>): string | undefined {
  const schema = PROVIDERS[type].properties;
  for (const name of Object.keys(props)) if (!(name in schema)) return `Encountered unsupported property ${name}`;
  for (const [name, rule] of Object.entries(schema)) {
    if (rule.required && props[name] === undefined) return `Properties validation failed for resource with message: #: required key [${name}] not found`;
  }
  return undefined;
}
