// Cuts a release from the checked-out commit: checks that package.json, src/version.ts and CHANGELOG.md
// name the version, tags it `vX.Y.Z` and moves the major tag `vX` to it, then pushes both (the release
// workflow) or, with --dry-run, prints what it would push and leaves the tags local.
//   node build/scripts/release.js --version 1.0.0 [--dry-run] [--notes-file path]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export interface ReleasePlan {
  version: string;
  tag: string;
  majorTag: string;
  notes: string;
}

/** What a release of `version` from the checkout at `root` would do, or the problems that stop it. */
export function planRelease(root: string, version: string): ReleasePlan {
  const problems: string[] = [];
  if (!SEMVER.test(version)) throw new Error(`'${version}' is not a version: use MAJOR.MINOR.PATCH, e.g. 1.0.0.`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (pkg.version !== version) problems.push(`package.json says ${pkg.version}: set "version": "${version}" (and npm install to update the lock file).`);
  const versionTs = readFileSync(join(root, 'src', 'version.ts'), 'utf8');
  if (!versionTs.includes(`ACTION_VERSION = '${version}'`)) problems.push(`src/version.ts does not say ${version}: set ACTION_VERSION (the user agent carries it).`);
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (notes === undefined) problems.push(`CHANGELOG.md has no "## [${version}]" section: rename [Unreleased] to [${version}] - <date> and start a new [Unreleased].`);
  else if (!notes.trim()) problems.push(`CHANGELOG.md's section for ${version} is empty.`);
  if (problems.length > 0) throw new Error(`Cannot release ${version}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const major = version.split('.')[0];
  return { version, tag: `v${version}`, majorTag: `v${major}`, notes: notes! };
}

/** The body of `## [version]` up to the next `## ` heading (link definitions at the end excluded). */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`).test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## ') || /^\[[^\]]+\]: /.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

/** Tags HEAD; refuses an existing version tag (versions are immutable), moves the major tag. */
export function tagRelease(root: string, plan: ReleasePlan): void {
  if (git(root, 'status', '--porcelain')) throw new Error('The work tree has changes: release a committed state only.');
  if (git(root, 'tag', '--list', plan.tag)) throw new Error(`Tag ${plan.tag} exists already: a released version never moves; release a new patch version.`);
  git(root, 'tag', '-a', plan.tag, '-m', `ecs-amp-action ${plan.version}`);
  git(root, 'tag', '-f', '-a', plan.majorTag, '-m', `ecs-amp-action ${plan.majorTag} = ${plan.tag}`, `${plan.tag}^{commit}`);
}

function main(argv: string[]): void {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const version = (arg('--version') ?? '').replace(/^v/, '');
  const dryRun = argv.includes('--dry-run');
  const root = process.cwd();
  const plan = planRelease(root, version);
  tagRelease(root, plan);
  const notesFile = arg('--notes-file');
  if (notesFile) writeFileSync(notesFile, `${plan.notes}\n`);
  const commit = git(root, 'rev-parse', `${plan.tag}^{commit}`);
  const push = ['push', 'origin', `refs/tags/${plan.tag}`, `+refs/tags/${plan.majorTag}`];
  if (dryRun) {
    console.log(`Dry run: tagged ${plan.tag} and moved ${plan.majorTag} to ${commit} locally; would run: git ${push.join(' ')}`);
    return;
  }
  git(root, ...push);
  console.log(`Released ${plan.tag} (${commit}); ${plan.majorTag} now points at it.`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
