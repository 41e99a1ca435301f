import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../core/project-root';

/** The committed bundle, found from this file both as TypeScript (sandbox/src/harness) and compiled (build/sandbox/src/harness). */
export const DIST = join(projectRoot(__dirname), 'dist', 'index.js');

export interface ActionRun {
  code: number;
  /** stdout and stderr interleaved, raw: workflow commands (::add-mask::, ::group::) included. */
  log: string;
  /** Values the action registered as secrets with ::add-mask::. */
  masked: string[];
  /** ::error:: annotations, unescaped as the runner shows them (multi-line messages included). */
  errors: string[];
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** What `${{ github.token }}` evaluates to in action.yml defaults. */
  githubToken?: string;
  /** Runner variables (GITHUB_*, ACTIONS_ID_TOKEN_REQUEST_*, AWS_*). */
  env: Record<string, string | undefined>;
  /** The event payload written to GITHUB_EVENT_PATH. */
  event?: unknown;
  /** Called with each chunk of output as it arrives (the demo streams the log). */
  onOutput?: (chunk: string) => void;
}

/**
 * Runs dist/index.js exactly as the runner does: a fresh process with INPUT_* variables, a
 * GITHUB_OUTPUT file, a GITHUB_STEP_SUMMARY file and the event payload on disk. Nothing of the
 * test process's environment leaks in except PATH, so no developer credentials are picked up.
 */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-amp-action-run-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(opts.event ?? {}));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    // The checkout: empty unless a test points GITHUB_WORKSPACE at files of its own.
    GITHUB_WORKSPACE: workspace,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
  // The runner sets every input that has a default, whether or not the workflow passes it.
  for (const [name, value] of Object.entries({ ...actionDefaults(opts.githubToken ?? ''), ...opts.inputs })) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = Date.now();
  const child = spawn(process.execPath, [DIST], { env, cwd: env.GITHUB_WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (d: Buffer) => {
    log += d;
    opts.onOutput?.(d.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    log,
    masked: [...log.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]),
    errors: [...log.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => unescapeCommand(m[1])),
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    durationMs: Date.now() - started,
  };
}

/** action.yml's input defaults, with the one expression it uses evaluated as the runner would. */
export function actionDefaults(githubToken: string): Record<string, string> {
  const action = parse(readFileSync(join(dirname(DIST), '..', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) defaults[name] = String(input.default).replace('${{ github.token }}', githubToken);
  }
  return defaults;
}

/** Workflow command data escapes %, CR and LF. */
function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Parses the runner's `name<<DELIMITER … DELIMITER` output file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      outputs[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return outputs;
}
