import type { ExposeMode } from '../inputs/expose';
import type { MetricsCheck } from '../inputs/types';
import type { Inventory } from '../inventory/types';
import { datasourceName, folderTitle } from '../grafana/naming';
import { ROLE_PATH } from '../permissions/scopes';
import { ActionError } from '../util/errors';
import type { Plan, Step } from './types';

/**
 * The planners of the modes that build an environment (provision, deploy, dashboard, and `up`, which is the three at
 * once). Each is composed of the same step builders, so `up`'s plan is exactly provision's, deploy's and dashboard's
 * steps, joined by the dependencies that really exist: the stack needs the AMP workspace's ARN (which CreateWorkspace
 * gives at once), not an ACTIVE workspace and not Grafana; the dashboards need the data source and folder, not a
 * stable service. Pure: inputs and inventory in, steps out.
 */

export type BuildMode = 'provision' | 'deploy' | 'dashboard' | 'up';

/** What the planners take from the inputs (a small shape, so tests need not build a whole Inputs). */
export interface BuildRequest {
  repository: string;
  environment: string;
  amp: { alias: string; givenId?: string };
  stack: { name: string; metricsCheck: MetricsCheck; desiredCount: number; expose: ExposeMode };
  /** false: grafana is off. */
  grafana: false | { name: string; givenId?: string; roleArnGiven: boolean; roleStackName: string };
  /** How many dashboard files the run imports (the built-in ECS dashboard counts). */
  dashboardFiles: number;
}

/** The step ids other code refers to (the executors, the reports). */
export const STEP = {
  amp: 'amp',
  ampActive: 'amp-active',
  stack: 'stack',
  serviceStable: 'service-stable',
  appUrl: 'app-url',
  metrics: 'metrics',
  roleStack: 'grafana-role-stack',
  grafanaWorkspace: 'grafana-workspace',
  datasource: 'datasource',
  folder: 'folder',
  dashboards: 'dashboards',
  health: 'datasource-health',
} as const;

export function planProvision(req: BuildRequest, inv: Inventory): Plan {
  return { mode: 'provision', steps: [...ampSteps(req, inv, true), ...grafanaWorkspaceSteps(req, inv, true)] };
}

export function planDeploy(req: BuildRequest, inv: Inventory): Plan {
  return { mode: 'deploy', steps: [...ampSteps(req, inv, false), ...stackSteps(req, inv)] };
}

export function planDashboard(req: BuildRequest, inv: Inventory): Plan {
  if (!req.grafana) {
    throw new ActionError("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
  }
  return { mode: 'dashboard', steps: [...ampSteps(req, inv, false), ...grafanaWorkspaceSteps(req, inv, false), ...dashboardSteps(req)] };
}

/** provision + deploy + dashboard; with grafana off, provision + deploy. */
export function planUp(req: BuildRequest, inv: Inventory): Plan {
  return {
    mode: 'up',
    steps: [
      ...ampSteps(req, inv, true),
      ...stackSteps(req, inv),
      ...grafanaWorkspaceSteps(req, inv, true),
      ...(req.grafana ? dashboardSteps(req) : []),
    ],
  };
}

export function planFor(mode: BuildMode, req: BuildRequest, inv: Inventory): Plan {
  return { provision: planProvision, deploy: planDeploy, dashboard: planDashboard, up: planUp }[mode](req, inv);
}

/**
 * The environment's AMP workspace: reused when the inventory found it (or amp-workspace-id names it), else created
 * when the mode may create it. deploy and dashboard alone never create one: a missing workspace means provision has
 * not run, the same error as before plans.
 */
function ampSteps(req: BuildRequest, inv: Inventory, mayCreate: boolean): Step[] {
  const found = inv.ampWorkspace;
  let amp: Step;
  if (found) {
    amp = {
      id: STEP.amp, action: 'reuse', kind: 'amp-workspace', target: `AMP workspace ${found.id}`, dependsOn: [], resourceId: found.id, safeInDryRun: true,
      reason: found.origin === 'given' ? 'amp-workspace-id names it' : `the environment's workspace (alias '${req.amp.alias}', ${found.status})`,
    };
  } else if (mayCreate) {
    amp = {
      id: STEP.amp, action: 'create', kind: 'amp-workspace', target: `AMP workspace '${req.amp.alias}'`, dependsOn: [],
      reason: `environment '${req.environment}' has no workspace yet`,
    };
  } else {
    throw new ActionError(`No AMP workspace of environment '${req.environment}' was found (alias '${req.amp.alias}').`,
      'Run the action with mode: provision first (same environment; mode: up does both), or pass amp-workspace-id.');
  }
  const active: Step = {
    id: STEP.ampActive, action: 'wait', kind: 'amp-workspace', target: `AMP workspace ${found?.id ?? `'${req.amp.alias}'`} ACTIVE`, dependsOn: [STEP.amp],
    reason: found?.status === 'ACTIVE' ? 'AMP reports it ACTIVE' : 'queries and remote write need an ACTIVE workspace',
    // Describes only; after a planned create it is planned too.
    safeInDryRun: true,
    ...(found ? { resourceId: found.id } : {}),
  };
  return [amp, active];
}

/** The preview stack and what proves it works: the service stable, the app's URL answering, metrics arriving. */
function stackSteps(req: BuildRequest, inv: Inventory): Step[] {
  const s = req.stack;
  const existing = inv.stacks.find((x) => x.name === s.name);
  const steps: Step[] = [
    {
      id: STEP.stack, action: 'apply', kind: 'stack', target: `stack ${s.name}`, dependsOn: [STEP.amp],
      reason: existing ? `update through a change set (now ${existing.status})` : 'no stack yet: create it through a change set',
      // The change set is the dry run's preview, deleted again; after a planned AMP workspace there is no ARN to preview with.
      safeInDryRun: true,
      ...(existing ? { resourceId: existing.stackId } : {}),
    },
    { id: STEP.serviceStable, action: 'wait', kind: 'ecs-service', target: `ECS service of ${s.name} stable`, dependsOn: [STEP.stack], reason: 'the deploy is done when its tasks run' },
  ];
  if (s.expose !== 'none') {
    steps.push({ id: STEP.appUrl, action: 'check', kind: 'app-url', target: `app URL (expose: ${s.expose})`, dependsOn: [STEP.serviceStable], reason: 'shown only once it answers' });
  }
  if (s.metricsCheck !== 'off' && s.desiredCount > 0) {
    steps.push({
      id: STEP.metrics, action: 'check', kind: 'metrics', target: 'metrics in AMP', dependsOn: [STEP.serviceStable, STEP.ampActive],
      reason: `metrics-check: ${s.metricsCheck}`,
    });
  }
  return steps;
}

/** Roles the templates create live under ROLE_PATH (their names are generated, the path is not). */
export function isTemplateRole(arn: string | undefined): boolean {
  return arn !== undefined && arn.includes(`:role${ROLE_PATH}`);
}

/**
 * The repository's Grafana workspace and, when the action provides its role, the role stack before it. A reused
 * workspace whose role the templates made gets the stack applied again (a deleted role stack is re-created and the
 * workspace pointed at it); a role the user chose (grafana-role-arn, or any other role) is theirs.
 */
function grafanaWorkspaceSteps(req: BuildRequest, inv: Inventory, mayCreate: boolean): Step[] {
  const g = req.grafana;
  if (!g) return [];
  const found = inv.grafanaWorkspace;
  if (!mayCreate) {
    if (!found) {
      throw new ActionError(`No Grafana workspace named '${g.name}' of ${req.repository} was found.`,
        'Run the action with mode: provision first (with grafana: true; mode: up does both), or pass grafana-workspace-id.');
    }
    if (found.status !== 'ACTIVE') {
      throw new ActionError(`Grafana workspace ${found.id} is ${found.status}, not ACTIVE.`, 'Run mode: provision (or up), which waits for the workspace, before this step.');
    }
    return [{
      id: STEP.grafanaWorkspace, action: 'reuse', kind: 'grafana-workspace', target: `Grafana workspace ${found.id}`, dependsOn: [], resourceId: found.id,
      reason: found.origin === 'given' ? 'grafana-workspace-id names it' : `the repository's workspace '${g.name}'`, safeInDryRun: true,
    }];
  }
  const steps: Step[] = [];
  const needsRole = !g.roleArnGiven && (!found || (found.origin === 'reused' && isTemplateRole(found.roleArn)));
  if (needsRole) {
    steps.push({
      id: STEP.roleStack, action: 'apply', kind: 'grafana-role-stack', target: `stack ${g.roleStackName}`, dependsOn: [],
      reason: found
        ? `the role the workspace queries AMP with (${inv.roleStack ? `now ${inv.roleStack.status}` : 'missing: re-created, the workspace pointed at it'})`
        : 'the new workspace needs a role to query AMP with',
    });
  }
  steps.push({
    id: STEP.grafanaWorkspace, action: found ? 'reuse' : 'create', kind: 'grafana-workspace',
    target: found ? `Grafana workspace ${found.id}` : `Grafana workspace '${g.name}'`,
    dependsOn: needsRole ? [STEP.roleStack] : [],
    reason: found ? (found.origin === 'given' ? 'grafana-workspace-id names it' : `the repository's workspace (${found.status})`) : 'the repository has none yet; one serves every preview',
    ...(found ? { resourceId: found.id } : {}),
  });
  return steps;
}

/** The environment's data source, folder and dashboards, and the check that the workspace's role can query AMP. */
function dashboardSteps(req: BuildRequest): Step[] {
  const ds = datasourceName(req.environment, req.repository);
  return [
    { id: STEP.datasource, action: 'apply', kind: 'grafana-datasource', target: `data source '${ds}'`, dependsOn: [STEP.grafanaWorkspace, STEP.amp], reason: "the dashboards' queries go to the environment's AMP workspace" },
    { id: STEP.folder, action: 'apply', kind: 'grafana-folder', target: `folder '${folderTitle(req.environment, req.repository)}'`, dependsOn: [STEP.grafanaWorkspace], reason: 'one folder per preview' },
    { id: STEP.dashboards, action: 'import', kind: 'grafana-dashboards', target: `${req.dashboardFiles} dashboard(s)`, dependsOn: [STEP.datasource, STEP.folder], reason: 'bound to the data source, in the folder' },
    { id: STEP.health, action: 'check', kind: 'grafana-datasource', target: `data source '${ds}' answers`, dependsOn: [STEP.datasource, STEP.ampActive], reason: 'the workspace role can query AMP' },
  ];
}
