import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root';
import { IamRole, IamState } from '../core/types';
import { evaluate, EvalContext } from '../models/cloudformation/intrinsics';
import { parseTemplate, Template } from '../models/cloudformation/template';

/**
 * The account as a platform team leaves it after deploying templates/bootstrap.yaml for each
 * repository: the workflow roles carry the template's own policies, read from the committed
 * template, so the sandbox refuses whatever the documented setup would refuse on AWS.
 */
export const BOOTSTRAP_TEMPLATE = join(projectRoot(__dirname), 'templates', 'bootstrap.yaml');

/** IAM's limit on a managed policy document, whitespace excluded (IAM User Guide, IAM and STS quotas). */
const MANAGED_POLICY_MAX_CHARS = 6144;

export interface BootstrapRoles {
  stackName: string;
  previewRoleArn: string;
  teardownRoleArn: string;
  cloudFormationServiceRoleArn?: string;
  permissionsBoundaryArn: string;
}

/** The stack name the README's command uses for a repository. */
export function bootstrapStackName(repository: string): string {
  return `ecs-amp-action-bootstrap-${repository.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 128);
}

/**
 * Creates what the bootstrap template creates, with `parameters` as `aws cloudformation deploy
 * --parameter-overrides` would pass them. Physical names follow CloudFormation's pattern
 * (stack-logicalId-suffix), with a suffix derived from the stack so tests can rely on them.
 */
export function applyBootstrap(iam: IamState, opts: { accountId: string; region: string; parameters: Record<string, string> }): BootstrapRoles {
  const template = parseTemplate(readFileSync(BOOTSTRAP_TEMPLATE, 'utf8'));
  const stackName = bootstrapStackName(opts.parameters.Repository);
  const resources = new Map<string, { ref: string; attributes: Record<string, string> }>();
  const ctx: EvalContext = {
    parameters: parametersOf(template, opts.parameters),
    pseudo: { 'AWS::AccountId': opts.accountId, 'AWS::Region': opts.region, 'AWS::Partition': 'aws', 'AWS::StackName': stackName, 'AWS::URLSuffix': 'amazonaws.com' },
    conditions: {},
    mappings: {},
    resource: (id) => resources.get(id),
  };
  for (const name of Object.keys(template.Conditions ?? {})) ctx.conditions[name] = evaluate(template.Conditions![name], ctx) === true;

  // Declaration order is dependency order in this template: policies before the roles that attach them.
  for (const [logicalId, decl] of Object.entries(template.Resources)) {
    if (decl.Condition && !ctx.conditions[decl.Condition]) continue;
    const props = evaluate(decl.Properties ?? {}, ctx) as Record<string, unknown>;
    const generated = `${stackName}-${logicalId}-${suffix(stackName, logicalId)}`;
    switch (decl.Type) {
      case 'AWS::IAM::OIDCProvider': {
        const url = String(props.Url).replace(/^https:\/\//, '');
        const arn = `arn:aws:iam::${opts.accountId}:oidc-provider/${url}`;
        iam.oidcProviders ??= new Map();
        iam.oidcProviders.set(arn, { arn, url, clientIdList: props.ClientIdList as string[] });
        resources.set(logicalId, { ref: arn, attributes: { Arn: arn } });
        break;
      }
      case 'AWS::IAM::ManagedPolicy': {
        const size = JSON.stringify(props.PolicyDocument).replace(/\s/g, '').length;
        if (size > MANAGED_POLICY_MAX_CHARS) throw new Error(`bootstrap ${logicalId}: Cannot exceed quota for PolicySize: ${MANAGED_POLICY_MAX_CHARS} (is ${size})`);
        const path = String(props.Path ?? '/');
        const policyName = String(props.ManagedPolicyName ?? generated.slice(0, 128));
        const arn = `arn:aws:iam::${opts.accountId}:policy${path}${policyName}`;
        iam.managedPolicies ??= new Map();
        iam.managedPolicies.set(arn, { arn, policyName, path, document: props.PolicyDocument });
        resources.set(logicalId, { ref: arn, attributes: { PolicyArn: arn } });
        break;
      }
      case 'AWS::IAM::Role': {
        const path = String(props.Path ?? '/');
        const roleName = String(props.RoleName ?? generated.slice(0, 64));
        const arn = `arn:aws:iam::${opts.accountId}:role${path}${roleName}`;
        const role: IamRole = {
          roleName, arn, path,
          roleId: `AROA${createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase()}`,
          assumeRolePolicyDocument: props.AssumeRolePolicyDocument,
          policies: {},
          managedPolicyArns: (props.ManagedPolicyArns as string[] | undefined) ?? [],
          tags: Object.fromEntries(((props.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, t.Value])),
          createdAt: new Date(),
          maxSessionDuration: props.MaxSessionDuration === undefined ? 3600 : Number(props.MaxSessionDuration),
        };
        iam.roles.set(roleName, role);
        resources.set(logicalId, { ref: roleName, attributes: { Arn: arn, RoleId: role.roleId } });
        break;
      }
      default:
        throw new Error(`the sandbox's bootstrap loader does not create ${decl.Type} (${logicalId})`);
    }
  }

  const outputs = Object.fromEntries(Object.entries(template.Outputs ?? {})
    .filter(([, o]) => !o.Condition || ctx.conditions[o.Condition])
    .map(([name, o]) => [name, String(evaluate(o.Value, ctx))]));
  return {
    stackName,
    previewRoleArn: outputs.PreviewRoleArn,
    teardownRoleArn: outputs.TeardownRoleArn,
    cloudFormationServiceRoleArn: outputs.CloudFormationServiceRoleArn,
    permissionsBoundaryArn: outputs.PermissionsBoundaryArn,
  };
}

/** Parameter values as CloudFormation resolves them: given, else the default; each checked against its pattern. */
function parametersOf(template: Template, given: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, decl] of Object.entries(template.Parameters ?? {})) {
    const value = given[name] ?? (decl.Default === undefined ? undefined : String(decl.Default));
    if (value === undefined) throw new Error(`bootstrap: Parameters: [${name}] must have values`);
    if (decl.AllowedPattern && !new RegExp(`^(?:${decl.AllowedPattern})$`).test(value)) throw new Error(`bootstrap: Parameter '${name}' must match pattern ${decl.AllowedPattern}`);
    if (decl.AllowedValues && !decl.AllowedValues.map(String).includes(value)) throw new Error(`bootstrap: Parameter '${name}' must be one of AllowedValues`);
    out[name] = value;
  }
  for (const name of Object.keys(given)) if (!(name in out)) throw new Error(`bootstrap: Parameters: [${name}] do not exist in the template`);
  return out;
}

function suffix(stackName: string, logicalId: string): string {
  return createHash('sha256').update(`${stackName}/${logicalId}`).digest('hex').slice(0, 12).toUpperCase();
}
