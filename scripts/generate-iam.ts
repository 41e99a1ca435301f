// Writes what the permission manifest (src/permissions) generates: templates/bootstrap.yaml and the
// README's IAM section. `--check` only reports whether the committed files are up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBootstrapYaml } from '../src/permissions/bootstrap-yaml';
import { renderIamSection, withIamSection } from '../src/permissions/readme';

const root = join(__dirname, '..', '..');
const files = [
  { path: join(root, 'templates', 'bootstrap.yaml'), render: () => renderBootstrapYaml() },
  { path: join(root, 'README.md'), render: () => withIamSection(readFileSync(join(root, 'README.md'), 'utf8'), renderIamSection()) },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const { path, render } of files) {
  const next = render();
  const current = (() => { try { return readFileSync(path, 'utf8'); } catch { return ''; } })();
  if (current === next) continue;
  stale++;
  if (check) console.error(`${path} is not what the permission manifest generates: run npm run generate:iam`);
  else { writeFileSync(path, next); console.log(`wrote ${path}`); }
}
process.exit(check && stale > 0 ? 1 : 0);
