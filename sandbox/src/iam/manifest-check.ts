// Holds what a run did against the permission manifest of its mode: every request IAM allowed,
// direct or performed by CloudFormation, must also be allowed by the policy compiled from that
// mode's grants alone. A call the manifest does not know (or knows for another mode only) is how a
// user's first real run would fail, so the fixture reports it.
import { Mode, MODES } from '../../../src/permissions/manifest';
import { compileStatements, grantsOf } from '../../../src/permissions/policy';
import { IamState } from '../core/types';
import { ACCOUNT_ID } from '../models/iam';
import { AuthorizationRecord, SandboxAuthorizer } from './authorizer';

const substitute = (value: unknown): unknown => (typeof value === 'string'
  ? value.replaceAll('${AWS::Partition}', 'aws').replaceAll('${AWS::AccountId}', ACCOUNT_ID)
  : Array.isArray(value) ? value.map(substitute)
    : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)])) : value);

/** The policy of one mode's grants, as the bootstrap template would resolve it in the sandbox's account. */
function modePolicies(mode: Mode): Record<string, unknown> {
  const grants = grantsOf([mode]);
  return {
    direct: substitute({ Version: '2012-10-17', Statement: compileStatements(grants, 'direct') }),
    cloudformation: substitute({ Version: '2012-10-17', Statement: compileStatements(grants, 'cloudformation') }),
  };
}

export interface ManifestViolation {
  mode: string;
  action: string;
  resource: string;
  via?: string;
  operation?: string;
}

export class ManifestCheck {
  private readonly authorizer: SandboxAuthorizer;

  constructor() {
    const iam: IamState = { roles: new Map() };
    for (const mode of MODES) {
      const roleName = `manifest-${mode}`;
      iam.roles.set(roleName, {
        roleName, arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`, roleId: `AROAMANIFEST${mode.toUpperCase()}`, path: '/',
        assumeRolePolicyDocument: {}, policies: modePolicies(mode), managedPolicyArns: [], tags: {}, createdAt: new Date(),
      });
    }
    this.authorizer = new SandboxAuthorizer(iam);
  }

  /** The allowed requests among `records` that the manifest of `mode` would not allow. */
  async violations(mode: string, records: AuthorizationRecord[]): Promise<ManifestViolation[]> {
    if (!(MODES as readonly string[]).includes(mode)) return [];
    const out: ManifestViolation[] = [];
    for (const r of records.filter((x) => x.allowed)) {
      const region = String(r.context['aws:RequestedRegion'] ?? 'us-east-1');
      const verdict = await this.authorizer.authorize(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/manifest-${mode}/check`, region, { action: r.action, resource: r.resource, context: r.context });
      if (!verdict.allowed) out.push({ mode, action: r.action, resource: r.resource, via: r.via, operation: r.operation });
    }
    return out;
  }
}
