/** The bench's one table: a line per measure, its value, the ratio the goal is about, and the goal. */
export interface Row {
  what: string;
  value: string;
  ratio?: number;
  /** e.g. "≤ 1.05"; the ratio is judged against it. */
  goal?: { max: number; text?: string };
}

export function renderTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.what, r.value, r.ratio === undefined ? '—' : r.ratio.toFixed(2), r.goal ? r.goal.text ?? `≤ ${r.goal.max}` : '',
    r.goal && r.ratio !== undefined ? (r.ratio <= r.goal.max ? 'ok' : 'MISSED') : '',
  ]);
  const head = ['measure', 'value', 'ratio', 'goal', ''];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(width[i])).join(' | ').trimEnd();
  return [line(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
