/**
 * Three projects, so a change can be tested at the speed it needs:
 *   npm run test:unit                       pure modules, seconds
 *   npm run test:sandbox                    the sandbox against the real AWS SDK
 *   npm run test:e2e                        dist/index.js against the sandbox (bundles first if stale)
 *   npm run test:focus -- <path or name>    one file or a few, with only the builds they need
 * `npm test` runs them all, as CI does.
 * @type {import('jest').Config}
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The installed packages that are ES modules ("type": "module": @actions/core 3, @actions/github 9,
 * octokit and their helpers), found rather than listed, so a dependency update that turns a package
 * into ESM needs no edit here. Only top-level installs are scanned: nested copies are older majors.
 */
function esmPackages(root = join(__dirname, 'node_modules')) {
  const names = readdirSync(root).flatMap((d) => (d.startsWith('@') ? readdirSync(join(root, d)).map((n) => `${d}/${n}`) : [d]));
  return names.filter((name) => {
    const manifest = join(root, name, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
  });
}
const ESM_ONLY = esmPackages().map((n) => n.replace(/[.]/g, '\\.'));

const shared = {
  testEnvironment: 'node',
  resolver: '<rootDir>/scripts/jest-esm-resolver.js',
  // The ESM-only packages (see the resolver) are compiled to CommonJS like the sources; everything
  // else in node_modules is loaded as it is.
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};

module.exports = {
  // End-to-end tests spawn dist/index.js and wait on sandbox state machines.
  testTimeout: 60000,
  // Jest's default is one worker less than the cores: one on a 2-core machine. The end-to-end files spend most of
  // their time waiting (sandbox resources that take their configured latency, the action's polls on AWS's schedule
  // of one describe call per 2 s, src/util/poll.ts): measured on 2 cores, one file keeps about a third of a core
  // busy, so three files side by side finish in about a third of the time without crowding the CPU. Each file is
  // isolated: its own sandbox on ports the kernel picks, its own temporary directories, its own Prometheus servers.
  // The whole run with the 2 s poll floor: 538–573 s on three workers (one worker, before that floor: 994 s).
  // --maxWorkers overrides it (npm test -- --maxWorkers=1 for the old one-at-a-time run).
  maxWorkers: 3,
  // Untimed files (a fresh clone) run the end-to-end project first: scripts/jest-sequencer.js.
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  projects: ['unit', 'sandbox', 'e2e'].map((name) => ({
    ...shared,
    displayName: name,
    roots: [`<rootDir>/__tests__/${name}`],
    testMatch: ['**/*.test.ts'],
  })),
};
