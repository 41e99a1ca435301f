import { grafanaRegion, trustedHref } from './links';
import { code, link } from './markdown';

export interface DashboardRow {
  /** The file in the PR's checkout (or the bundled asset) it came from. */
  file: string;
  /** The title Grafana answered with: the PR's own text. */
  title: string;
  url: string;
}

/**
 * The dashboards table of the dashboard mode's report. Titles and file names come from the PR's
 * checkout, so both are escaped; a title links only to a dashboard in the workspace the action
 * resolved (its AMG host, whatever path Grafana answered with), never elsewhere.
 */
export function renderDashboardTable(dashboards: DashboardRow[], grafanaUrl: string): string {
  const region = grafanaRegion(grafanaUrl);
  const origin = region ? new URL(grafanaUrl).origin : undefined;
  const rows = dashboards.map((d) => {
    const target = origin && sameOrigin(d.url, origin) ? trustedHref(d.url, { region: region!, repository: '' }) : undefined;
    // Without a trusted target the title and the URL show as code: readable, not clickable.
    return `| ${target ? link(d.title, d.url) : `${code(d.title)} ${code(d.url)}`} | ${code(d.file)} |`;
  });
  return ['| Dashboard | Source |', '| --- | --- |', ...rows].join('\n');
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
