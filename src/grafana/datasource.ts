import { GrafanaApiError, type GrafanaClient } from './client';
import { ActionError } from '../util/errors';

export const AMP_PLUGIN = 'grafana-amazonprometheus-datasource';
export const PROMETHEUS_PLUGIN = 'prometheus';

/** AMG's Grafana 12 removed SigV4 from the core Prometheus plugin; AMP then needs its own plugin. */
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

/** Creates the environment's data source, or brings the existing one (found by name) up to date. */
export async function upsertDatasource(api: GrafanaClient, spec: DatasourceSpec): Promise<{ uid: string; action: 'created' | 'updated' }> {
  const existing = await api.find<Datasource>(`/api/datasources/name/${encodeURIComponent(spec.name)}`);
  if (!existing) {
    await api.post('/api/datasources', datasourceBody(spec));
    return { uid: spec.uid, action: 'created' };
  }
  // Keep the uid Grafana already has: dashboards imported earlier point at it.
  await api.put(`/api/datasources/uid/${encodeURIComponent(existing.uid)}`, { ...datasourceBody(spec), uid: existing.uid });
  return { uid: existing.uid, action: 'updated' };
}

/** Grafana's "Save & test": proves the workspace role can query AMP before anyone opens an empty dashboard. */
export async function checkDatasourceHealth(api: GrafanaClient, uid: string, name: string): Promise<void> {
  try {
    await api.get(`/api/datasources/uid/${encodeURIComponent(uid)}/health`);
  } catch (err) {
    if (err instanceof GrafanaApiError && err.status < 500) {
      throw new ActionError(`The Grafana data source '${name}' cannot query AMP: ${err.grafanaMessage}`,
        'The Grafana workspace role needs aps:QueryMetrics, aps:GetSeries, aps:GetLabels and aps:GetMetricMetadata on the AMP workspace (provision creates such a role; check grafana-role-arn if you passed your own).');
    }
    throw err;
  }
}
