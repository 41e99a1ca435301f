import type { Mode } from '../inputs/types';

/**
 * What a step does to its target. `keep` is a decision, not work: it is in the plan so the report can say
 * why something that exists is left alone (another environment uses it, the user named it).
 */
export type StepAction = 'create' | 'reuse' | 'apply' | 'wait' | 'check' | 'import' | 'delete' | 'keep' | 'notify';

/** The kinds of thing a step acts on: the structured outputs (`removed`, say) are keyed by them. */
export type ResourceKind =
  | 'amp-workspace'
  | 'stack'
  | 'ecs-service'
  | 'app-url'
  | 'metrics'
  | 'grafana-workspace'
  | 'grafana-role-stack'
  | 'grafana-datasource'
  | 'grafana-folder'
  | 'grafana-dashboards'
  | 'grafana-objects'
  | 'pr-comment';

export interface Step {
  /** Unique within the plan; dependencies name it. Per-environment steps start with `<environment>/`. */
  id: string;
  action: StepAction;
  kind: ResourceKind;
  /** What the step acts on, as a person names it: "AMP workspace ws-…", "stack preview-…". */
  target: string;
  /** Why the planner chose this step (shown in the report and the dry run). */
  reason: string;
  /** Steps that must have succeeded (or been kept) before this one starts. */
  dependsOn: string[];
  /** The environment the step belongs to: the sweep's concurrency bound counts environments, not steps. */
  environment?: string;
  /** The AWS or Grafana identifier, when the inventory already knows it. */
  resourceId?: string;
  /**
   * Runs in a dry run too, because it changes nothing (a lookup) or only something the dry run removes again
   * (deploy's change set). Every other step of a dry run is reported as planned and not run.
   */
  safeInDryRun?: boolean;
}

export interface Plan {
  mode: Mode;
  steps: Step[];
}

export type OutcomeStatus = 'done' | 'kept' | 'failed' | 'skipped' | 'planned';

export interface Outcome {
  status: OutcomeStatus;
  /** One line for the report: what the step found or did ("deleted", "3 dashboard(s) imported"), or why it was skipped. */
  detail?: string;
  /** What the step's executor returned, for the steps that depend on it. */
  value?: unknown;
  error?: unknown;
  startedAt?: number;
  durationMs?: number;
}

export type Outcomes = ReadonlyMap<string, Outcome>;
