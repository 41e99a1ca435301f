import { parser } from '@prometheus-io/lezer-promql';

export interface PromqlUse {
  /** Metric names selected (Identifier of each VectorSelector). */
  metrics: string[];
  /** Label names used in matchers, by/without groupings and on/ignoring clauses. */
  labels: string[];
  /** Set when the expression does not parse: the offset of the first error. */
  errorAt?: number;
}

// Grafana's own macros and variables are not PromQL; they are replaced before the query runs.
const GRAFANA_VARIABLES = /\$__(rate_interval|interval|range)|\$\{?[A-Za-z_]\w*\}?/g;

/** Parses an expression with the official PromQL grammar and lists the metrics and labels it relies on. */
export function analysePromql(expr: string): PromqlUse {
  const text = expr.replace(GRAFANA_VARIABLES, (m) => (m.startsWith('$__') ? '5m' : 'x'.repeat(m.length)));
  const tree = parser.parse(text);
  const metrics = new Set<string>();
  const labels = new Set<string>();
  let errorAt: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError && errorAt === undefined) errorAt = node.from;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.add(text.slice(node.from, node.to));
      if (node.name === 'LabelName') {
        const name = text.slice(node.from, node.to);
        if (name === '__name__') return;
        labels.add(name);
      }
    },
  });
  return { metrics: [...metrics], labels: [...labels], errorAt };
}
