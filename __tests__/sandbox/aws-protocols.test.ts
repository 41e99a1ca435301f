// How the services meet: a role made through CloudFormation lands in the IAM state that AMG checks.
// Each service on its own is covered by sigv4, amp, grafana, sts-oidc, faults-log-admin and wire-protocols tests.
import { CreateWorkspaceCommand as CreateGrafanaWorkspace, GrafanaClient, UpdatePermissionsCommand, DescribeWorkspaceCommand as DescribeGrafanaWorkspace } from '@aws-sdk/client-grafana';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startSandbox, Sandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';

let sandbox: Sandbox;
const region = 'eu-west-1';
const config = () => ({ region, endpoint: sandbox.url, credentials: STATIC_CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: { ampCreate: 100, grafanaCreate: 150, cfnResource: { default: 20, ChangeSet: 20 } } });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0 }));

describe('AMG and CloudFormation', () => {
  const roleTemplate = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: grafana.amazonaws.com }, Action: sts:AssumeRole }]
Outputs:
  Arn: { Value: !GetAtt Role.Arn }
`;

  it('creates a workspace only with an existing role that trusts Grafana', async () => {
    const grafana = new GrafanaClient(config());
    const base = { accountAccessType: 'CURRENT_ACCOUNT' as const, authenticationProviders: ['AWS_SSO' as const], permissionType: 'CUSTOMER_MANAGED' as const };
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: 'arn:aws:iam::123456789012:role/nope' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, permissionType: 'SERVICE_MANAGED' }))).rejects.toThrow(/console/);

    const cfn = new CloudFormationClient(config());
    await expect(cfn.send(new CreateStackCommand({ StackName: 'role', TemplateBody: roleTemplate }))).rejects.toMatchObject({ name: 'InsufficientCapabilitiesException' });
    await cfn.send(new CreateStackCommand({ StackName: 'role', TemplateBody: roleTemplate, Capabilities: ['CAPABILITY_IAM'], Tags: [{ Key: 'k', Value: 'v' }] }));
    let stack;
    for (let i = 0; i < 50; i++) {
      stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'role' }))).Stacks![0];
      if (stack.StackStatus !== 'CREATE_IN_PROGRESS') break;
      await sleep(20);
    }
    expect(stack!.StackStatus).toBe('CREATE_COMPLETE');
    const roleArn = stack!.Outputs![0].OutputValue!;
    expect(roleArn).toMatch(/^arn:aws:iam::123456789012:role\/role-Role-/);

    const ws = (await grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: roleArn, workspaceName: 'w1' }))).workspace!;
    expect(ws.id).toMatch(/^g-[0-9a-f]{10}$/);
    await sleep(200);
    expect((await grafana.send(new DescribeGrafanaWorkspace({ workspaceId: ws.id }))).workspace!.status).toBe('ACTIVE');
    const perms = await grafana.send(new UpdatePermissionsCommand({ workspaceId: ws.id, updateInstructionBatch: [{ action: 'ADD', role: 'ADMIN', users: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SSO_USER' }] }] }));
    expect(perms.errors).toHaveLength(1);

    sandbox.setSsoEnabled(false);
    await expect(grafana.send(new CreateGrafanaWorkspace({ ...base, workspaceRoleArn: roleArn, workspaceName: 'w2' }))).rejects.toThrow('SSO is not enabled in any region');
    sandbox.setSsoEnabled(true);
  });
});
