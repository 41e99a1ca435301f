import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetDir } from '../../src/assets';
import { loadDashboards, MAX_DASHBOARD_FILE_BYTES, MAX_DASHBOARDS_TOTAL_BYTES } from '../../src/grafana/dashboard-files';
import { jsonProblem, lineColumn, locate } from '../../src/grafana/json-position';
import { ActionError } from '../../src/util/errors';

const BUNDLED = assetDir('dashboards');
const dashboard = (title: string) => JSON.stringify({ title, uid: title.toLowerCase(), panels: [] });

/** A checkout in `root/ws`, with `root/outside` beside it for what links may point at. */
function layout(): { ws: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'dash-files-'));
  const ws = join(root, 'ws');
  const outside = join(root, 'outside');
  mkdirSync(join(ws, 'dash'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.json'), '{"title": "SECRET-CONTENT", ');
  writeFileSync(join(outside, 'fine.json'), dashboard('Outside'));
  return { ws, outside };
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ActionError);
    return (err as ActionError).message;
  }
  throw new Error('expected a failure');
}

describe('dashboards-path containment', () => {
  it('refuses a folder or file whose real path leaves the workspace, and a file linked out of a folder', () => {
    const { ws, outside } = layout();
    symlinkSync(outside, join(ws, 'linked-dir'));
    symlinkSync(join(outside, 'fine.json'), join(ws, 'linked-file.json'));
    symlinkSync(join(outside, 'secret.json'), join(ws, 'dash', 'secret.json'));
    writeFileSync(join(ws, 'dash', 'app.json'), dashboard('App'));

    expect(failure(() => loadDashboards(BUNDLED, ws, 'linked-dir'))).toMatch(/'linked-dir' leads outside the workspace/);
    expect(failure(() => loadDashboards(BUNDLED, ws, 'linked-file.json'))).toMatch(/'linked-file\.json' leads outside the workspace/);
    expect(failure(() => loadDashboards(BUNDLED, ws, '../outside'))).toMatch(/leads outside the workspace/);
    const inFolder = failure(() => loadDashboards(BUNDLED, ws, 'dash'));
    expect(inFolder).toContain('dash/secret.json: a symbolic link to a file outside the workspace; refused');
    expect(inFolder).not.toContain('SECRET-CONTENT');
  });

  it('follows links that stay inside the workspace', () => {
    const { ws } = layout();
    writeFileSync(join(ws, 'dash', 'app.json'), dashboard('App'));
    symlinkSync(join(ws, 'dash'), join(ws, 'alias'));
    symlinkSync(join(ws, 'dash', 'app.json'), join(ws, 'app-link.json'));
    expect(loadDashboards(BUNDLED, ws, 'alias').map((f) => f.file)).toEqual(['dashboards/ecs-task-monitoring.json', 'alias/app.json']);
    expect(loadDashboards(BUNDLED, ws, 'app-link.json').map((f) => f.file)).toEqual(['dashboards/ecs-task-monitoring.json', 'app-link.json']);
  });
});

describe('dashboards-path size caps', () => {
  it('refuses a file over Grafana\'s 16 MiB without reading it, and a set over the total', () => {
    const { ws } = layout();
    writeFileSync(join(ws, 'dash', 'big.json'), '');
    truncateSync(join(ws, 'dash', 'big.json'), MAX_DASHBOARD_FILE_BYTES + 1); // sparse: no 16 MiB written
    expect(failure(() => loadDashboards(BUNDLED, ws, 'dash'))).toMatch(/dash\/big\.json: 16\.0 MiB is over the 16\.0 MiB a Grafana dashboard can hold; not read/);

    const { ws: many } = layout();
    const count = Math.ceil(MAX_DASHBOARDS_TOTAL_BYTES / MAX_DASHBOARD_FILE_BYTES) + 1;
    for (let i = 0; i < count; i++) {
      writeFileSync(join(many, 'dash', `f${i}.json`), '');
      truncateSync(join(many, 'dash', `f${i}.json`), MAX_DASHBOARD_FILE_BYTES - 1024);
    }
    expect(failure(() => loadDashboards(BUNDLED, many, 'dash'))).toMatch(/with it the dashboards would exceed 32\.0 MiB in all; not read/);
  });
});

describe('JSON errors by position', () => {
  it('names line and column and never the content', () => {
    const { ws } = layout();
    writeFileSync(join(ws, 'dash', 'bad.json'), '{\n  "title": "TOP-SECRET",\n  "panels": [1, 2,]\n}');
    const message = failure(() => loadDashboards(BUNDLED, ws, 'dash'));
    expect(message).toContain('dash/bad.json: not valid JSON at line 3, column 19: a value (object, array, string, number, true, false or null)');
    expect(message).not.toContain('TOP-SECRET');
  });

  it.each([
    ['{"a": 1', 1, 8, "',' or '}' (the file ends early)"],
    ['{"a" 1}', 1, 6, "':' after the property name"],
    ["{'a': 1}", 1, 2, 'a property name in double quotes'],
    ['[1, 2] x', 1, 8, 'the end of the file after the top-level value'],
    ['"abc', 1, 5, 'a closing quote (the string is not terminated)'],
    ['{"a": tru}', 1, 10, "'true'"],
    ['{"a": 01}', 1, 8, "',' or '}'"],
    ['{"a": "\\x"}', 1, 9, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
    ['', 1, 1, 'a value (the file ends early)'],
  ])('%j', (text, line, column, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = locate(text)!;
    expect({ ...lineColumn(text, found.offset), expected: found.expected }).toEqual({ line, column, expected });
  });

  it('agrees with JSON.parse on valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]}', ' 0 ', '"\\ud83d\\ude00"']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locate(text)).toBeUndefined();
    }
    expect(jsonProblem('{"a":')).toBe('not valid JSON at line 1, column 6: a value (the file ends early)');
  });
});
