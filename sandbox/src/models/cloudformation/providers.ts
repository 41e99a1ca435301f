import { randomBytes } from 'node:crypto';
import { IamState, Latencies } from '../../core/types';
import { EcsModel } from '../ecs';
import type { LogsModel } from '../logs';
import { ECS_PROVIDERS } from './providers-ecs';
import { ELB_PROVIDERS } from './providers-elb';
import { NETWORK_PROVIDERS } from './providers-network';

export interface ProviderContext {
  stackName: string;
  logicalId: string;
  region: string;
  accountId: string;
  /** Stack-level tags, which CloudFormation propagates to taggable resources. */
  stackTags: Record<string, string>;
  iam: IamState;
  ecs: EcsModel;
  /** CloudWatch Logs, where AWS::Logs::LogGroup resources live (absent in engine-only tests). */
  logs?: LogsModel;
  latencies: Latencies;
  /** create: the physical name CloudFormation settled on before calling the handler (named types). */
  physicalName?: string;
}

export interface Provisioned {
  physicalId: string;
  attributes: Record<string, string>;
}

/** One resource type: its schema subset, and how it is created, updated and deleted in sandbox state. */
export interface ResourceProvider {
  properties: Record<string, { required?: boolean; type?: 'string' | 'list' | 'object' | 'number' }>;
  attributes: string[];
  /** Properties whose change replaces the resource. */
  replaceOn: string[];
  /** IAM resources need a capability; named ones CAPABILITY_NAMED_IAM. */
  iam?: { nameProperty?: string };
  /** Named types: the physical name a create will use, its name property or a generated one. */
  physicalName?(props: Record<string, unknown>, ctx: ProviderContext): string;
  create(props: Record<string, unknown>, ctx: ProviderContext): Provisioned | Promise<Provisioned>;
  update(physicalId: string, props: Record<string, unknown>, ctx: ProviderContext): Provisioned | Promise<Provisioned>;
  delete(physicalId: string, ctx: ProviderContext): void;
}

/** Generated physical names look like CloudFormation's: stack-logical-RANDOM, within a length limit. */
export function generatedName(ctx: ProviderContext, max: number): string {
  const suffix = randomBytes(6).toString('hex').toUpperCase().slice(0, 12);
  const head = `${ctx.stackName}-${ctx.logicalId}`.slice(0, max - suffix.length - 1);
  return `${head}-${suffix}`;
}

function tagsOf(props: Record<string, unknown>, ctx: ProviderContext): Record<string, string> {
  const own = Object.fromEntries(((props.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, String(t.Value)]));
  return { ...ctx.stackTags, ...own };
}

const iamRole: ResourceProvider = {
  properties: {
    AssumeRolePolicyDocument: { required: true, type: 'object' }, Description: { type: 'string' }, ManagedPolicyArns: { type: 'list' },
    MaxSessionDuration: { type: 'number' }, Path: { type: 'string' }, PermissionsBoundary: { type: 'string' }, Policies: { type: 'list' },
    RoleName: { type: 'string' }, Tags: { type: 'list' },
  },
  attributes: ['Arn', 'RoleId'],
  replaceOn: ['RoleName', 'Path'],
  iam: { nameProperty: 'RoleName' },
  physicalName: (props, ctx) => (props.RoleName as string | undefined) ?? generatedName(ctx, 64),
  create(props, ctx) {
    const name = ctx.physicalName ?? iamRole.physicalName!(props, ctx);
    if (!/^[\w+=,.@-]{1,64}$/.test(name)) throw new Error(`Properties validation failed for resource ${ctx.logicalId} with message: #/RoleName: failed validation constraint for keyword [pattern]`);
    if (ctx.iam.roles.has(name)) throw new Error(`Resource of type 'AWS::IAM::Role' with identifier '${name}' already exists.`);
    const role = {
      roleName: name,
      arn: `arn:aws:iam::${ctx.accountId}:role${(props.Path as string | undefined) ?? '/'}${name}`,
      roleId: `AROA${randomBytes(8).toString('hex').toUpperCase()}`,
      path: (props.Path as string | undefined) ?? '/',
      assumeRolePolicyDocument: props.AssumeRolePolicyDocument,
      policies: Object.fromEntries(((props.Policies as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? []).map((p) => [p.PolicyName, p.PolicyDocument])),
      managedPolicyArns: (props.ManagedPolicyArns as string[] | undefined) ?? [],
      tags: tagsOf(props, ctx),
      createdAt: new Date(),
      maxSessionDuration: props.MaxSessionDuration === undefined ? 3600 : Number(props.MaxSessionDuration),
      permissionsBoundaryArn: props.PermissionsBoundary as string | undefined,
    };
    ctx.iam.roles.set(name, role);
    return { physicalId: name, attributes: { Arn: role.arn, RoleId: role.roleId } };
  },
  update(physicalId, props, ctx) {
    const role = ctx.iam.roles.get(physicalId);
    if (!role) throw new Error(`Role ${physicalId} not found`);
    role.assumeRolePolicyDocument = props.AssumeRolePolicyDocument;
    role.policies = Object.fromEntries(((props.Policies as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? []).map((p) => [p.PolicyName, p.PolicyDocument]));
    role.managedPolicyArns = (props.ManagedPolicyArns as string[] | undefined) ?? [];
    role.tags = tagsOf(props, ctx);
    role.permissionsBoundaryArn = props.PermissionsBoundary as string | undefined;
    if (props.MaxSessionDuration !== undefined) role.maxSessionDuration = Number(props.MaxSessionDuration);
    return { physicalId, attributes: { Arn: role.arn, RoleId: role.roleId } };
  },
  delete(physicalId, ctx) {
    ctx.iam.roles.delete(physicalId);
  },
};

const waitConditionHandle: ResourceProvider = {
  properties: {},
  attributes: [],
  replaceOn: [],
  create: (_props, ctx) => ({ physicalId: `https://cloudformation-waitcondition-${ctx.region}.s3.amazonaws.com/${generatedName(ctx, 64)}`, attributes: {} }),
  update: (physicalId) => ({ physicalId, attributes: {} }),
  delete: () => undefined,
};

/** The resource types the sandbox can provision. Unknown types fail template validation. */
export const PROVIDERS: Record<string, ResourceProvider> = {
  'AWS::IAM::Role': iamRole,
  'AWS::CloudFormation::WaitConditionHandle': waitConditionHandle,
  ...NETWORK_PROVIDERS,
  ...ECS_PROVIDERS,
  ...ELB_PROVIDERS,
};
