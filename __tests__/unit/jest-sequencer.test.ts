import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SEQUENCER = join(__dirname, '..', '..', 'scripts', 'jest-sequencer.js');

/**
 * The order scripts/jest-sequencer.js gives these files on a fresh clone: Jest's own sorting code runs (no timings,
 * as without a cache), in a Node of its own because the sequencer is the CommonJS module Jest loads.
 */
function order(files: { path: string; project: string; size: number }[]): string[] {
  const script = `
    const Sequencer = require(${JSON.stringify(SEQUENCER)});
    const files = ${JSON.stringify(files)};
    const tests = files.map((f) => ({
      path: f.path,
      context: { config: { cache: false, id: f.project, displayName: { name: f.project } }, hasteFS: { getSize: () => f.size } },
    }));
    process.stdout.write(JSON.stringify(new Sequencer({ contexts: [], globalConfig: {} }).sort(tests).map((t) => t.path)));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe('the test sequencer', () => {
  it('runs untimed end-to-end files first, then the sandbox and unit ones, each project biggest first', () => {
    expect(order([
      { path: 'unit/big.test.ts', project: 'unit', size: 20_000 },
      { path: 'e2e/permission-removal-destroy.test.ts', project: 'e2e', size: 90 },
      { path: 'sandbox/cfn.test.ts', project: 'sandbox', size: 8_000 },
      { path: 'e2e/deploy.test.ts', project: 'e2e', size: 9_000 },
      { path: 'unit/small.test.ts', project: 'unit', size: 100 },
    ])).toEqual([
      'e2e/deploy.test.ts',
      'e2e/permission-removal-destroy.test.ts',
      'sandbox/cfn.test.ts',
      'unit/big.test.ts',
      'unit/small.test.ts',
    ]);
  });
});
