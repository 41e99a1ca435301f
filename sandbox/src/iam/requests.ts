// Which authorization requests AWS makes for each operation the sandbox serves: the action(s), the
// resource ARN built from the decoded input and the call's region and account, and the condition
// keys the Service Authorization Reference lists for it that this request carries. The facts and
// their sources sit beside each service's table (requests-<service>.ts).
import { CallContext } from '../core/types';
import type { AmpModel } from '../models/amp';
import type { CloudFormationModel } from '../models/cloudformation/model';
import type { GrafanaModel } from '../models/grafana';
import { APS_REQUESTS } from './requests-aps';
import { CLOUDFORMATION_REQUESTS } from './requests-cloudformation';
import { EC2_REQUESTS } from './requests-ec2';
import { ECS_REQUESTS } from './requests-ecs';
import { GRAFANA_REQUESTS } from './requests-grafana';
import { LOGS_REQUESTS } from './requests-logs';
import { ModelView, RequestMapping } from './requests-common';
import { STS_REQUESTS } from './requests-sts';
import type { AuthorizationRequest } from './types';

export { UnauthorizableRequest } from './requests-common';
export type { ModelView } from './requests-common';

export const REQUESTS: Record<string, Record<string, RequestMapping>> = {
  aps: APS_REQUESTS,
  grafana: GRAFANA_REQUESTS,
  cloudformation: CLOUDFORMATION_REQUESTS,
  ecs: ECS_REQUESTS,
  ec2: EC2_REQUESTS,
  sts: STS_REQUESTS,
  logs: LOGS_REQUESTS,
};

export function hasMapping(service: string, operation: string): boolean {
  return Object.hasOwn(REQUESTS, service) && Object.hasOwn(REQUESTS[service], operation);
}

/** The requests for one call; throws (a sandbox bug) for an operation without a mapping. */
export async function requestsFor(service: string, operation: string, input: Record<string, unknown>, ctx: CallContext, view: ModelView): Promise<AuthorizationRequest[]> {
  if (!hasMapping(service, operation)) throw new Error(`sandbox authorization bug: no authorization mapping for ${service}:${operation}`);
  return (await REQUESTS[service][operation](input, ctx, view)).map((r) => ({ ...r, operation }));
}

/** The view over the sandbox's models. */
export function modelView(models: { amp: AmpModel; grafana: GrafanaModel; cloudformation: CloudFormationModel }): ModelView {
  const here = (r: { region: string; accountId: string }, ctx: CallContext) => r.region === ctx.region && r.accountId === ctx.accountId;
  return {
    ampWorkspace(id, ctx) {
      const ws = models.amp.workspaces.get(id);
      return ws && here(ws, ctx) && models.amp.live(ws) ? { tags: ws.tags } : undefined;
    },
    grafanaWorkspace(id, ctx) {
      const ws = models.grafana.workspaces.get(id);
      return ws && here(ws, ctx) && models.grafana.live(ws) ? { tags: ws.tags, authenticationProviders: ws.authenticationProviders } : undefined;
    },
    stack(ref, ctx) {
      const s = models.cloudformation.snapshot().find((x) => x.region === ctx.region && x.stackId.split(':')[4] === ctx.accountId
        && (x.stackId === ref || (x.stackName === ref && x.status !== 'DELETE_COMPLETE')));
      return s && { stackId: s.stackId, tags: s.tags };
    },
    async changeSetStackId(changeSet, stackName, ctx) {
      // Read through the model's own DescribeChangeSet: it alone knows change sets, and reading changes nothing.
      const input = stackName === undefined ? { ChangeSetName: changeSet } : { ChangeSetName: changeSet, StackName: stackName };
      const out = await models.cloudformation.call('DescribeChangeSet', input, ctx).catch(() => undefined);
      return out?.StackId as string | undefined;
    },
  };
}
