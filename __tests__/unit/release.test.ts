import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changelogSection, planRelease, tagRelease } from '../../scripts/release';

const CHANGELOG = (versions: string[]) => ['# Changelog', '', '## [Unreleased]', '',
  ...versions.flatMap((v) => [`## [${v}] - 2026-12-01`, '', `### Fixed`, `- something in ${v}`, '']),
  '[Unreleased]: https://example.invalid/compare'].join('\n');

let root: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function commitVersion(version: string, changelogVersions: string[]): void {
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ecs-amp-action', version }));
  writeFileSync(join(root, 'src', 'version.ts'), `export const ACTION_VERSION = '${version}';\n`);
  writeFileSync(join(root, 'CHANGELOG.md'), CHANGELOG(changelogVersions));
  git('add', '-A');
  git('commit', '-qm', `release ${version}`);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'release-'));
  mkdirSync(join(root, 'src'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'test');
  git('config', 'user.email', 'test@example.invalid');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the release script', () => {
  it('tags vX.Y.Z and moves vX with each release of the major', () => {
    commitVersion('1.0.0', ['1.0.0']);
    const first = planRelease(root, '1.0.0');
    expect(first).toMatchObject({ tag: 'v1.0.0', majorTag: 'v1', notes: '### Fixed\n- something in 1.0.0' });
    tagRelease(root, first);
    const c1 = git('rev-parse', 'HEAD');
    expect(git('rev-parse', 'v1.0.0^{commit}')).toBe(c1);
    expect(git('rev-parse', 'v1^{commit}')).toBe(c1);

    commitVersion('1.0.1', ['1.0.1', '1.0.0']);
    tagRelease(root, planRelease(root, '1.0.1'));
    const c2 = git('rev-parse', 'HEAD');
    expect(git('rev-parse', 'v1^{commit}')).toBe(c2);
    expect(git('rev-parse', 'v1.0.0^{commit}')).toBe(c1);
  });

  it('never moves a released version', () => {
    commitVersion('1.0.0', ['1.0.0']);
    tagRelease(root, planRelease(root, '1.0.0'));
    expect(() => tagRelease(root, planRelease(root, '1.0.0'))).toThrow(/exists already/);
  });

  it('refuses a version the files do not name, saying each fix', () => {
    commitVersion('0.1.0', []);
    expect(() => planRelease(root, '1.0.0')).toThrow(/package\.json says 0\.1\.0[\s\S]*src\/version\.ts[\s\S]*CHANGELOG\.md has no/);
    expect(() => planRelease(root, 'v1')).toThrow(/not a version/);
    expect(() => planRelease(root, '01.0.0')).toThrow(/not a version/);
  });

  it('dry run through the built script: tags locally and prints the push it would make', () => {
    commitVersion('1.0.0', ['1.0.0']);
    const out = execFileSync('node', [join(__dirname, '..', '..', 'build', 'scripts', 'release.js'), '--version', 'v1.0.0', '--dry-run', '--notes-file', join(root, '..', `${root.split('/').pop()}-notes.md`)], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/^Dry run: tagged v1\.0\.0 and moved v1 to [0-9a-f]{40} locally; would run: git push origin refs\/tags\/v1\.0\.0 \+refs\/tags\/v1/);
    expect(git('tag', '--list')).toBe('v1\nv1.0.0');
    rmSync(join(root, '..', `${root.split('/').pop()}-notes.md`), { force: true });
  });

  it('reads one version\'s section of the changelog', () => {
    expect(changelogSection(CHANGELOG(['1.1.0', '1.0.0']), '1.0.0')).toBe('### Fixed\n- something in 1.0.0');
    expect(changelogSection(CHANGELOG(['1.0.0']), '2.0.0')).toBeUndefined();
  });
});
