import { RunnerLog } from '../../scripts/runner-log';

describe('RunnerLog (the log npm run sandbox prints, as the runner shows it)', () => {
  it('hides ::debug:: and ::add-mask:: lines, even split across chunks, and masks registered values', () => {
    const log = new RunnerLog();
    const shown = [
      log.push('::add-mask::s3cr3t\nstart\n::DEBUG::loud\n::deb'),
      log.push('ug::stack trace with s3cr3t\nthe key s3cr'),
      log.push('3t is used\n::group::Deploying\ninside\n::endgroup::\n'),
      log.push('::warning::two%0Alines 100%25\n::error title=x::bad s3cr3t'),
      log.end(),
    ].join('');
    expect(shown).toBe('start\nthe key *** is used\n▸ Deploying\ninside\nWarning: two\nlines 100%\nError: bad ***\n');
    expect(shown).not.toContain('::');
  });
});
