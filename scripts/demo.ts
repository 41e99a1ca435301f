/**
 * `npm run sandbox`: the action's lifecycle offline. Starts the local AWS sandbox, opens a pull
 * request in its GitHub, runs dist/index.js as the runner would (OIDC role, INPUT_* variables,
 * event file), and prints the log, the step outputs and the PR comment the action posted.
 */
import { startFixture } from '../sandbox/src/harness/fixture';

const DEMO_LATENCIES = {
  ampCreate: 4000, ampDelete: 2000, grafanaCreate: 9000, grafanaDelete: 3000, grafanaUpdate: 1000,
  cfnResource: { default: 1000, 'AWS::IAM::Role': 2500, ChangeSet: 800 },
};

async function main(): Promise<void> {
  const fx = await startFixture({ latencies: DEMO_LATENCIES });
  try {
    const pr = fx.pullRequest();
    console.log(`Sandbox on ${fx.sandbox.url}; pull request #${pr} opened in acme/shop.\n`);
    console.log('$ mode: provision  (log as the runner shows it)\n');
    const run = await fx.run(
      { mode: 'provision', 'grafana-admins': 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab', tags: 'team=demo' },
      { pr, oidc: true, onOutput: (chunk) => process.stdout.write(chunk.replace(/^::add-mask::.*\n/gm, '')) },
    );
    console.log(`\nExit code ${run.code} after ${(run.durationMs / 1000).toFixed(1)} s.\n\nStep outputs:`);
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(22)} ${value}`);
    const comments = fx.comments(pr);
    console.log(`\nPR comment (${comments.length} on #${pr}):\n`);
    console.log(comments.at(-1) ?? '(none)');
    if (run.code !== 0) process.exitCode = run.code;
  } finally {
    await fx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
