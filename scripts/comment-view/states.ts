import type { Change } from '@aws-sdk/client-cloudformation';
import { renderChangeSet } from '../../src/render/change-set';
import { cancelledUpdate, startedUpdate } from '../../src/github/progress';
import { renderDashboardTable } from '../../src/render/dashboards';
import { mergeState, type Link, type ModeRecord, type ReportState } from '../../src/render/report';
import { renderTeardown } from '../../src/render/teardown';
import { renderSweepTable, sweepHeadline } from '../../src/render/sweep';
import { planCleanup, planDestroy } from '../../src/plan/teardown';
import { order } from '../../src/plan/graph';
import type { Inventory } from '../../src/inventory/types';
import type { Outcome, Plan } from '../../src/plan/types';
import { ActionError, deniedPermissionFix, imagePullFix, InputError } from '../../src/util/errors';

/**
 * Every state of the PR comment a reviewer meets, built the way the modes build them: sections from the src/render
 * functions, errors from ActionError/InputError, links as the modes make them. `npm run comment-view` screenshots
 * each; __tests__/unit/comment-view.test.ts looks at the same ones in the browser.
 */
export interface ViewState {
  /** File name under build/comment-view/. */
  name: string;
  /** What a reviewer is looking at. */
  title: string;
  state: ReportState;
  /** The step whose job summary this is (its own section only). */
  step: keyof ReportState['modes'];
}

export const SERVER_URL = 'https://github.com';
const REPOSITORY = 'acme/shop';
const REGION = 'eu-west-1';
const ENVIRONMENT = 'pr-42';
const RUN = (id: number) => `${SERVER_URL}/${REPOSITORY}/actions/runs/${id}`;
const GRAFANA = 'https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com';
const STACK = 'preview-shop-pr-42';
const STACK_ID = `arn:aws:cloudformation:${REGION}:123456789012:stack/${STACK}/0d5e7a40-1a2b-11f0-9c3d-0a1b2c3d4e5f`;
const STACK_HREF = `https://${REGION}.console.aws.amazon.com/cloudformation/home?region=${REGION}#/stacks/stackinfo?stackId=${encodeURIComponent(STACK_ID)}`;

const COMMIT = '4f1c2e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:4f1c2e9';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute, 0)).toISOString();

/** What the preview template adds on a first deploy (templates/preview-stack.yaml's resources). */
const FIRST_DEPLOY: Change[] = [
  ['Cluster', 'AWS::ECS::Cluster'], ['ExecutionRole', 'AWS::IAM::Role'], ['TaskRole', 'AWS::IAM::Role'],
  ['AppLogGroup', 'AWS::Logs::LogGroup'], ['CollectorLogGroup', 'AWS::Logs::LogGroup'], ['TaskDefinition', 'AWS::ECS::TaskDefinition'],
  ['SecurityGroup', 'AWS::EC2::SecurityGroup'], ['Service', 'AWS::ECS::Service'],
].map(([id, type]) => ({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: id, ResourceType: type } }));

/** A redeploy with a new image, described with property values: the task definition is replaced, the service follows it. */
const PREVIOUS_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:9a8b7c6';
const containers = (image: string) => JSON.stringify({ Properties: { ContainerDefinitions: [{ Name: 'app', Image: image }, { Name: 'collector', Image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0' }] } });
const imageTarget = { Attribute: 'Properties', Name: 'ContainerDefinitions', RequiresRecreation: 'Always', Path: '/Properties/ContainerDefinitions/0/Image', BeforeValue: PREVIOUS_IMAGE, AfterValue: IMAGE, AttributeChangeType: 'Modify' } as const;
const IMAGE_CHANGE: Change[] = [
  { Type: 'Resource', ResourceChange: {
    Action: 'Modify', LogicalResourceId: 'TaskDefinition', ResourceType: 'AWS::ECS::TaskDefinition', Replacement: 'True', Scope: ['Properties'],
    BeforeContext: containers(PREVIOUS_IMAGE), AfterContext: containers(IMAGE),
    Details: [
      { Target: imageTarget, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
      { Target: imageTarget, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'AppImage' },
    ],
  } },
  { Type: 'Resource', ResourceChange: {
    Action: 'Modify', LogicalResourceId: 'Service', ResourceType: 'AWS::ECS::Service', Replacement: 'False', Scope: ['Properties'],
    Details: [{ Target: { Attribute: 'Properties', Name: 'TaskDefinition', RequiresRecreation: 'Never', Path: '/Properties/TaskDefinition', BeforeValue: `arn:aws:ecs:${REGION}:123456789012:task-definition/${STACK}:3`, AfterValue: '{{changeSet:KNOWN_AFTER_APPLY}}', AttributeChangeType: 'Modify' }, Evaluation: 'Dynamic', ChangeSource: 'ResourceReference', CausingEntity: 'TaskDefinition' }],
  } },
];
const IMAGE_PARAMETERS = [{ key: 'AppImage', before: PREVIOUS_IMAGE, after: IMAGE }];

const provisionLinks: Link[] = [
  { label: 'AMP workspace', value: 'ws-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b (created)', href: `https://${REGION}.console.aws.amazon.com/prometheus/home?region=${REGION}#/workspaces/workspace/ws-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b` },
  { label: 'AMP remote write', value: `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/ws-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/api/v1/remote_write` },
  { label: 'AMP query', value: `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/ws-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/api/v1/query` },
  { label: 'Grafana', value: 'g-0123456789 (created)', href: GRAFANA },
];
const stackLinks: Link[] = [
  { label: 'Stack', value: STACK, href: STACK_HREF },
  { label: 'ECS service', value: `${STACK}/${STACK}-app` },
];
const dashboardLinks: Link[] = [{ label: 'Dashboard', value: 'ECS service (pr-42)', href: `${GRAFANA}/d/ecs-pr-42/ecs-service-pr-42` }];

const provisioned: ModeRecord = {
  commit: COMMIT, runUrl: RUN(9001),
  status: 'succeeded', finishedAt: at(2), durationMs: 96_400,
  headline: 'AMP workspace ws-0f1e2d3c created; Grafana workspace g-0123456789 created',
  timings: { 'AMP workspace': 11_200, 'Grafana workspace': 81_900, 'Grafana data source': 3_300 },
};
const dashboards: ModeRecord = {
  commit: COMMIT, runUrl: RUN(9002),
  status: 'succeeded', finishedAt: at(9), durationMs: 6_100, headline: '1 dashboard(s) imported into folder pr-42',
  sections: [{ title: 'dashboards', markdown: renderDashboardTable([{ file: 'dashboards/ecs-service.json', title: 'ECS service (pr-42)', url: `${GRAFANA}/d/ecs-pr-42/ecs-service-pr-42` }], GRAFANA) }],
  timings: { 'Grafana import': 4_800 },
};
const deployed = (changes: Change[], minute: number): ModeRecord => ({
  commit: COMMIT, image: IMAGE, runUrl: RUN(9003 + minute),
  status: 'succeeded', finishedAt: at(minute), durationMs: 312_000,
  headline: `stack ${STACK} ${changes === FIRST_DEPLOY ? 'created' : 'updated'}, ${changes.length} change(s)`,
  sections: [{ title: 'changes', markdown: renderChangeSet({ changes, parameters: changes === IMAGE_CHANGE ? IMAGE_PARAMETERS : [] }) }],
  timings: { 'AMP workspace lookup': 400, CloudFormation: 201_000, 'ECS service stable': 110_600 },
});

const base = { environment: ENVIRONMENT, repository: REPOSITORY, region: REGION, prNumber: 42 };

/** The ECS deployment of a tag that was never pushed: the circuit breaker's reason, then the stopped task's. */
const pullFailure = new ActionError(
  `ECS deployment of ${STACK}-app failed: ECS deployment circuit breaker: tasks failed to start.\n` +
  'task 5d1c0e9a7b3f4e2d stopped (TaskFailedToStart): CannotPullContainerError: pull image manifest has been retried 7 time(s): ' +
  'failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:4f1c2e9: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:4f1c2e9: not found',
  imagePullFix('CannotPullContainerError: … failed to resolve ref … not found', IMAGE),
);
/** A resource CloudFormation could not create: the handler's AccessDenied, as stacks.ts's rootCause() reports it. */
const deniedFailure = new ActionError(
  `Stack ${STACK} failed to create and was deleted. Root cause: ExecutionRole (AWS::IAM::Role) CREATE_FAILED: Resource handler returned message: ` +
  '"User: arn:aws:sts::123456789012:assumed-role/preview-cloudformation/AWSCloudFormation is not authorized to perform: iam:CreateRole on resource: ' +
  `arn:aws:iam::123456789012:role/${STACK}-ExecutionRole-1A2B3C4D5E6F because no identity-based policy allows the iam:CreateRole action ` +
  '(Service: Iam, Status Code: 403, Request ID: 7c9d1e2f-3a4b-5c6d-7e8f-9a0b1c2d3e4f)" (RequestToken: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, HandlerErrorCode: AccessDenied)',
  deniedPermissionFix('User: arn:aws:sts::123456789012:assumed-role/preview-cloudformation/AWSCloudFormation is not authorized to perform: iam:CreateRole on resource: ' +
    `arn:aws:iam::123456789012:role/${STACK}-ExecutionRole-1A2B3C4D5E6F because`, 'arn:aws:iam::123456789012:role/preview-cloudformation'),
);
const inputFailure = new InputError([
  { input: 'app-image', problem: "'shop:latest' has no registry host and a mutable tag.", fix: 'Use an image the task can pull by digest or an immutable tag, such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:4f1c2e9.' },
]);
const failed = (error: Error, headline: string, minute: number, durationMs: number): ModeRecord => ({
  commit: COMMIT, image: IMAGE, runUrl: RUN(9100 + minute),
  status: 'failed', finishedAt: at(minute), durationMs, headline, error: error instanceof ActionError ? error.describe() : error.message,
});

/** The plans as destroy and cleanup build them, from an inventory: two closed PRs' environments removed, one open PR's kept. */
const SWEEP_NOW = Date.UTC(2026, 10, 25, 10, 59, 0);
const grafanaWs = { id: 'g-0123456789', name: 'acme-shop-previews', url: GRAFANA, origin: 'reused' as const, status: 'ACTIVE', tags: {} };
const footprint = (env: string) => ({ dashboards: [{ uid: `d-${env}`, title: `ECS service (${env})` }], folder: { uid: `f-${env}`, title: `Preview ${env} (acme/shop)` }, datasource: { uid: `ds-${env}`, name: `AMP ${env} (acme/shop)` } });
const INVENTORY: Inventory = {
  repository: REPOSITORY,
  stacks: [17, 23, 42].map((pr) => ({ name: `preview-shop-pr-${pr}`, stackId: `id-${pr}`, status: 'UPDATE_COMPLETE', environment: `pr-${pr}`, prNumber: pr, lastDeployedAt: new Date(SWEEP_NOW - 3_600_000) })),
  ampWorkspaces: [{ id: 'ws-aa11bb22-cc33-dd44-ee55-ff6677889900', environment: 'pr-17', prNumber: 17, status: 'ACTIVE' }, { id: 'ws-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', environment: 'pr-42', prNumber: 42, status: 'ACTIVE' }],
  grafanaWorkspace: grafanaWs,
  grafana: { byEnvironment: new Map([['pr-17', footprint('pr-17')], ['pr-42', footprint('pr-42')]]), otherRepositories: [] },
};
const GRAFANA_REMOVED = (env: string) => [`Grafana dashboard 'ECS service (${env})'`, `Grafana folder 'Preview ${env} (acme/shop)'`, `Grafana data source 'AMP ${env} (acme/shop)'`];
/** Every step of the plan run as a real run does: deletes done, keeps kept. */
const ran = (plan: Plan) => new Map<string, Outcome>(plan.steps.map((s) => [s.id, s.action === 'keep'
  ? { status: 'kept', detail: s.reason }
  : { status: 'done', value: { removed: s.kind === 'grafana-objects' ? GRAFANA_REMOVED(s.environment!) : [s.target] }, durationMs: 20_000 }]));
const teardownInputs = { grafana: true, deleteGrafanaWorkspace: false };
const SWEEP_PLAN = planCleanup({ ...teardownInputs, ttlMs: 72 * 3_600_000, notify: true }, INVENTORY, new Map([[17, 'merged'], [23, 'closed'], [42, 'open']]), SWEEP_NOW);
const SWEEP_OUTCOMES = ran(SWEEP_PLAN);
const DESTROY_PLAN = planDestroy({ ...teardownInputs, environment: ENVIRONMENT, prNumber: 42, stackName: STACK }, INVENTORY);
const sweep = {
  headline: sweepHeadline(SWEEP_PLAN, SWEEP_OUTCOMES, false),
  sections: [{ title: 'environments', markdown: renderSweepTable(SWEEP_PLAN, SWEEP_OUTCOMES, false) }],
  timings: { discover: 2_100, 'remove pr-17': 21_000, 'remove pr-23': 17_500 },
};

export const VIEW_STATES: ViewState[] = [
  { name: 'provisioned', title: 'Provisioned (AMP and Grafana ready, nothing deployed yet)', step: 'provision',
    state: { ...base, modes: { provision: provisioned }, links: provisionLinks } },
  { name: 'deployed', title: 'Deployed for the first time', step: 'deploy',
    state: { ...base, modes: { provision: provisioned, deploy: deployed(FIRST_DEPLOY, 8), dashboard: dashboards }, links: [...provisionLinks, ...stackLinks, ...dashboardLinks] } },
  { name: 'redeployed', title: 'Redeployed with a changed image', step: 'deploy',
    state: { ...base, modes: { provision: provisioned, dashboard: dashboards, deploy: deployed(IMAGE_CHANGE, 31) }, links: [...provisionLinks, ...stackLinks, ...dashboardLinks] } },
  { name: 'dry-run', title: 'Dry run of a redeploy (plan only)', step: 'deploy',
    state: mergeState({ ...base, modes: { provision: provisioned, dashboard: dashboards, deploy: deployed(FIRST_DEPLOY, 8) }, links: [...provisionLinks, ...stackLinks, ...dashboardLinks] },
      { ...base, modes: { deploy: {
        commit: 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:a9b8c7d', runUrl: RUN(9200), dryRun: true,
        status: 'succeeded', finishedAt: at(20), durationMs: 14_000, headline: `stack ${STACK} planned (dry run), ${IMAGE_CHANGE.length} change(s)`,
        sections: [{ title: 'planned changes (dry run)', markdown: renderChangeSet({ changes: IMAGE_CHANGE, parameters: IMAGE_PARAMETERS }) }],
      } }, links: [] }) },
  { name: 'in-progress', title: 'Redeploy in progress (posted when the step starts)', step: 'deploy',
    state: mergeState({ ...base, modes: { provision: provisioned, deploy: deployed(FIRST_DEPLOY, 8), dashboard: dashboards }, links: [...provisionLinks, ...stackLinks, ...dashboardLinks] },
      startedUpdate(base, 'deploy', new Date(at(30)), { commit: 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:a9b8c7d', runUrl: RUN(9300) })) },
  { name: 'cancelled', title: 'Redeploy cancelled or killed (marked by the post step)', step: 'deploy',
    state: mergeState({ ...base, modes: { provision: provisioned, dashboard: dashboards }, links: [...provisionLinks, ...stackLinks, ...dashboardLinks] },
      cancelledUpdate({ mode: 'deploy', update: startedUpdate(base, 'deploy', new Date(at(30)), { commit: 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:a9b8c7d', runUrl: RUN(9300) }) }, new Date(at(41)))) },
  { name: 'failed-image-pull', title: 'Deploy failed: the image cannot be pulled', step: 'deploy',
    state: { ...base, modes: { provision: provisioned, deploy: failed(pullFailure, 'deploy failed', 24, 640_000) }, links: [...provisionLinks, ...stackLinks] } },
  { name: 'failed-permission', title: 'Deploy failed: CloudFormation was denied a permission', step: 'deploy',
    state: { ...base, modes: { provision: provisioned, deploy: failed(deniedFailure, 'deploy failed', 6, 95_000) }, links: provisionLinks } },
  { name: 'failed-input', title: 'Deploy failed: an input error before any AWS call', step: 'deploy',
    state: { ...base, modes: { provision: provisioned, deploy: failed(inputFailure, 'failed before any resource was ready', 3, 300) }, links: provisionLinks } },
  { name: 'destroyed', title: 'Destroyed after the PR closed', step: 'destroy',
    state: { ...base, modes: { provision: provisioned, deploy: deployed(FIRST_DEPLOY, 8), dashboard: dashboards, destroy: {
      status: 'succeeded', finishedAt: at(50), durationMs: 184_000, headline: 'removed 5 resource(s)',
      sections: [{ title: 'removed', markdown: renderTeardown(order(DESTROY_PLAN), ran(DESTROY_PLAN)) }],
    } }, links: [] } },
  { name: 'swept', title: 'Cleanup sweep of stale environments', step: 'cleanup',
    state: { ...base, environment: 'cleanup', modes: { cleanup: { status: 'succeeded', finishedAt: at(59), durationMs: 42_000, ...sweep } }, links: [] } },
];

/** Run logs a reviewer opens from a step's row. */
export const RUN_LOGS = RUN;
