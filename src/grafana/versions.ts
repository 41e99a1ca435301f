/**
 * The Grafana versions CreateWorkspace accepts today, as AMG names them (major.minor), oldest first.
 *
 * Sources (checked for this list):
 * - AMG API model grafana/2020-08-18: CreateWorkspace.grafanaVersion is a free string ("If not
 *   specified, defaults to the latest version"); ListVersions without a workspace id "lists all
 *   versions of Grafana that are supported for CreateWorkspace". The API keeps no enum, so this
 *   list is the user guide's.
 * - AMG user guide, "Working in Grafana version 13" (using-grafana-v13): the versions a workspace can
 *   be created with are 13, 12, 10 and 9; version 8 is no longer among them (the older pages for 9
 *   and 10 still name 8, the newest ones do not).
 * - AMG names minors: 9.4 (in-place update from 8.4, 2023-07), 10.4 (What's New 2024-05-15), 12.4
 *   (the user guide's Grafana 12 pages and API reference). unconfirmed: the minor of version 13;
 *   the guide says "13.x" only, and 13.0 is Grafana's first 13 release. `aws grafana list-versions`
 *   answers for the account and region; the action's error for a version outside this list says so.
 */
export const OFFERED_GRAFANA_VERSIONS = ['9.4', '10.4', '12.4', '13.0'] as const;
export type GrafanaVersion = (typeof OFFERED_GRAFANA_VERSIONS)[number];

export function isOfferedGrafanaVersion(v: string): v is GrafanaVersion {
  return (OFFERED_GRAFANA_VERSIONS as readonly string[]).includes(v);
}
