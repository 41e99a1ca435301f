import { IamState } from '../../core/types';
import { GrafanaRole } from './auth';
import { GrafanaRequest } from './reply';
import { GrafanaStore } from './store';

/** What the Grafana API of one workspace needs to know about the AMG workspace around it. */
export interface GrafanaWorkspaceView {
  id: string;
  region: string;
  accountId: string;
  grafanaVersion: string;
  /** The workspace IAM role Grafana signs AWS requests with (data sources with sigV4AuthType ec2_iam_role). */
  roleArn?: string;
  store: GrafanaStore;
}

/** An AMP workspace as a data source health check sees it. */
export interface AmpTarget {
  id: string;
  arn: string;
  accountId: string;
  region: string;
  status: string;
}

/** The AWS side the health check needs: the AMP workspaces and the IAM role's policies. */
export interface AwsView {
  iam: IamState;
  ampWorkspace(region: string, id: string): AmpTarget | undefined;
}

export interface RequestContext {
  workspace: GrafanaWorkspaceView;
  aws: AwsView;
  request: GrafanaRequest;
  /** Path parameters of the matched route, URI-decoded. */
  params: Record<string, string>;
  /** The caller's role; VIEWER for routes that need no authentication. */
  role: GrafanaRole;
}
