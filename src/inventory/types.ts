import type { OwnedAmpWorkspace } from '../aws/amp';
import type { GrafanaWorkspace } from '../aws/grafana';
import type { OwnedStack } from '../aws/stacks';
import type { GrafanaFootprint } from '../grafana/teardown';

/** The repository's Grafana workspace as DescribeWorkspace gave it, with its status and tags for the ownership rules. */
export type FoundGrafanaWorkspace = GrafanaWorkspace & { status: string; tags: Record<string, string>; roleArn?: string };

/**
 * One picture of what exists for the repository (and the run's environment), read once per run before anything is
 * decided. Every listing is by the ownership tags (AWS) or the names derived for the repository (Grafana), so nothing
 * here is another repository's; the rules that decide what may be reused or deleted are in ./ownership.ts.
 */
export interface Inventory {
  repository: string;
  /** The run's environment; undefined for the sweep, which reads every environment of the repository. */
  environment?: string;
  /** The preview stacks of the repository's environments (DELETE_COMPLETE excluded). */
  stacks: OwnedStack[];
  /** The repository's AMP workspaces, any status (DELETING and CREATION_FAILED included: the rules decide). */
  ampWorkspaces: OwnedAmpWorkspace[];
  /** The repository's Grafana workspace (by name and tags, or the one grafana-workspace-id names), when grafana is on. */
  grafanaWorkspace?: FoundGrafanaWorkspace;
  /**
   * What is in that workspace, read through its HTTP API with a token; undefined when it was not read (grafana off, the
   * workspace not ACTIVE, or no token could be had): "unknown", never "empty".
   */
  grafana?: {
    byEnvironment: ReadonlyMap<string, GrafanaFootprint>;
    /** Titles of the action's dashboards that belong to other repositories sharing the workspace. */
    otherRepositories: string[];
  };
  /** The repository's Grafana role stack, when the run needs to know it (its role and status). */
  roleStack?: { name: string; status: string; roleArn?: string };
  /**
   * The run's environment's AMP workspace as provision, deploy and up find it (by alias and ownership tags, or the one
   * amp-workspace-id names), when read by readEnvironmentInventory: what they reuse, with the ARN and endpoint a stack
   * and a data source need. Undefined: there is none yet.
   */
  ampWorkspace?: { id: string; arn: string; prometheusEndpoint: string; status: string; origin: 'reused' | 'given' };
}

/** Everything the inventory holds for one environment. */
export interface EnvironmentInventory {
  environment: string;
  prNumber?: number;
  stack?: OwnedStack;
  /** Not DELETING: a workspace already being deleted needs nothing more. */
  ampWorkspaces: OwnedAmpWorkspace[];
  grafana?: GrafanaFootprint;
  /** The newest sign of life: the stack's last deploy, else the newest workspace's creation. */
  lastActivityAt?: Date;
}
