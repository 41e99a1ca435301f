import type { TeardownResult } from '../teardown/environment';
import { plain } from './markdown';

/**
 * What destroy (or the sweep) removed and kept, as a markdown list for the summary and the PR
 * comment. Items name Grafana objects by title, which come from a PR's dashboards: escaped.
 */
export function renderTeardown(result: TeardownResult): string {
  const lines = [...result.removed.map((r) => `- 🗑️ ${plain(r)}`), ...result.kept.map((k) => `- 📌 kept: ${plain(k)}`)];
  return lines.length ? lines.join('\n') : '- nothing was left to remove';
}
