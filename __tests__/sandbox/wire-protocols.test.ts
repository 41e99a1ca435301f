import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { decodeQuery, encodeQueryError, encodeQueryResult } from '../../sandbox/src/http/query';
import { matchRoute, RestRoute } from '../../sandbox/src/http/rest-json';
import { AwsError } from '../../sandbox/src/core/types';
import { STATIC_CREDENTIALS, STATIC_USER_ARN, STATIC_USER_ID } from '../../sandbox/src/models/credentials';
import { clientConfig, FAST } from './support';

describe('awsQuery decoding', () => {
  it('turns member.N lists and entry.N maps into arrays, nested, in index order', () => {
    const form = new URLSearchParams([
      ['Action', 'CreateStack'], ['Version', '2010-05-15'], ['StackName', 's'],
      ['Tags.member.2.Key', 'b'], ['Tags.member.2.Value', '2'], ['Tags.member.1.Key', 'a'], ['Tags.member.1.Value', '1'],
      ['Capabilities.member.1', 'CAPABILITY_IAM'],
      ['Parameters.member.1.ParameterKey', 'P'], ['Parameters.member.1.ParameterValue', '10'],
      ['Attributes.entry.1.key', 'k'], ['Attributes.entry.1.value', 'v'],
    ]);
    expect(decodeQuery(form)).toEqual({
      action: 'CreateStack', version: '2010-05-15',
      input: {
        StackName: 's', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], Capabilities: ['CAPABILITY_IAM'],
        Parameters: [{ ParameterKey: 'P', ParameterValue: '10' }], Attributes: [{ key: 'k', value: 'v' }],
      },
    });
  });

  it('refuses keys that would reach Object.prototype, conflicting members and index 0', () => {
    expect(() => decodeQuery(new URLSearchParams('__proto__.polluted=1'))).toThrow(AwsError);
    expect(() => decodeQuery(new URLSearchParams('A.constructor.prototype.x=1'))).toThrow(AwsError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => decodeQuery(new URLSearchParams('A=x&A.B=y'))).toThrow(/malformed or conflicts/);
    expect(() => decodeQuery(new URLSearchParams('A=x&A=y'))).toThrow(/malformed or conflicts/);
    expect(() => decodeQuery(new URLSearchParams('L.member.0=x'))).toThrow(/start at 1/);
  });
});

describe('awsQuery encoding', () => {
  it('wraps the result, escapes text, writes arrays as member and dates as ISO-8601', () => {
    const xml = encodeQueryResult('cloudformation', 'DescribeStacks', {
      Stacks: [{ StackName: 'a<b>&"c\'', CreationTime: new Date('2026-01-02T03:04:05.000Z'), EnableTerminationProtection: false, Outputs: [], Gone: undefined }],
    }, 'req-1');
    expect(xml).toBe(
      '<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult>' +
      '<Stacks><member><StackName>a&lt;b&gt;&amp;&quot;c&apos;</StackName><CreationTime>2026-01-02T03:04:05.000Z</CreationTime>' +
      '<EnableTerminationProtection>false</EnableTerminationProtection><Outputs></Outputs></member></Stacks>' +
      '</DescribeStacksResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeStacksResponse>',
    );
  });

  it('writes errors as Sender (4xx) or Receiver (5xx)', () => {
    expect(encodeQueryError('sts', new AwsError('AccessDenied', 'no & never', 403), 'r')).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
      '<Message>no &amp; never</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
    expect(encodeQueryError('sts', new AwsError('ServiceUnavailable', 'x', 503), 'r')).toContain('<Type>Receiver</Type>');
  });

  it('refuses to write an element name that is not XML', () => {
    expect(() => encodeQueryResult('sts', 'X', { 'a b': 1 }, 'r')).toThrow(/sandbox bug/);
  });
});

describe('restJson routing', () => {
  const routes: RestRoute[] = [{ method: 'GET', path: '/workspaces/{workspaceId}', operation: 'DescribeWorkspace', status: 200, query: { maxResults: 'integer', tagKeys: 'list' } }];

  it('binds percent-encoded path labels and typed query members', () => {
    const m = matchRoute(routes, 'GET', '/workspaces/ws%2F1', new URLSearchParams('maxResults=7&tagKeys=a&tagKeys=b&ignored=1'), Buffer.alloc(0));
    expect(m?.input).toEqual({ workspaceId: 'ws/1', maxResults: 7, tagKeys: ['a', 'b'] });
    expect(matchRoute(routes, 'POST', '/workspaces/x', new URLSearchParams(), Buffer.alloc(0))).toBeUndefined();
  });

  it('lets no body member override a URI-bound one', () => {
    const m = matchRoute(routes, 'GET', '/workspaces/mine', new URLSearchParams(), Buffer.from('{"workspaceId":"theirs","other":1,"__proto__":{"x":1}}'));
    expect(m?.input).toEqual({ workspaceId: 'mine', other: 1 });
  });

  it('rejects a non-integer where the model says integer, and a body that is not a JSON object', () => {
    expect(() => matchRoute(routes, 'GET', '/workspaces/a', new URLSearchParams('maxResults=1.5'), Buffer.alloc(0))).toThrow(/must be an integer/);
    expect(() => matchRoute(routes, 'GET', '/workspaces/a', new URLSearchParams(), Buffer.from('[1]'))).toThrow(/JSON object/);
    expect(() => matchRoute(routes, 'GET', '/workspaces/a', new URLSearchParams(), Buffer.from('{'))).toThrow(/parse/);
  });
});

describe('query services over HTTP', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ latencies: FAST });
  });
  afterAll(() => sandbox.close());

  it('answers GetCallerIdentity for the static keys through the real SDK', async () => {
    const me = await new STSClient(clientConfig(sandbox)).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '123456789012', Arn: STATIC_USER_ARN, UserId: STATIC_USER_ID });
    expect(STATIC_CREDENTIALS.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
  });

  it('refuses an API version the service does not speak', async () => {
    const sts = new STSClient(clientConfig(sandbox));
    sts.middlewareStack.add((next) => async (args) => {
      const request = args.request as { body: string };
      request.body = request.body.replace('Version=2011-06-15', 'Version=2099-01-01');
      return next(args);
    }, { step: 'build' });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidAction' });
  });
});
