import { AwsError } from '../../core/types';

export interface ResolvedResource {
  ref: string;
  attributes: Record<string, string>;
}

export interface EvalContext {
  parameters: Record<string, string | string[]>;
  pseudo: Record<string, string>;
  conditions: Record<string, boolean>;
  mappings: Record<string, Record<string, Record<string, unknown>>>;
  /** A resource's Ref and attributes once it exists; undefined while it does not (change-set previews). */
  resource: (logicalId: string) => ResolvedResource | undefined;
}

/** Stands for AWS::NoValue: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');
/** A value only known after provisioning, as a change set shows it ({{known after apply}}). */
export const UNKNOWN = '{{resolved-at-deploy}}';

const invalid = (message: string) => new AwsError('ValidationError', `Template error: ${message}`, 400);

/** Evaluates intrinsic functions as CloudFormation does when it provisions a resource. */
export function evaluate(node: unknown, ctx: EvalContext): unknown {
  if (Array.isArray(node)) return node.map((n) => evaluate(n, ctx)).filter((v) => v !== NO_VALUE);
  if (!node || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) {
    return intrinsic(keys[0], (node as Record<string, unknown>)[keys[0]], ctx);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const value = evaluate(v, ctx);
    if (value !== NO_VALUE) out[k] = value;
  }
  return out;
}

function intrinsic(fn: string, arg: unknown, ctx: EvalContext): unknown {
  switch (fn) {
    case 'Ref': return ref(String(arg), ctx);
    case 'Condition': return condition(String(arg), ctx);
    case 'Fn::GetAtt': {
      const [id, attr] = Array.isArray(arg) ? arg.map(String) : [String(arg).split('.')[0], String(arg).split('.').slice(1).join('.')];
      const res = ctx.resource(id);
      if (!res) return UNKNOWN;
      if (!(attr in res.attributes)) throw invalid(`Template error: resource ${id} does not support attribute type ${attr} in Fn::GetAtt`);
      return res.attributes[attr];
    }
    case 'Fn::Sub': {
      const [text, vars] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>] : [String(arg), {}];
      return text.replace(/\$\{(!?)([^}]+)\}/g, (_m, bang: string, name: string) => {
        if (bang) return `\${${name}}`;
        if (name in vars) return String(evaluate(vars[name], ctx));
        if (name.includes('.') && !name.startsWith('AWS::')) {
          const [id, ...attr] = name.split('.');
          return String(intrinsic('Fn::GetAtt', [id, attr.join('.')], ctx));
        }
        const value = ref(name, ctx);
        return Array.isArray(value) ? value.join(',') : String(value);
      });
    }
    case 'Fn::Join': {
      const [sep, items] = expectArray(fn, arg, 2) as [string, unknown];
      const list = evaluate(items, ctx);
      if (!Array.isArray(list)) throw invalid('Fn::Join requires a list of values');
      return list.join(String(sep));
    }
    case 'Fn::Select': {
      const [index, items] = expectArray(fn, arg, 2);
      const list = evaluate(items, ctx) as unknown[];
      const i = Number(evaluate(index, ctx));
      if (!Array.isArray(list) || !(i >= 0 && i < list.length)) throw invalid('Fn::Select cannot select nonexistent value at index ' + i);
      return list[i];
    }
    case 'Fn::Split': {
      const [sep, text] = expectArray(fn, arg, 2);
      return String(evaluate(text, ctx)).split(String(sep));
    }
    case 'Fn::If': {
      const [name, yes, no] = expectArray(fn, arg, 3);
      return evaluate(condition(String(name), ctx) ? yes : no, ctx);
    }
    case 'Fn::Equals': {
      const [a, b] = expectArray(fn, arg, 2);
      return String(evaluate(a, ctx)) === String(evaluate(b, ctx));
    }
    case 'Fn::Not': return !evaluate(expectArray(fn, arg, 1)[0], ctx);
    case 'Fn::And': return (arg as unknown[]).every((c) => evaluate(c, ctx) === true);
    case 'Fn::Or': return (arg as unknown[]).some((c) => evaluate(c, ctx) === true);
    case 'Fn::FindInMap': {
      const [map, top, second] = expectArray(fn, arg, 3).map((v) => String(evaluate(v, ctx)));
      const value = ctx.mappings[map]?.[top]?.[second];
      if (value === undefined) throw invalid(`Unable to get mapping for ${map}::${top}::${second}`);
      return value;
    }
    case 'Fn::GetAZs': {
      const region = String(evaluate(arg, ctx)) || ctx.pseudo['AWS::Region'];
      return ['a', 'b', 'c'].map((z) => `${region}${z}`);
    }
    case 'Fn::Base64': return Buffer.from(String(evaluate(arg, ctx))).toString('base64');
    case 'Fn::Cidr': {
      const [block, count, bits] = expectArray(fn, arg, 3).map((v) => evaluate(v, ctx));
      return cidr(String(block), Number(count), Number(bits));
    }
    default:
      throw invalid(`Unsupported intrinsic function ${fn}`);
  }
}

function ref(name: string, ctx: EvalContext): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in ctx.pseudo) return ctx.pseudo[name];
  if (name in ctx.parameters) return ctx.parameters[name];
  const res = ctx.resource(name);
  return res ? res.ref : UNKNOWN;
}

function condition(name: string, ctx: EvalContext): boolean {
  if (!(name in ctx.conditions)) throw invalid(`Unresolved condition dependency ${name}`);
  return ctx.conditions[name];
}

function expectArray(fn: string, arg: unknown, length: number): unknown[] {
  if (!Array.isArray(arg) || arg.length < length) throw invalid(`${fn} requires a list of ${length} arguments`);
  return arg;
}

function cidr(block: string, count: number, bits: number): string[] {
  const [base, prefix] = block.split('/');
  const ip = base.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const size = 2 ** bits;
  const newPrefix = 32 - bits;
  if (newPrefix < Number(prefix)) throw invalid('Fn::Cidr: not enough room in the block');
  return Array.from({ length: count }, (_, i) => {
    const n = (ip + i * size) >>> 0;
    return `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.')}/${newPrefix}`;
  });
}

/** Logical ids a fragment depends on through Ref, Fn::GetAtt and Fn::Sub. */
export function dependencies(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => dependencies(n, into));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) into.add(v);
      else if (k === 'Fn::GetAtt') into.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);
      else if (k === 'Fn::Sub') {
        const text = Array.isArray(v) ? String(v[0]) : String(v);
        for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) if (!m[1].startsWith('AWS::')) into.add(m[1].split('.')[0]);
        if (Array.isArray(v)) dependencies(v[1], into);
      } else dependencies(v, into);
    }
  }
  return into;
}
