#!/usr/bin/env node
// The test runner behind `npm test`, `npm run test:unit|test:sandbox|test:e2e` and
// `npm run test:focus -- <paths>`: it builds only what the selected tests use, then runs Jest.
//   node scripts/test.js [--project unit|sandbox|e2e]... [jest arguments and test paths...]
// - dist/ (ncc, ~13 s idle): for the sandbox and e2e projects, and for a focused run of any file
//   outside __tests__/unit; only when stale (scripts/bundle-if-stale.js: a hash of src/,
//   package-lock.json and the ncc flags).
// - build/ (tsc of sandbox/ and scripts/): always, incrementally (about 1.5 s when nothing changed);
//   the unit tests run build/scripts/release.js, the e2e tests build/scripts/run-mode.js.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const PROJECTS = ['unit', 'sandbox', 'e2e'];
const BUILD_INFO = path.join(ROOT, 'build', '.sandbox.tsbuildinfo');

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * package.json's engines (Node 22.13+ or 24) is what the tests run on. Node 20 left maintenance in
 * April 2026 and the AWS SDK's releases after the first week of January 2027 need Node 22, so on an
 * older Node the tests run on the Node 24 that .ci/node24 installs into build/ (the action's own
 * runtime, action.yml `using: node24`) rather than on a Node nobody supports.
 */
function supportedNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major >= 24 || (major === 22 && minor >= 13) || major === 23) return undefined;
  const bin = spawnSync('bash', [path.join(ROOT, '.ci', 'node24')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (bin.status !== 0) throw new Error(`Node ${process.versions.node} is older than package.json's engines and .ci/node24 could not install Node 24.`);
  return path.join(bin.stdout.trim(), 'node');
}

function main() {
  const node = supportedNode();
  if (node) {
    console.error(`Node ${process.versions.node} is below package.json's engines: running the tests on ${node}.`);
    const r = spawnSync(node, [process.argv[1], ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` } });
    process.exit(r.status ?? 1);
  }
  const argv = process.argv.slice(2);
  const projects = [];
  const jestArgs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') {
      if (!PROJECTS.includes(argv[i + 1])) throw new Error(`--project takes one of ${PROJECTS.join(', ')}`);
      projects.push(argv[++i]);
    } else jestArgs.push(argv[i]);
  }
  // Arguments that are not options (or option values) are test path patterns.
  const VALUED = new Set(['--outputFile', '-t', '--testNamePattern', '--selectProjects', '--maxWorkers', '-w', '--reporters', '--testTimeout', '--seed', '--shard']);
  const patterns = jestArgs.filter((a, i) => !a.startsWith('-') && !VALUED.has(jestArgs[i - 1] ?? ''));
  const onlyUnit = projects.length > 0
    ? projects.every((p) => p === 'unit')
    : patterns.length > 0 && patterns.every((p) => /(^|\/)__tests__\/unit(\/|$)|^unit\//.test(p.replace(/\\/g, '/')));
  if (!onlyUnit) run(process.execPath, [path.join(__dirname, 'bundle-if-stale.js')]);

  // tsc --incremental trusts its build info even when the files it emitted are gone: without them, build afresh.
  if (!fs.existsSync(path.join(ROOT, 'build', 'scripts', 'run-mode.js')) || !fs.existsSync(path.join(ROOT, 'build', 'sandbox', 'src', 'cli.js'))) {
    fs.rmSync(BUILD_INFO, { force: true });
  }
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.sandbox.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO]);

  const select = projects.length > 0 ? ['--selectProjects', ...projects] : [];
  run(process.execPath, [require.resolve('jest/bin/jest'), ...select, ...jestArgs]);
}

try {
  main();
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
