import { parse, ScalarTag, CollectionTag } from 'yaml';
import { AwsError } from '../../core/types';

/** The short forms CloudFormation accepts in YAML, mapped to their long `Fn::` names. */
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref', Condition: 'Condition', GetAtt: 'Fn::GetAtt', Sub: 'Fn::Sub', Join: 'Fn::Join', Select: 'Fn::Select',
  Split: 'Fn::Split', If: 'Fn::If', Equals: 'Fn::Equals', Not: 'Fn::Not', And: 'Fn::And', Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap', GetAZs: 'Fn::GetAZs', Base64: 'Fn::Base64', Cidr: 'Fn::Cidr', ImportValue: 'Fn::ImportValue',
};

const customTags: (ScalarTag | CollectionTag)[] = Object.entries(SHORT_FORMS).flatMap(([short, long]) => {
  const tag = `!${short}`;
  const wrap = (value: unknown) => {
    // !GetAtt Res.Attr is the scalar form of ["Res", "Attr"].
    if (short === 'GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      return { [long]: [value.slice(0, dot), value.slice(dot + 1)] };
    }
    return { [long]: value };
  };
  return [
    { tag, resolve: (str: string) => wrap(str) } as ScalarTag,
    { tag, collection: 'seq', resolve: (seq: { toJSON: () => unknown }) => wrap(seq.toJSON()) } as unknown as CollectionTag,
    { tag, collection: 'map', resolve: (map: { toJSON: () => unknown }) => wrap(map.toJSON()) } as unknown as CollectionTag,
  ];
});

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: unknown;
  Parameters?: Record<string, ParameterDecl>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Transform?: unknown;
  Resources: Record<string, ResourceDecl>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Condition?: string; Export?: { Name: unknown } }>;
  Rules?: unknown;
}

export interface ParameterDecl {
  Type: string;
  Default?: string | number;
  AllowedValues?: (string | number)[];
  AllowedPattern?: string;
  MinLength?: number;
  MaxLength?: number;
  MinValue?: number;
  MaxValue?: number;
  NoEcho?: boolean;
  Description?: string;
  ConstraintDescription?: string;
}

export interface ResourceDecl {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: unknown;
}

const SECTIONS = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Rules']);

const formatError = (message: string) => new AwsError('ValidationError', `Template format error: ${message}`, 400);

/** Parses a JSON or YAML template body as CloudFormation does, short-form tags included. */
export function parseTemplate(body: string): Template {
  let doc: unknown;
  const trimmed = body.trimStart();
  try {
    doc = trimmed.startsWith('{') ? JSON.parse(body) : parse(body, { customTags, uniqueKeys: true, version: '1.1' });
  } catch (err) {
    throw formatError(`${trimmed.startsWith('{') ? 'JSON' : 'YAML'} not well-formed. (${(err as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw formatError('template is not a JSON or YAML object');
  const template = doc as Template;
  for (const key of Object.keys(template)) if (!SECTIONS.has(key)) throw formatError(`Invalid template property or properties [${key}]`);
  if (!template.Resources || typeof template.Resources !== 'object' || Object.keys(template.Resources).length === 0) {
    throw formatError('At least one Resources member must be defined.');
  }
  return template;
}
