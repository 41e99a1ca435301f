import { info, startGroup } from '../../src/util/log';
import { forgetSecrets, holdSecret, redact } from '../../src/util/secrets';
import { commandsIn } from '../reading';

/** Commands the runner would act on, other than the stop-commands wrapping itself. */
const commandsSeen = (output: string) => commandsIn(output).filter((c) => c.name !== 'stop-commands');

function captured(fn: () => void): string {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stdout.write;
  try { fn(); } finally { process.stdout.write = write; }
  return out;
}

describe('info()', () => {
  it.each([
    '::warning::forged',
    '  ::error file=a::forged',
    'title\n::set-output name=x::y',
    'a dashboard ##[set-output name=x;]y',
    '::stop-commands::guess\n::add-mask::x\n::guess::',
  ])('prints %j verbatim and no command with it', (text) => {
    const out = captured(() => info(text));
    expect(commandsSeen(out)).toEqual([]);
    expect(out).toContain(text);
  });

  it('prints ordinary text as core.info does', () => {
    expect(captured(() => info('Imported a: b'))).toBe('Imported a: b\n');
  });

  it('keeps a group title on one line', () => {
    expect(captured(() => startGroup('Deploying\n::error::x'))).toBe('::group::Deploying ::error::x\n');
  });
});

describe('redact()', () => {
  afterEach(() => forgetSecrets());

  it('removes each held secret in the forms an echo carries it', () => {
    const token = 'glsa_abcdefghijklmnop/qrstu+vw==';
    expect(captured(() => holdSecret(token))).toContain('::add-mask::');
    const echoed = [token, encodeURIComponent(token), JSON.stringify({ t: token }), Buffer.from(token).toString('base64')].join(' ');
    expect(redact(echoed)).not.toMatch(/glsa_|Z2xzYV9/);
    expect(redact(echoed)).toContain('***');
  });

  it('leaves text alone when nothing is held', () => {
    expect(redact('nothing secret')).toBe('nothing secret');
  });
});
