#!/usr/bin/env node
// `npm run bundle`, only when dist/ may not be what it would produce. The end-to-end tests run
// dist/index.js, so they need a fresh bundle; ncc takes 13 s on an idle 2-core machine (more when
// it is shared), which a developer re-running one test file should not pay for unchanged sources.
//
// dist/ is fresh when both hashes recorded in build/bundle-stamp.json by the last bundle still hold:
// - the inputs: every file under src/, package-lock.json (the bundled dependencies and ncc's own
//   version), tsconfig.json (ncc compiles with it), scripts/bundle.js and the bundle command line;
// - the outputs: the files under dist/ as that bundle wrote them (a `git checkout dist` or a
//   hand edit makes them differ, and the next run bundles again).
// Anything else bundles. `--force` always bundles. CI does not use this: .ci/run bundles and then
// checks dist/ against the committed one, as before.
'use strict';
const { createHash } = require('node:crypto');
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const STAMP = path.join(ROOT, 'build', 'bundle-stamp.json');

/** Files under `dir` (relative to ROOT), sorted, recursively. */
function filesUnder(dir) {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(rel) : e.isFile() ? [rel] : [];
  }).sort();
}

/** One hash over the names and contents of `files`, and `extra`. */
function hashOf(files, extra = '') {
  const h = createHash('sha256');
  h.update(extra);
  for (const f of files) {
    h.update(`\0${f}\0`);
    h.update(fs.readFileSync(path.join(ROOT, f)));
  }
  return h.digest('hex');
}

function bundleCommand() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.bundle;
}

const inputsHash = () => hashOf([...filesUnder('src'), 'package-lock.json', 'tsconfig.json', 'scripts/bundle.js'], bundleCommand());
const outputsHash = () => hashOf(filesUnder('dist'));

function main() {
  const force = process.argv.includes('--force');
  const inputs = inputsHash();
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    stamp = undefined;
  }
  if (!force && stamp && stamp.inputs === inputs && stamp.outputs === outputsHash()) {
    console.log('dist/ is up to date with src/, package-lock.json and the ncc flags (npm run bundle to rebuild anyway)');
    return;
  }
  const started = Date.now();
  execSync('npm run -s bundle', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  // The inputs as they were when the bundle started: a file saved meanwhile makes the next run bundle again.
  fs.writeFileSync(STAMP, `${JSON.stringify({ inputs, outputs: outputsHash(), bundledAt: new Date().toISOString() }, null, 1)}\n`);
  console.log(`bundled dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
