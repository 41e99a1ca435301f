/**
 * Three projects, so a change can be tested at the speed it needs:
 *   npm run test:unit                       pure modules, seconds
 *   npm run test:sandbox                    the sandbox against the real AWS SDK
 *   npm run test:e2e                        dist/index.js against the sandbox (bundles first if stale)
 *   npm run test:focus -- <path or name>    one file or a few, with only the builds they need
 * `npm test` runs them all, as CI does.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
};

module.exports = {
  // End-to-end tests spawn dist/index.js and wait on sandbox state machines.
  testTimeout: 60000,
  projects: ['unit', 'sandbox', 'e2e'].map((name) => ({
    ...shared,
    displayName: name,
    roots: [`<rootDir>/__tests__/${name}`],
    testMatch: ['**/*.test.ts'],
  })),
};
