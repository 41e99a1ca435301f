import { clientEnvironment, parseArgs } from '../../sandbox/src/cli';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { FAST } from './support';

describe('sandbox CLI', () => {
  it('parses its flags and refuses anything else', () => {
    expect(parseArgs([])).toEqual({ repository: 'acme/shop', pullRequest: 1 });
    expect(parseArgs(['--port', '4566', '--repo', 'o/r', '--pr', '12'])).toEqual({ port: 4566, repository: 'o/r', pullRequest: 12 });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/Usage/);
    expect(() => parseArgs(['--verbose'])).toThrow(/Usage/);
  });

  describe('client environment', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({ latencies: FAST, repositories: ['o/r'] });
    });
    afterAll(() => sandbox.close());

    it('points a client at the sandbox with working GitHub and OIDC tokens', async () => {
      const env = clientEnvironment(sandbox, { repository: 'o/r', pullRequest: 5 });
      expect(env).toMatchObject({ AWS_ENDPOINT_URL: sandbox.url, GITHUB_API_URL: `${sandbox.url}/github`, GITHUB_REPOSITORY: 'o/r' });
      const comment = await fetch(`${env.GITHUB_API_URL}/repos/o/r/issues/5/comments`, { method: 'POST', headers: { authorization: `token ${env.GITHUB_TOKEN}` }, body: '{"body":"hi"}' });
      expect(comment.status).toBe(201);
      const token = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
      expect(token.status).toBe(200);
    });
  });
});
