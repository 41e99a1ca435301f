import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clientEnvironment } from '../../sandbox/src/cli';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { parseRunArgs } from '../../scripts/run-mode';

// What the README tells a person to do: `npm run sandbox:serve`, paste its export lines, then
// `npm run -s sandbox:run -- <mode> …`. The script is run compiled, in its own process, with only
// the variables the CLI prints.
const RUN_MODE = join(__dirname, '..', '..', 'build', 'scripts', 'run-mode.js');

let sandbox: Sandbox;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({ repositories: ['acme/shop'], latencies: { ampCreate: 50, ampDelete: 50 } });
  env = clientEnvironment(sandbox, { repository: 'acme/shop', pullRequest: 3 });
});
afterAll(() => sandbox.close());

const byHand = (...args: string[]) => promisify(execFile)(process.execPath, [RUN_MODE, ...args], { env: { PATH: process.env.PATH ?? '', ...env } })
  .then(({ stdout }) => ({ code: 0, stdout }), (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: `${err.stdout}${err.stderr}` }));

describe('one mode by hand against sandbox:serve', () => {
  it('provisions with the preview role and destroys with the teardown role, as the example workflows would', async () => {
    const provision = await byHand('provision', 'grafana=false');
    expect(provision.code).toBe(0);
    const [ws] = sandbox.state().ampWorkspaces;
    expect(ws.tags).toMatchObject({ 'ecs-amp-action:environment': 'pr-3', 'ecs-amp-action:pr': '3' });
    expect(sandbox.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity').map((e) => e.status)).toEqual([200]);

    const destroy = await byHand('destroy', 'grafana=false');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/removed {16}\[\{"environment":"pr-3","kind":"amp-workspace","action":"delete","id":"ws-[^"]+","target":"AMP workspace ws-/);
    const sessions = sandbox.authorizations.filter((a) => a.action === 'aps:DeleteWorkspace' && a.allowed).map((a) => a.principal);
    expect(sessions).toEqual([expect.stringContaining('TeardownRole')]);
    expect(sandbox.state().ampWorkspaces.filter((w) => w.status !== 'DELETING')).toEqual([]);
  });

  it('says what is missing or wrong before running anything', async () => {
    const bare = await promisify(execFile)(process.execPath, [RUN_MODE, 'deploy'], { env: { PATH: process.env.PATH ?? '' } }).catch((e: { stderr: string }) => e);
    expect((bare as { stderr: string }).stderr).toMatch(/Missing AWS_ENDPOINT_URL.*npm run sandbox:serve/);
    expect(() => parseRunArgs(['explode'])).toThrow(/Usage/);
    expect(() => parseRunArgs(['deploy', 'app-image'])).toThrow(/input=value/);
    expect(parseRunArgs(['deploy', 'app-image=a:b=c'])).toEqual({ mode: 'deploy', inputs: { mode: 'deploy', 'app-image': 'a:b=c' } });
  });
});
