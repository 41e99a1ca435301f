// The Prometheus text exposition format (0.0.4), parsed from its specification (prometheus.io/docs/instrumenting/
// exposition_formats, "Text format details"): `# HELP name text`, `# TYPE name counter|gauge|histogram|summary|untyped`,
// then samples `name{label="value",…} value [timestamp]`, label values escaping \\, \" and \n; values are Go floats
// (NaN, +Inf, -Inf). A sample belongs to the family of its TYPE line: histograms add _bucket/_sum/_count, summaries
// _sum/_count. A line that breaks the grammar fails the whole scrape, as Prometheus's parser does.

export interface Sample { name: string; labels: Record<string, string>; value: number; timestampMs?: number }
export interface Family { name: string; type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'; help?: string; samples: Sample[] }

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

export function parseExposition(text: string): Family[] {
  const families = new Map<string, Family>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: 'untyped', samples: [] }));
    return f;
  };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s+(.*))?$/.exec(line);
      if (!m) return;
      if (m[1] === 'TYPE') {
        const type = (m[3] ?? '').trim();
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(type)) throw new Error(`text format parsing error in line ${i + 1}: unknown metric type "${type}"`);
        family(m[2]).type = type as Family['type'];
      } else family(m[2]).help = m[3];
      return;
    }
    const sample = parseSample(line, i + 1);
    family(familyOf(sample.name, families)).samples.push(sample);
  });
  return [...families.values()].filter((f) => f.samples.length > 0);
}

function familyOf(name: string, families: Map<string, Family>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const f = families.get(base);
    if (f && (f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket'))) return base;
  }
  return name;
}

function parseSample(line: string, n: number): Sample {
  const fail = (what: string): never => { throw new Error(`text format parsing error in line ${n}: ${what}`); };
  const name = NAME.exec(line)?.[0] ?? fail(`invalid metric name in "${line}"`);
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) { rest = rest.slice(1); break; }
      const label = LABEL.exec(rest)?.[0] ?? fail('invalid label name');
      rest = rest.slice(label.length).trimStart();
      if (!rest.startsWith('="')) fail(`expected '="' after label name ${label}`);
      rest = rest.slice(2);
      let value = '';
      for (;;) {
        if (rest === '') fail('unterminated label value');
        const c = rest[0];
        if (c === '"') { rest = rest.slice(1); break; }
        if (c === '\\') {
          const e = rest[1];
          value += e === 'n' ? '\n' : e === '\\' ? '\\' : e === '"' ? '"' : fail(`invalid escape sequence \\${e}`);
          rest = rest.slice(2);
        } else { value += c; rest = rest.slice(1); }
      }
      if (label in labels) fail(`duplicate label name ${label}`);
      labels[label] = value;
      rest = rest.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) fail('expected "," or "}" after label value');
    }
  }
  const parts = rest.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 2 || parts[0] === '') fail(`expected a value in "${line}"`);
  const value = parseFloatGo(parts[0]) ?? fail(`expected float as value, got "${parts[0]}"`);
  const timestampMs = parts[1] === undefined ? undefined : /^-?\d+$/.test(parts[1]) ? Number(parts[1]) : fail(`expected integer as timestamp, got "${parts[1]}"`);
  return { name, labels, value, timestampMs };
}

function parseFloatGo(text: string): number | undefined {
  if (/^[+-]?inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
