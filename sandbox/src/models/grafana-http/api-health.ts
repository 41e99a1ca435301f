import { createHash } from 'node:crypto';
import { RequestContext } from './context';
import { GrafanaReply, json } from './reply';
import { fullGrafanaVersion } from './versions';

/** GET /api/health: unauthenticated; the version is what the action reads to pick a data source plugin. */
export function apiHealth({ workspace }: RequestContext): GrafanaReply {
  const version = fullGrafanaVersion(workspace.grafanaVersion);
  // A stable fake commit per version, shaped like Grafana's short hash.
  const commit = createHash('sha1').update(`grafana ${version}`).digest('hex').slice(0, 10);
  return json(200, { commit, database: 'ok', version });
}
