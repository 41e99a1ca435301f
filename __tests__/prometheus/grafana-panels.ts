// What Grafana does with a dashboard's Prometheus targets before and after the query: the expression with its
// macros and template variables replaced, and the number shown with the panel's unit and the legend.
// Grafana's rules (public/app/plugins/datasource/prometheus and packages/grafana-data valueFormats), read, not copied:
// - $__interval is the time range divided by the panel's max data points, never below the data source's scrape
//   interval (the "Min interval"; Grafana's default for Prometheus is 15s, the collector's scrape interval too);
// - $__rate_interval is max($__interval + scrape interval, 4 × scrape interval);
// - $__range is the dashboard's time range; a template variable is its current value (`.*` for All in a regex).
// - units (packages/grafana-data valueFormats categories.ts): `percent` appends %, `mbytes` is mebibytes (IEC,
//   ×1024 steps: 1024 MiB is 1 GiB; `decmbytes` would be SI megabytes), `bytes` IEC from B, `Bps` SI bytes per second
//   (B/s, kB/s), `s` seconds (ms below one), `cps` counts per second (K, M above 1000), `none` the number.

export interface Target {
  panelId: number;
  panelTitle: string;
  panelType: string;
  unit: string;
  refId: string;
  expr: string;
  legendFormat?: string;
}

interface PanelJson {
  id: number;
  title: string;
  type: string;
  panels?: PanelJson[];
  fieldConfig?: { defaults?: { unit?: string } };
  targets?: { refId: string; expr?: string; legendFormat?: string }[];
}

interface DashboardJson {
  time?: { from: string; to: string };
  panels: PanelJson[];
  templating?: { list: { name: string; includeAll?: boolean; current?: { value?: string | string[] } }[] };
}

export const SCRAPE_INTERVAL_SECONDS = 15;
/** A half-width panel on a 1920 px screen has about this many pixels, Grafana's max data points. */
const MAX_DATA_POINTS = 900;
const NICE_INTERVALS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600];

/** Every query target of every panel (rows' collapsed panels included), expression substituted as Grafana would. */
export function dashboardTargets(dashboard: DashboardJson): Target[] {
  const rangeSeconds = parseRelative(dashboard.time?.from ?? 'now-6h') - parseRelative(dashboard.time?.to ?? 'now');
  const raw = rangeSeconds / MAX_DATA_POINTS;
  const interval = Math.max(SCRAPE_INTERVAL_SECONDS, NICE_INTERVALS.find((n) => n >= raw) ?? raw);
  const rateInterval = Math.max(interval + SCRAPE_INTERVAL_SECONDS, 4 * SCRAPE_INTERVAL_SECONDS);
  const vars: Record<string, string> = {
    __interval: duration(interval), __interval_ms: String(interval * 1000), __rate_interval: duration(rateInterval),
    __range: duration(rangeSeconds), __range_s: String(rangeSeconds), __range_ms: String(rangeSeconds * 1000),
  };
  for (const v of dashboard.templating?.list ?? []) {
    const current = v.current?.value;
    vars[v.name] = current === '$__all' || (Array.isArray(current) && current.includes('$__all')) ? '.*'
      : Array.isArray(current) ? current.join('|') : current ?? '';
  }
  const out: Target[] = [];
  const visit = (panels: PanelJson[]) => {
    for (const p of panels) {
      for (const t of p.targets ?? []) {
        if (!t.expr) continue;
        out.push({
          panelId: p.id, panelTitle: p.title, panelType: p.type, unit: p.fieldConfig?.defaults?.unit ?? 'none',
          refId: t.refId, expr: substitute(t.expr, vars, `panel ${p.id} '${p.title}' ${t.refId}`), legendFormat: t.legendFormat,
        });
      }
      visit(p.panels ?? []);
    }
  };
  visit(dashboard.panels);
  return out;
}

function substitute(expr: string, vars: Record<string, string>, where: string): string {
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)/g, (m, a, b, c) => {
    const name = a ?? b ?? c;
    if (!(name in vars)) throw new Error(`${where}: ${m} is neither a Grafana macro nor a template variable of the dashboard`);
    return vars[name];
  });
}

function parseRelative(text: string): number {
  const m = /^now(?:-(\d+)([smhdw]))?$/.exec(text);
  if (!m) throw new Error(`time ${text} is not modelled`);
  return m[1] ? Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as 's']! : 0;
}

function duration(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The legend Grafana shows for a series: legendFormat with {{label}} replaced, else the series' labels. */
export function legend(target: Target, labels: Record<string, string>): string {
  if (target.legendFormat) return target.legendFormat.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => labels[k] ?? '');
  const keys = Object.keys(labels).filter((k) => k !== '__name__');
  return keys.length === 0 ? target.expr : `{${keys.map((k) => `${k}="${labels[k]}"`).join(', ')}}`;
}

/** The number as the panel shows it with its unit (Grafana's automatic decimals). */
export function render(unit: string, value: number): string {
  switch (unit) {
    case 'percent': return `${fixed(value)}%`;
    case 'percentunit': return `${fixed(value * 100)}%`;
    case 'none': case 'short': return fixed(value);
    case 'bytes': return scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
    case 'kbytes': return scaled(value, 1024, ['KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
    case 'mbytes': return scaled(value, 1024, ['MiB', 'GiB', 'TiB', 'PiB']);
    case 'Bps': return scaled(value, 1000, ['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s']);
    case 'binBps': return scaled(value, 1024, ['B/s', 'KiB/s', 'MiB/s', 'GiB/s', 'TiB/s']);
    case 'cps': return `${scaled(value, 1000, ['', 'K', 'M', 'B', 'T']).trimEnd()} c/s`;
    case 's': return Math.abs(value) < 1 && value !== 0 ? `${fixed(value * 1000)} ms` : `${fixed(value)} s`;
    default: throw new Error(`unit ${unit} is not modelled: add it to render() from Grafana's valueFormats`);
  }
}

function scaled(value: number, step: number, units: string[]): string {
  let i = 0;
  while (Math.abs(value) >= step && i < units.length - 1) {
    value /= step;
    i++;
  }
  return `${fixed(value)} ${units[i]}`;
}

/**
 * Grafana's automatic decimals (valueFormats toFixed with no decimals set): none for a whole number, else two more
 * than the value's order of magnitude below one (0.25 → 3 → "0.250"), rounded, then padded with zeros.
 */
function fixed(value: number): string {
  if (value === 0) return '0';
  const decimals = Number.isInteger(value) ? 0 : Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  const factor = 10 ** decimals;
  const text = String(Math.round(value * factor) / factor);
  if (decimals === 0 || text.includes('e')) return text;
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(decimals, '0')}`;
}
