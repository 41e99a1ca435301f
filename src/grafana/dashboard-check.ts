import { analysePromql } from './promql';

export interface DashboardVocabulary {
  metrics: readonly string[];
  labels: readonly string[];
}

interface Panel {
  id?: number;
  title?: string;
  panels?: Panel[];
  targets?: { expr?: string; refId?: string }[];
}

/**
 * What is wrong with a dashboard, each problem naming the panel: no title, an expression that does
 * not parse, or a metric or label the collector never produces. The last is the bug that left the
 * original workshop's dashboard empty: queries for names the pipeline no longer emitted.
 */
export function checkDashboard(file: string, dashboard: unknown, vocabulary?: DashboardVocabulary): string[] {
  const problems: string[] = [];
  const d = dashboard as { title?: unknown; panels?: Panel[] };
  if (!d || typeof d !== 'object' || typeof d.title !== 'string' || !d.title.trim()) problems.push(`${file}: the dashboard has no title`);
  for (const panel of flatten(d?.panels ?? [])) {
    const where = `${file}: panel ${panel.id ?? '?'} '${panel.title ?? ''}'`;
    for (const target of panel.targets ?? []) {
      if (!target.expr) continue;
      const use = analysePromql(target.expr);
      if (use.errorAt !== undefined) {
        problems.push(`${where}, query ${target.refId ?? '?'}: PromQL does not parse at character ${use.errorAt + 1}: ${target.expr}`);
        continue;
      }
      if (!vocabulary) continue;
      for (const m of use.metrics) if (!vocabulary.metrics.includes(m)) problems.push(`${where}: metric '${m}' is not produced by the collector configuration`);
      for (const l of use.labels) if (!vocabulary.labels.includes(l)) problems.push(`${where}: label '${l}' is not produced by the collector configuration`);
    }
  }
  return problems;
}

function flatten(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
}
