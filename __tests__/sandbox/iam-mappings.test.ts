import * as amp from '@aws-sdk/client-amp';
import * as cloudformationSdk from '@aws-sdk/client-cloudformation';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ec2 from '@aws-sdk/client-ec2';
import * as ecs from '@aws-sdk/client-ecs';
import * as grafana from '@aws-sdk/client-grafana';
import * as sts from '@aws-sdk/client-sts';
import { AwsError, CallContext } from '../../sandbox/src/core/types';
import { createAwsEndpoint, dispatchTable } from '../../sandbox/src/http/aws-endpoint';
import { FaultInjector } from '../../sandbox/src/http/faults';
import { startSandbox } from '../../sandbox/src/http/server';
import { SandboxAuthorizer } from '../../sandbox/src/iam/authorizer';
import { REQUESTS } from '../../sandbox/src/iam/requests';
import { CLOUDFORMATION_OPERATIONS } from '../../sandbox/src/iam/requests-cloudformation';
import { CloudFormationModel } from '../../sandbox/src/models/cloudformation/model';
import { CredentialStore } from '../../sandbox/src/models/credentials';
import { EcsModel } from '../../sandbox/src/models/ecs';
import { FAST } from './support';

/** The operations of an AWS SDK client, from its exported *Command classes. */
const operationsOf = (sdk: Record<string, unknown>) => Object.keys(sdk).filter((k) => k.endsWith('Command') && k !== 'Command').map((k) => k.slice(0, -'Command'.length));
const SDK: Record<string, string[]> = { aps: operationsOf(amp), grafana: operationsOf(grafana), cloudformation: operationsOf(cloudformationSdk), ecs: operationsOf(ecs), sts: operationsOf(sts), logs: operationsOf(logs), ec2: operationsOf(ec2) };

const deps = (services: Parameters<typeof createAwsEndpoint>[0]['services']) => ({
  services, credentials: new CredentialStore(), faults: new FaultInjector(1), record: () => ({}) as never,
  authorizer: new SandboxAuthorizer({ roles: new Map() }), requestsFor: async () => [],
});

describe('authorization mappings', () => {
  it('the sandbox starts only when every operation it dispatches has one', async () => {
    // startSandbox checks its own tables: that it starts is the proof for aps, grafana, sts, ecs and cloudformation.
    const sandbox = await startSandbox({ latencies: FAST });
    await sandbox.close();
    expect(() => createAwsEndpoint(deps({ aps: { protocol: 'rest-json', call: dispatchTable('rest-json', { CreateWorkspace: () => ({}), CreateScraper: () => ({}) }) } })))
      .toThrow('no authorization mapping for aps:CreateScraper');
    expect(() => createAwsEndpoint(deps({ cloudformation: { protocol: 'query', call: () => ({}) } }))).toThrow(/does not say which operations it serves/);
  });

  it('names only real operations of each service', () => {
    for (const [service, table] of Object.entries(REQUESTS)) {
      expect(SDK[service].length).toBeGreaterThan(3);
      const unknown = Object.keys(table).filter((op) => !SDK[service].includes(op));
      expect({ service, unknown }).toEqual({ service, unknown: [] });
    }
  });

  it('lists exactly the operations the CloudFormation model serves', async () => {
    const model = new CloudFormationModel({ iam: { roles: new Map() }, ecs: new EcsModel(), latencies: () => ({ ...FAST, grafanaUpdate: 1 }), accountId: '123456789012' });
    const ctx: CallContext = { region: 'eu-west-1', accountId: '123456789012', accessKeyId: 'AKIA', principalArn: '', requestId: 'r' };
    const served: string[] = [];
    for (const op of SDK.cloudformation) {
      const outcome = await model.call(op, {}, ctx).then(() => 'ok', (e: unknown) => (e instanceof AwsError ? e.code : 'crash'));
      if (outcome !== 'InvalidAction') served.push(op);
    }
    expect(served.sort()).toEqual([...CLOUDFORMATION_OPERATIONS].sort());
  });
});
