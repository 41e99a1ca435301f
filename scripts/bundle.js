#!/usr/bin/env node
// `npm run bundle`: dist/ as the runner executes it, built by ncc from src/index.ts, and
// dist/licenses.txt, the notices of every package inside it.
// - dist/ is emptied first: each lazily loaded part (a mode, an AWS SDK client) is a chunk file
//   whose name is a module id, and a chunk of an older build must not linger beside the new ones.
// - The notices come from the bundle's webpack stats, not from ncc's --license: that option misses
//   every ES module webpack concatenates (scope hoisting), which since @actions/core 3 and the
//   SDK's ES builds is most of the bundle (it listed 26 of the 51 packages).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STATS = path.join(ROOT, 'build', 'ncc-stats.json');
const NCC_ARGS = ['build', 'src/index.ts', '-o', 'dist', '--target', 'es2022', '--stats-out', STATS];

/** The package directories the bundle holds code of, from every module and concatenated part. */
function bundledPackages(stats) {
  const dirs = new Set();
  const walk = (modules) => {
    for (const m of modules ?? []) {
      // The last loader-free path of the identifier is the module's file.
      const file = (m.identifier ?? m.name ?? '').split('!').pop().split('|')[0];
      const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
      if (match && !match[1].endsWith('/node_modules/@vercel/ncc')) dirs.add(match[1]);
      walk(m.modules);
    }
  };
  walk(stats.modules);
  for (const chunk of stats.chunks ?? []) walk(chunk.modules);
  return [...dirs];
}

function licenseText(dir) {
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  // Some packages ship CRLF notices; the repository stores text as LF (.gitattributes).
  return file ? fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trim() : undefined;
}

function notices(dirs) {
  const entries = dirs.map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN', text: licenseText(dir) };
  });
  const seen = new Set();
  return entries
    .filter((e) => !seen.has(`${e.name}@${e.version}`) && seen.add(`${e.name}@${e.version}`))
    .sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1))
    .map((e) => [`${e.name}@${e.version}`, e.license, e.text ?? `(no license file in the package; package.json says ${e.license})`].join('\n'))
    .join('\n\n') + '\n';
}

function main() {
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(STATS), { recursive: true });
  execFileSync(process.execPath, [require.resolve('@vercel/ncc/dist/ncc/cli.js'), ...NCC_ARGS], { cwd: ROOT, stdio: 'inherit' });
  const stats = JSON.parse(fs.readFileSync(STATS, 'utf8'));
  fs.writeFileSync(path.join(DIST, 'licenses.txt'), notices(bundledPackages(stats)));
}

main();
