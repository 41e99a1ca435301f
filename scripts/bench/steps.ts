/**
 * The mode runs the bench times, in rounds: each round on a fresh PR and a fresh Grafana workspace name, its
 * steps in order. A step's `path` is its AWS-side critical path (sandbox/src/harness/critical-path.ts); without
 * one the step waits on nothing AWS does, and only its wall time is shown.
 */
import { GRAFANA_ROLE_STACK_PREFIX, PREVIEW_STACK_PREFIX } from '../../src/permissions/scopes';
import { leaf, par, PathSpec, Selector, seq } from '../../sandbox/src/harness/critical-path';

export interface Round {
  pr: number;
  grafanaName: string;
}

export interface Step {
  label: string;
  /** The action's mode: a step whose mode action.yml does not list is left out. */
  mode: string;
  inputs: (r: Round) => Record<string, string>;
  path?: PathSpec;
  /** Goal for wall time / critical path. */
  goal?: number;
}

const roleStack: Selector = { service: 'cloudformation', resource: new RegExp(`^${GRAFANA_ROLE_STACK_PREFIX}`) };
const previewStack: Selector = { service: 'cloudformation', resource: new RegExp(`^${PREVIEW_STACK_PREFIX}`) };
const ampCreated = leaf('AMP', { service: 'aps', kind: ['create'] });
const grafanaReady = seq(leaf('role stack', { ...roleStack, kind: ['changeset', 'create', 'update'] }), leaf('Grafana', { service: 'grafana', kind: ['create', 'update'] }));
// The sandbox's ECS deployment runs inside the stack's service resource, so the union is the stack's time
// unless the service settles after it.
const stackAndService = leaf('stack + service', { ...previewStack, kind: ['changeset', 'create', 'update'] }, { service: 'ecs' });
const environmentDeleted = par(leaf('AMP delete', { service: 'aps', kind: ['delete'] }), leaf('stack delete', { ...previewStack, kind: ['delete'] }));

const provision: Step = {
  label: 'provision, first', mode: 'provision', goal: 1.05,
  inputs: (r) => ({ mode: 'provision', 'grafana-workspace-name': r.grafanaName }),
  path: par(ampCreated, grafanaReady),
};
const deploy: Step = {
  label: 'deploy', mode: 'deploy', goal: 1.05,
  inputs: () => ({ mode: 'deploy', 'metrics-check': 'off' }),
  path: stackAndService,
};
const dashboard: Step = {
  label: 'dashboard (no AWS-side wait)', mode: 'dashboard',
  inputs: (r) => ({ mode: 'dashboard', 'grafana-workspace-name': r.grafanaName }),
};
const destroy: Step = {
  label: 'destroy', mode: 'destroy', goal: 1.05,
  inputs: (r) => ({ mode: 'destroy', 'grafana-workspace-name': r.grafanaName }),
  path: environmentDeleted,
};
/** Also keeps the run under AMG's 5 workspaces per region. */
const teardown: Step = {
  label: 'destroy + Grafana workspace', mode: 'destroy', goal: 1.05,
  inputs: (r) => ({ mode: 'destroy', 'grafana-workspace-name': r.grafanaName, 'delete-grafana-workspace': 'true' }),
  path: seq(environmentDeleted, leaf('Grafana delete', { service: 'grafana', kind: ['delete'] }), leaf('role stack delete', { ...roleStack, kind: ['delete'] })),
};
/** issue 15: max(stack + service stable, AMP active, Grafana ready) + dashboard import (synchronous in the sandbox: 0). */
const up: Step = {
  label: 'up, first PR', mode: 'up', goal: 1.05,
  inputs: (r) => ({ mode: 'up', 'grafana-workspace-name': r.grafanaName, 'metrics-check': 'off' }),
  path: par(stackAndService, ampCreated, grafanaReady),
};

export const ROUNDS: Step[][] = [
  [provision, { ...provision, label: 'provision again (all reused)', goal: undefined }, deploy, dashboard, destroy, teardown],
  [up, teardown],
];
