// What a workspace's Grafana version implies: the full version it reports and the data source
// plugins it has installed.

/** The Grafana versions AMG offers for new workspaces. */
export const SUPPORTED_GRAFANA_VERSIONS = ['8.4', '9.4', '10.4', '12.4'] as const;

/** AMG names minor versions; Grafana's own /api/health reports a patch level. */
const FULL_VERSIONS: Record<string, string> = {
  // unconfirmed: the patch levels AMG runs are not published per region; these are plausible ones.
  '8.4': '8.4.7', '9.4': '9.4.7', '10.4': '10.4.3', '12.4': '12.4.0',
};

export const AMAZON_PROMETHEUS_PLUGIN = 'grafana-amazonprometheus-datasource';
export const PROMETHEUS_PLUGIN = 'prometheus';

export function fullGrafanaVersion(grafanaVersion: string): string {
  return FULL_VERSIONS[grafanaVersion] ?? `${grafanaVersion}.0`;
}

export function grafanaMajor(grafanaVersion: string): number {
  return Number.parseInt(grafanaVersion, 10);
}

/** Data source plugin ids a workspace of this version has: the core ones, and AMP's own from Grafana 10. */
export function installedDataSourcePlugins(grafanaVersion: string): string[] {
  const core = [PROMETHEUS_PLUGIN, 'cloudwatch', 'loki', 'testdata'];
  return grafanaMajor(grafanaVersion) >= 10 ? [...core, AMAZON_PROMETHEUS_PLUGIN] : core;
}
