import { GrafanaApiError, type GrafanaClient } from './client';
import { ActionError } from '../util/errors';

export const AMP_PLUGIN = 'grafana-amazonprometheus-datasource';
export const PROMETHEUS_PLUGIN = 'prometheus';

/**
 * AMG's Grafana 12 removed SigV4 from the core Prometheus plugin; AMP then needs its own plugin
 * (Grafana 13 migrates SigV4 Prometheus sources to it on start: Grafana docs v13.1,
 * datasources/prometheus/configure/aws-authentication).
 */
export function pluginFor(grafanaVersion: string | undefined): string {
  const major = Number.parseInt(grafanaVersion ?? '', 10);
  return Number.isFinite(major) && major >= 12 ? AMP_PLUGIN : PROMETHEUS_PLUGIN;
}

export interface DatasourceSpec {
  uid: string;
  name: string;
  type: string;
  /** AMP workspace URL, …/workspaces/ws-…, without /api/v1 (the plugin appends the query path). */
  url: string;
  region: string;
}

interface Datasource {
  id: number;
  uid: string;
  name: string;
  type: string;
  url: string;
}

export function datasourceBody(spec: DatasourceSpec) {
  return {
    uid: spec.uid,
    name: spec.name,
    type: spec.type,
    access: 'proxy',
    url: spec.url,
    isDefault: false,
    // ec2_iam_role signs with the workspace's IAM role, which provision gave AMP query access.
    jsonData: { httpMethod: 'POST', sigV4Auth: true, sigV4AuthType: 'ec2_iam_role', sigV4Region: spec.region },
  };
}

/** The AMP query base for a data source: AMP returns …/api/v1/, the data source wants the workspace URL. */
export function datasourceUrl(prometheusEndpoint: string): string {
  return prometheusEndpoint.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

/**
 * Creates the environment's data source, or brings it up to date. It is found by its uid, which is
 * derived from the repository and the environment: a data source found only by name (another
 * repository's in a shared workspace, or one made by hand) is never adopted, and never pointed at
 * this environment's AMP workspace. Two runs of one environment may race: the loser's create
 * answers 409, and it then updates what the winner created.
 */
export async function upsertDatasource(api: GrafanaClient, spec: DatasourceSpec): Promise<{ uid: string; action: 'created' | 'updated' }> {
  const path = `/api/datasources/uid/${encodeURIComponent(spec.uid)}`;
  if (!(await api.find<Datasource>(path))) {
    try {
      await api.post('/api/datasources', datasourceBody(spec));
      return { uid: spec.uid, action: 'created' };
    } catch (err) {
      if (!(err instanceof GrafanaApiError && err.status === 409)) throw err;
      // 409 is "same uid" (a racing run of this environment won) or "same name" (someone else's).
      if (!(await api.find<Datasource>(path))) {
        const other = await api.find<Datasource>(`/api/datasources/name/${encodeURIComponent(spec.name)}`);
        throw new ActionError(
          `A Grafana data source named '${spec.name}'${other ? ` (uid ${other.uid})` : ''} already exists and is not the one this action manages for the environment (uid ${spec.uid}); it was left as it is.`,
          'Rename or delete that data source in Grafana (Connections → Data sources), then re-run the step.',
        );
      }
    }
  }
  await api.put(path, datasourceBody(spec));
  return { uid: spec.uid, action: 'updated' };
}

/** How the data source was proven: Grafana's health check, a query where it has none, or not at all. */
export interface DatasourceCheck {
  method: 'health' | 'query' | 'unchecked';
  /** Why it could not be checked (method 'unchecked'). */
  detail?: string;
}

/**
 * Proves the workspace role can query AMP before anyone opens an empty dashboard. Grafana's
 * "Save & test" (GET …/health) needs a backend health check in the plugin, which the core
 * Prometheus plugin has only from Grafana 10: before that it answers 404 (pkg/api/plugins.go maps
 * the plugin's "method not implemented" to 404 "Not found"). There the action runs the query a
 * health check would (1+1, instant) through POST /api/ds/query, which the Prometheus backend
 * serves on Grafana 9. If neither can tell, the caller says so instead of failing or passing.
 */
export async function checkDatasourceHealth(api: GrafanaClient, uid: string, name: string, type: string): Promise<DatasourceCheck> {
  try {
    await api.get(`/api/datasources/uid/${encodeURIComponent(uid)}/health`);
    return { method: 'health' };
  } catch (err) {
    if (!(err instanceof GrafanaApiError)) throw err;
    if (err.status === 404 && !/plugin not found/i.test(err.grafanaMessage)) return queryCheck(api, uid, name, type);
    if (err.status < 500) throw cannotQuery(name, err.grafanaMessage);
    throw err;
  }
}

async function queryCheck(api: GrafanaClient, uid: string, name: string, type: string): Promise<DatasourceCheck> {
  const body = {
    from: 'now-5m', to: 'now',
    queries: [{ refId: 'A', datasource: { uid, type }, expr: '1+1', instant: true, range: false, intervalMs: 15_000, maxDataPoints: 1 }],
  };
  let answer: unknown;
  try {
    answer = await api.post('/api/ds/query', body);
  } catch (err) {
    if (!(err instanceof GrafanaApiError)) throw err;
    // Grafana answers a query that failed with 400 (or the query's own status) and its error in the body.
    const error = queryError(err.body);
    if (error !== undefined) throw cannotQuery(name, error);
    if (err.status === 401 || err.status === 403) throw err;
    return { method: 'unchecked', detail: `POST /api/ds/query answered ${err.status} ${err.grafanaMessage}` };
  }
  const error = queryError(answer);
  if (error !== undefined) throw cannotQuery(name, error);
  return { method: 'query' };
}

/** The error of query A in a /api/ds/query answer ({results: {A: {error}}}), if it has one. */
function queryError(body: unknown): string | undefined {
  const result = (body as { results?: Record<string, { error?: unknown }> } | undefined)?.results?.A;
  return typeof result?.error === 'string' && result.error ? result.error : undefined;
}

function cannotQuery(name: string, message: string): ActionError {
  return new ActionError(`The Grafana data source '${name}' cannot query AMP: ${message}`, fixForQueryError(message));
}

/**
 * The fix for what AMP or Grafana said, by its cause: a missing workspace role and a role without
 * AMP query permissions need different things done.
 */
export function fixForQueryError(message: string): string {
  if (/plugin not found/i.test(message)) {
    return `The workspace has no plugin for this data source: on Grafana 12 and later install "Amazon Managed Service for Prometheus" (${AMP_PLUGIN}) from the workspace's plugin catalog (Administration → Plugins), then re-run the step.`;
  }
  // Not /assume/ alone: a QueryMetrics denial names the assumed-role session too.
  if (/failed to assume|sts:AssumeRole|role does not exist|NoSuchEntity/i.test(message)) {
    return 'Grafana cannot assume the workspace IAM role: it is missing or does not trust grafana.amazonaws.com. Re-run mode: provision (it re-creates the role stack the action manages and points the workspace at it), or, if you passed grafana-role-arn, check that role exists and trusts grafana.amazonaws.com.';
  }
  if (/not authorized to perform: aps:|aps:QueryMetrics|AccessDenied|403 Forbidden: User/i.test(message)) {
    return 'The Grafana workspace role needs aps:QueryMetrics, aps:GetSeries, aps:GetLabels and aps:GetMetricMetadata on the AMP workspace (provision creates such a role; check grafana-role-arn if you passed your own).';
  }
  if (/workspace .* (not found|is [A-Z_]+, not ACTIVE)/i.test(message)) {
    return 'The AMP workspace the data source points at is gone or not ACTIVE: run mode: provision for this environment before dashboard.';
  }
  if (/scoped to a valid region/i.test(message)) {
    return 'The data source signs for another region than the AMP workspace is in: check aws-region.';
  }
  return 'Check the workspace IAM role (it needs aps:QueryMetrics on the AMP workspace and must trust grafana.amazonaws.com) and that the AMP workspace is ACTIVE; the message above is what AMP or Grafana answered.';
}
