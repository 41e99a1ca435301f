import { findRoleByArn, roleAllows } from '../iam';
import { AwsView, GrafanaWorkspaceView } from './context';
import { GrafanaReply, json, message } from './reply';
import { DataSource } from './store';
import { AMAZON_PROMETHEUS_PLUGIN, grafanaMajor, hasBackendHealthCheck, installedDataSourcePlugins, PROMETHEUS_PLUGIN } from './versions';

// "Save & test" of a data source against Amazon Managed Service for Prometheus. Grafana answers
// 200 {status: OK} or 400 {status: ERROR} (pkg/api/datasources.go checkDatasourceHealth); the
// Prometheus plugins run the query 1+1 against <url>/api/v1/query and report a failure as
// "<error> - There was an error returned querying the Prometheus API." (promlib healthcheck.go).
// Which error comes back is the sandbox's model of AMP and IAM; those texts are unconfirmed.

const QUERY_FAILED = 'There was an error returned querying the Prometheus API.';
const AMP_URL = /^https:\/\/aps-workspaces\.([a-z0-9-]+)\.amazonaws\.com\/workspaces\/(ws-[A-Za-z0-9-]+)(\/.*)?$/;

const healthy = (text: string): GrafanaReply => json(200, { status: 'OK', message: text });
const unhealthy = (text: string): GrafanaReply => json(400, { status: 'ERROR', message: text });

export function checkDataSourceHealth(ds: DataSource, workspace: GrafanaWorkspaceView, aws: AwsView): GrafanaReply {
  // Grafana creates data sources of any type; only the health check needs the plugin.
  if (!installedDataSourcePlugins(workspace.grafanaVersion).includes(ds.type)) return message(404, 'Plugin not found');
  if (ds.type === 'testdata') return healthy('Data source is working'); // unconfirmed message
  if (ds.type !== PROMETHEUS_PLUGIN && ds.type !== AMAZON_PROMETHEUS_PLUGIN) {
    return unhealthy(`sandbox: health checks of ${ds.type} data sources are not modelled`);
  }
  // Before Grafana 10 the core Prometheus plugin has no backend health check (pkg/api/plugins.go: 404).
  if (!hasBackendHealthCheck(ds.type, workspace.grafanaVersion)) return message(404, 'Not found');
  const error = ampQueryError(ds, workspace, aws);
  return error === undefined ? healthy('Successfully queried the Prometheus API.') : unhealthy(error);
}

/**
 * POST /api/ds/query for one query of a Prometheus-type data source against AMP: the same signed
 * request as the health check, answered as Grafana's QueryDataResponse ({results: {<refId>:
 * {frames} | {error, status}}}), 400 when the query failed (pkg/api/ds_query.go answers the
 * query's error status; unconfirmed which of 400/500 Grafana 9.4 uses for a downstream 403).
 */
export function queryDataSource(ds: DataSource, refId: string, workspace: GrafanaWorkspaceView, aws: AwsView): GrafanaReply {
  if (!installedDataSourcePlugins(workspace.grafanaVersion).includes(ds.type)) return message(404, 'Plugin not found');
  if (ds.type !== PROMETHEUS_PLUGIN && ds.type !== AMAZON_PROMETHEUS_PLUGIN) return message(400, `sandbox: queries of ${ds.type} data sources are not modelled`);
  const error = ampQueryError(ds, workspace, aws);
  if (error !== undefined) return json(400, { results: { [refId]: { error, status: 400, frames: [] } } });
  // 1+1 as an instant query: one frame with one number.
  return json(200, {
    results: { [refId]: { status: 200, frames: [{ schema: { refId, fields: [{ name: 'Time', type: 'time' }, { name: 'Value', type: 'number' }] }, data: { values: [[Date.now()], [2]] } }] } },
  });
}

/** Follows one signed query from Grafana to AMP; the first thing that would stop it, or undefined. */
function ampQueryError(ds: DataSource, workspace: GrafanaWorkspaceView, aws: AwsView): string | undefined {
  const queryFailed = (error: string) => `${error} - ${QUERY_FAILED}`;
  const j = ds.jsonData;
  if (ds.type === PROMETHEUS_PLUGIN && grafanaMajor(workspace.grafanaVersion) >= 12 && j.sigV4Auth === true) {
    // unconfirmed message: Grafana 12 dropped SigV4 from the core plugin in favour of AMP's own.
    return (`SigV4 authentication is not supported by the core Prometheus data source in Grafana ${grafanaMajor(workspace.grafanaVersion)}; use the ${AMAZON_PROMETHEUS_PLUGIN} plugin`);
  }
  const queryUrl = `${ds.url.replace(/\/+$/, '')}/api/v1/query`;
  const target = AMP_URL.exec(ds.url.replace(/\/+$/, ''));
  if (!target) {
    const host = /^[a-z]+:\/\/([^/:]+)/i.exec(ds.url)?.[1];
    if (!host) return queryFailed(`Post "${queryUrl}": unsupported protocol scheme ""`);
    // The sandbox is offline: only AMP's query endpoints exist.
    return queryFailed(`Post "${queryUrl}": dial tcp: lookup ${host}: no such host`);
  }
  const [, region, workspaceId, extraPath] = target;
  // The plugin appends /api/v1/query itself: a URL that already ends in /api/v1 asks AMP for …/api/v1/api/v1/query.
  if (extraPath) return queryFailed(`client_error: client error: 404 Not Found (${queryUrl})`);
  if (j.sigV4Auth !== true) return queryFailed('client_error: client error: 403 Forbidden: Missing Authentication Token');
  if (j.sigV4AuthType !== 'ec2_iam_role') {
    return queryFailed(`sigV4AuthType '${String(j.sigV4AuthType ?? '')}' cannot sign in Amazon Managed Grafana without keys; use ec2_iam_role (the workspace IAM role)`);
  }
  if (j.sigV4Region !== region) {
    return queryFailed(`client_error: client error: 403 Forbidden: Credential should be scoped to a valid region, not '${String(j.sigV4Region ?? '')}'.`);
  }
  const role = workspace.roleArn ? findRoleByArn(aws.iam, workspace.roleArn) : undefined;
  if (!role) return queryFailed(`failed to assume the workspace IAM role ${workspace.roleArn ?? '(none)'}: AccessDenied: the role does not exist`);
  const amp = aws.ampWorkspace(region, workspaceId);
  if (!amp || amp.accountId !== workspace.accountId) {
    return queryFailed(`client_error: client error: 404 Not Found: Workspace ${workspaceId} not found in ${region}`);
  }
  if (amp.status !== 'ACTIVE') return queryFailed(`client_error: client error: 404 Not Found: Workspace ${workspaceId} is ${amp.status}, not ACTIVE`);
  if (!roleAllows(role, 'aps:QueryMetrics', amp.arn)) {
    const principal = `arn:aws:sts::${workspace.accountId}:assumed-role/${role.roleName}/${workspace.id}`;
    return queryFailed(`client_error: client error: 403 Forbidden: User: ${principal} is not authorized to perform: aps:QueryMetrics on resource: ${amp.arn} because no identity-based policy allows the aps:QueryMetrics action`);
  }
  return undefined;
}
