import type { TeardownResult } from '../teardown/environment';

/** What destroy (or the sweep) removed and kept, as a markdown list for the summary and the PR comment. */
export function renderTeardown(result: TeardownResult): string {
  const lines = [...result.removed.map((r) => `- 🗑️ ${r}`), ...result.kept.map((k) => `- 📌 kept: ${k}`)];
  return lines.length ? lines.join('\n') : '- nothing was left to remove';
}
