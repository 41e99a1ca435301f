// The order Jest hands test files to its workers (jest.config.js testSequencer).
// Jest's own sequencer runs the files that failed last time first, then the longest by its cache's timings, and
// files it has no timing for by size, biggest first. A fresh clone (CI) has no timings, and size says little
// here: each permission-removal-<mode> file is three lines and one of the longest of the run. So files without a
// timing go by project first: the end-to-end files (each a minute or more, mostly waiting on sandbox state) before
// the sandbox and unit files (seconds each), which then fill the workers' last minutes instead of leaving a long
// file to run alone at the end.
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

const PROJECT_ORDER = ['e2e', 'sandbox', 'unit'];
const rank = (test) => {
  const i = PROJECT_ORDER.indexOf(test.context.config.displayName?.name ?? '');
  return i < 0 ? PROJECT_ORDER.length : i;
};

class ProjectsFirstSequencer extends Sequencer {
  sort(tests) {
    // Jest's order puts each run of untimed files together (before the timed ones of the same failed-or-not
    // group); within such a run, a stable sort by project keeps Jest's size order inside each project.
    const out = [];
    let run = [];
    const flush = () => { out.push(...run.sort((a, b) => rank(a) - rank(b))); run = []; };
    for (const test of super.sort(tests)) {
      const untimed = test.duration == null;
      if (!untimed || (run.length > 0 && this.hasFailed(run[0]) !== this.hasFailed(test))) flush();
      if (untimed) run.push(test);
      else out.push(test);
    }
    flush();
    return out;
  }
}

module.exports = ProjectsFirstSequencer;
