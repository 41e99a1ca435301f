// What a workspace's Grafana version implies: the full version it reports, the data source plugins
// it has installed, and the behaviours of its HTTP API that changed between the versions AMG offers.

/**
 * The Grafana versions CreateWorkspace accepts today. The AMG user guide's newest pages ("Working
 * in Grafana version 13") offer 13, 12, 10 and 9 and no longer 8; AMG names minors (9.4, 10.4, 12.4).
 * unconfirmed: the minor of 13 (the guide says 13.x; 13.0 is Grafana's first 13 release).
 * The action keeps its own copy (src/grafana/versions.ts): the sandbox must not borrow the action's facts.
 */
export const SUPPORTED_GRAFANA_VERSIONS = ['9.4', '10.4', '12.4', '13.0'] as const;

/**
 * CreateWorkspace without grafanaVersion: "defaults to the latest version" (API model
 * grafana/2020-08-18, CreateWorkspaceRequest.grafanaVersion).
 */
export const DEFAULT_GRAFANA_VERSION = SUPPORTED_GRAFANA_VERSIONS[SUPPORTED_GRAFANA_VERSIONS.length - 1];

/** AMG names minor versions; Grafana's own /api/health reports a patch level. */
const FULL_VERSIONS: Record<string, string> = {
  // unconfirmed: the patch levels AMG runs are not published per region; these are plausible ones.
  '9.4': '9.4.7', '10.4': '10.4.3', '12.4': '12.4.0', '13.0': '13.0.1',
};

export const AMAZON_PROMETHEUS_PLUGIN = 'grafana-amazonprometheus-datasource';
export const PROMETHEUS_PLUGIN = 'prometheus';

export function fullGrafanaVersion(grafanaVersion: string): string {
  return FULL_VERSIONS[grafanaVersion] ?? `${grafanaVersion}.0`;
}

export function grafanaMajor(grafanaVersion: string): number {
  return Number.parseInt(grafanaVersion, 10);
}

/**
 * Data source plugin ids a workspace of this version has: the core ones, and AMP's own from Grafana 10
 * (unconfirmed: that AMG installs it from 10.4; the plugin's 1.x line needs Grafana ≥ 10.4, its 2.x ≥ 11.5).
 */
export function installedDataSourcePlugins(grafanaVersion: string): string[] {
  const core = [PROMETHEUS_PLUGIN, 'cloudwatch', 'loki', 'testdata'];
  return grafanaMajor(grafanaVersion) >= 10 ? [...core, AMAZON_PROMETHEUS_PLUGIN] : core;
}

/**
 * Whether the plugin answers GET /api/datasources/uid/:uid/health. The core Prometheus plugin got a
 * backend health check in Grafana 10; before, Grafana maps the plugin's "method not implemented"
 * to 404 {"message": "Not found"} (pkg/api/plugins.go). The AMP plugin has one in every release.
 */
export function hasBackendHealthCheck(pluginId: string, grafanaVersion: string): boolean {
  if (pluginId === PROMETHEUS_PLUGIN) return grafanaMajor(grafanaVersion) >= 10;
  return true;
}

/**
 * Folder rules that changed: before Grafana 11 folder titles are unique (by slug) in the org and a
 * duplicate uid is 409; from 11 titles may repeat and a duplicate uid is 412 `version-mismatch`.
 */
export function folderTitlesUnique(grafanaVersion: string): boolean {
  return grafanaMajor(grafanaVersion) < 11;
}
