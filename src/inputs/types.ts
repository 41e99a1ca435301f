import type { ExposeInputs } from './expose';

export const MODES = ['up', 'provision', 'deploy', 'dashboard', 'destroy', 'cleanup'] as const;
export type Mode = (typeof MODES)[number];

export type GrafanaAuth = 'AWS_SSO' | 'SAML';

export interface GrafanaAdmin {
  type: 'SSO_USER' | 'SSO_GROUP';
  id: string;
}

/** Everything the action needs from its inputs, validated and with defaults applied. */
export interface Inputs {
  mode: Mode;
  region: string;
  roleToAssume?: string;
  roleSessionName: string;
  roleDurationSeconds: number;
  audience: string;
  environment: string;
  ampWorkspaceId?: string;
  ampWorkspaceAlias: string;
  grafana: boolean;
  grafanaWorkspaceId?: string;
  grafanaWorkspaceName: string;
  grafanaRoleArn?: string;
  /** Name of the managed policy under /ecs-amp-action/ that bounds the roles the templates create; '' for none. */
  permissionsBoundary: string;
  grafanaAuth: GrafanaAuth;
  grafanaAdmins: GrafanaAdmin[];
  /** grafana-version: the Grafana version of a workspace the action creates; undefined is AMG's default. */
  grafanaVersion?: string;
  extraTags: Record<string, string>;
  githubToken?: string;
  comment: boolean;
  waitTimeoutMinutes: number;
  deploy: DeployInputs;
  /** dashboards-path as given (relative to the workspace); read and checked before any AWS call. */
  dashboardsPath?: string;
  teardown: TeardownInputs;
}

/** What `destroy` and `cleanup` take on top of the common inputs. */
export interface TeardownInputs {
  deleteGrafanaWorkspace: boolean;
  /** cleanup: an environment not deployed for this long is stale. */
  ttlMs: number;
  /** cleanup: environments destroyed at the same time. */
  maxConcurrency: number;
  /** cleanup: only report. */
  dryRun: boolean;
}

/** What `deploy` takes on top of the common inputs. */
export interface DeployInputs {
  stackName: string;
  appImage: string;
  appPort: number;
  appMetricsPath: string;
  cpu: string;
  memory: string;
  desiredCount: number;
  vpcId?: string;
  subnetIds: string[];
  adotImage: string;
  cloudformationRoleArn?: string;
  dryRun: boolean;
  /** What missing metrics do after the service is stable: fail the step, warn, or go unchecked. */
  metricsCheck: MetricsCheck;
  metricsTimeoutSeconds: number;
  /** expose, ingress-cidrs, health-check-path. */
  expose: ExposeInputs;
}

export const METRICS_CHECKS = ['fail', 'warn', 'off'] as const;
export type MetricsCheck = (typeof METRICS_CHECKS)[number];

/** The raw strings the runner hands over (INPUT_*), keyed by input name as in action.yml. */
export type RawInputs = Record<string, string>;

/** What the action knows about the workflow run it is part of. */
export interface RunContext {
  /** owner/name */
  repository: string;
  eventName: string;
  refName: string;
  prNumber?: number;
  /** True when the triggering PR comes from a fork (no OIDC token, read-only token). */
  fromFork: boolean;
  /**
   * Set when the run belongs to a pull request that could not be determined (a workflow_run whose
   * PR lookup failed): the environment is then not derived, so the run cannot land in another one.
   */
  prLookupError?: string;
  runId?: string;
  /** The commit the run is for: the PR's head (GITHUB_SHA is a merge commit on pull_request), else GITHUB_SHA. */
  commit?: string;
  serverUrl: string;
  /** AWS_REGION / AWS_DEFAULT_REGION from the environment, so the action composes with configure-aws-credentials. */
  envRegion?: string;
  /** GITHUB_WORKSPACE: where the repository is checked out (dashboards-path is relative to it). */
  workspace: string;
}
