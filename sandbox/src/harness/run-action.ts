import { ChildProcess, spawn } from 'node:child_process';
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
  /**
   * The log as the runner shows it: without the ::add-mask:: commands, and every value registered
   * with one (from its registration on) replaced by ***, as the runner masks secrets in the log.
   */
  shown: string;
  /** ::error:: annotations, unescaped as the runner shows them (multi-line messages included). */
  errors: string[];
  /** ::warning:: annotations, unescaped likewise. */
  warnings: string[];
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
  /** The main step was killed (killRunningSteps) rather than exiting. */
  killed: boolean;
  /** The post step (action.yml runs.post), run after the main step when post-if holds, as the runner does. */
  post?: StepRun;
}

export interface StepRun {
  code: number;
  log: string;
  masked: string[];
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

/** Main steps running now: what killRunningSteps() kills. */
const runningMainSteps = new Set<ChildProcess>();

/**
 * Kills every main step that is running, with SIGKILL (no handler runs, no finally block, no
 * cleanup), as a lost runner or a cancellation past its grace period would; their post steps still
 * run, as the runner runs post steps of a cancelled job. Returns how many were killed.
 */
export function killRunningSteps(): number {
  const n = runningMainSteps.size;
  for (const child of runningMainSteps) child.kill('SIGKILL');
  return n;
}

/**
 * Runs dist/index.js exactly as the runner does: a fresh process with INPUT_* variables, a
 * GITHUB_OUTPUT file, a GITHUB_STEP_SUMMARY file and the event payload on disk. Nothing of the
 * test process's environment leaks in except PATH, so no developer credentials are picked up.
 */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-amp-action-run-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json'), state: join(dir, 'state') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.state, '');
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
    // core.saveState writes here; the runner hands what was saved to the post step as STATE_<name>.
    GITHUB_STATE: files.state,
    // The checkout: empty unless a test points GITHUB_WORKSPACE at files of its own.
    GITHUB_WORKSPACE: workspace,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
  // The runner sets every input that has a default, whether or not the workflow passes it.
  for (const [name, value] of Object.entries({ ...actionDefaults(opts.githubToken ?? ''), ...opts.inputs })) env[`INPUT_${name.toUpperCase()}`] = value;

  const { signal, ...main } = await runStep(env, opts.onOutput, true);
  const result: ActionRun = {
    ...main,
    shown: asShown(main.log),
    errors: [...main.log.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => unescapeCommand(m[1])),
    warnings: [...main.log.matchAll(/^::warning(?: [^:]*)?::(.*)$/gm)].map((m) => unescapeCommand(m[1])),
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    killed: signal !== null,
  };

  const { post, postIf } = actionRuns();
  if (post && postHolds(postIf, main.code === 0)) {
    // A step of its own: fresh command files, and the main step's saved state as STATE_* variables.
    const postEnv: Record<string, string> = { ...env, GITHUB_OUTPUT: join(dir, 'post-output'), GITHUB_STEP_SUMMARY: join(dir, 'post-summary'), GITHUB_STATE: join(dir, 'post-state') };
    for (const file of [postEnv.GITHUB_OUTPUT, postEnv.GITHUB_STEP_SUMMARY, postEnv.GITHUB_STATE]) writeFileSync(file, '');
    for (const [name, value] of Object.entries(parseOutputFile(readFileSync(files.state, 'utf8')))) postEnv[`STATE_${name}`] = value;
    const step = await runStep(postEnv, opts.onOutput, false);
    result.post = { code: step.code, log: step.log, masked: step.masked, durationMs: step.durationMs };
  }
  return result;
}

async function runStep(env: Record<string, string>, onOutput: ((chunk: string) => void) | undefined, killable: boolean): Promise<StepRun & { signal: NodeJS.Signals | null }> {
  const started = Date.now();
  // The runner runs the action on its own Node (action.yml: node24); SANDBOX_ACTION_NODE names one
  // when the harness's Node is another (the demo sets it). Default: this process's Node.
  const child = spawn(process.env.SANDBOX_ACTION_NODE || process.execPath, [DIST], { env, cwd: env.GITHUB_WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] });
  if (killable) runningMainSteps.add(child);
  let log = '';
  const collect = (d: Buffer) => {
    log += d;
    onOutput?.(d.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code, signal] = await new Promise<[number, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c ?? -1, s])));
  runningMainSteps.delete(child);
  return { code, log, signal, masked: [...log.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]), durationMs: Date.now() - started };
}

/** The runner masks a registered value in every line printed after its ::add-mask:: command. */
function asShown(log: string): string {
  const masks: string[] = [];
  return log.split('\n').flatMap((line) => {
    const registered = /^::add-mask::(.*)$/.exec(line);
    if (registered) {
      if (registered[1]) masks.push(registered[1]);
      masks.sort((a, b) => b.length - a.length);
      return [];
    }
    return [masks.reduce((text, secret) => text.split(secret).join('***'), line)];
  }).join('\n');
}

/** action.yml's runs.post and runs.post-if (which defaults to always(), as in the runner). */
function actionRuns(): { post?: string; postIf: string } {
  const action = parse(readFileSync(join(dirname(DIST), '..', 'action.yml'), 'utf8')) as { runs?: { post?: string; 'post-if'?: string } };
  return { post: action.runs?.post, postIf: String(action.runs?.['post-if'] ?? 'always()') };
}

/** The status functions a post-if uses; anything else is a harness gap, not a guess. */
function postHolds(condition: string, succeeded: boolean): boolean {
  const c = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  if (c === 'always()') return true;
  if (c === 'success()') return succeeded;
  if (c === 'failure()') return !succeeded;
  throw new Error(`sandbox harness: post-if '${condition}' is not modelled`);
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
