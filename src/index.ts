import * as core from '@actions/core';
import { run } from './main';
import { post } from './post';

// One bundle serves the main step and the post step (action.yml runs.post), as actions/checkout
// does: the main step records that it ran, and the runner hands that state to the post step only.
// Recorded first, so even a main step that fails at once is never run a second time as "post".
// Once the step's work is done and reported, the process ends with the exit code core set: a
// connection some server accepted and never answered must not hold the job (stdout and stderr are
// synchronous for files and pipes on Linux, so nothing written is lost).
const done = () => process.exit();
if (core.getState('isPost')) {
  void post().finally(done);
} else {
  // Without GITHUB_STATE (a local run) there is no post step, and core would fall back to the
  // deprecated ::save-state:: command.
  if (process.env.GITHUB_STATE) core.saveState('isPost', 'true');
  void run().finally(done);
}
