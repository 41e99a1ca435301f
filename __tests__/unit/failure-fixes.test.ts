import { deniedPermissionFix, imagePullFix } from '../../src/util/errors';
import { splitFailure } from '../../src/render/failure';
import { mergeState, parseState, renderReport, ReportState } from '../../src/render/report';

describe('imagePullFix', () => {
  it('names the tag and both remedies for an image that is not there', () => {
    const fix = imagePullFix('task 1 stopped (TaskFailedToStart): CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref 1.dkr.ecr.eu-west-1.amazonaws.com/shop:4f1c2e9: not found')!;
    expect(fix).toMatch(/^Check that `1\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop:4f1c2e9` was pushed/);
    expect(fix).toContain('ecr:BatchGetImage');
  });
  it('leads with the execution role when the registry refused', () => {
    expect(imagePullFix('CannotPullContainerError: 403 Forbidden', 'x/y:1')).toMatch(/^Check that the task execution role can pull it/);
  });
  it('is silent for other stop reasons', () => {
    expect(imagePullFix('Essential container in task exited')).toBeUndefined();
  });
});

describe('deniedPermissionFix', () => {
  const reason = 'ExecutionRole (AWS::IAM::Role) CREATE_FAILED: Resource handler returned message: "User: arn:aws:sts::123456789012:assumed-role/preview-cfn/AWSCloudFormation is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x-ExecutionRole because no identity-based policy allows the iam:CreateRole action (Service: Iam, Status Code: 403)"';
  it('names the action, the resource and the service role', () => {
    expect(deniedPermissionFix(reason, 'arn:aws:iam::123456789012:role/preview-cfn')).toBe('Allow `iam:CreateRole` on `arn:aws:iam::123456789012:role/x-ExecutionRole` to the CloudFormation service role `preview-cfn` (cloudformation-role-arn), then re-run. The bootstrap template (templates/bootstrap.yaml) grants what each resource of the preview stack needs.');
  });
  it('names the workflow role without a service role, and CloudWatch Logs\' own wording', () => {
    expect(deniedPermissionFix(reason)).toContain('the role CloudFormation acted as, `preview-cfn` (the workflow\'s role');
    expect(deniedPermissionFix('is not authorized to perform CreateLogGroup with Tags. An additional permission "logs:TagResource" is required.')).toMatch(/^Allow `logs:TagResource` to/);
    expect(deniedPermissionFix('Property validation failure')).toBeUndefined();
  });
});

describe('splitFailure', () => {
  it('puts CloudFormation\'s root cause in the row, the whole message in the detail and the fix apart', () => {
    expect(splitFailure('Stack s failed to create and was deleted. Root cause: Service (AWS::ECS::Service) CREATE_FAILED: quota\nmore\nFix: do y'))
      .toEqual({ cause: 'Service (AWS::ECS::Service) CREATE_FAILED: quota', detail: ['Stack s failed to create and was deleted. Root cause: Service (AWS::ECS::Service) CREATE_FAILED: quota', 'more'], fix: 'do y' });
  });

  it('prefers the first stopped task\'s container reason: what the deployment failed on', () => {
    const error = [
      'Stack s failed to create and was deleted. Root cause: Service (AWS::ECS::Service) CREATE_FAILED: Circuit Breaker was triggered',
      'Stopped tasks:',
      'task 0aaf stopped (TaskFailedToStart): Task failed to start — app: CannotPullContainerError: failed to resolve ref r/x:1 (3 tasks stopped for this reason)',
      'Fix: check the image',
    ].join('\n');
    expect(splitFailure(error).cause).toBe('tasks stopped: app: CannotPullContainerError: failed to resolve ref r/x:1');
  });

  it('keeps a short first line whole and cuts a long one', () => {
    expect(splitFailure('Input \'cpu\' must be one of 256, 512.').cause).toBe('Input \'cpu\' must be one of 256, 512.');
    expect(splitFailure('x'.repeat(500)).cause).toHaveLength(200);
  });
});

describe('dry runs and state version 3', () => {
  const deployed: ReportState = {
    environment: 'pr-7', repository: 'acme/shop', region: 'eu-west-1', prNumber: 7, links: [],
    modes: { deploy: { status: 'succeeded', finishedAt: '2026-11-25T10:00:00.000Z', durationMs: 1, headline: 'updated', commit: 'a'.repeat(40), image: 'r/shop:v1', runUrl: 'https://github.com/acme/shop/actions/runs/1' } },
  };
  const plan: ReportState = { ...deployed, modes: { deploy: { ...deployed.modes.deploy!, finishedAt: '2026-11-25T11:00:00.000Z', image: 'r/shop:v2', dryRun: true } } };
  it('keeps what is deployed and shows the plan beside it', () => {
    const merged = mergeState(deployed, plan);
    expect(merged.modes.deploy!.image).toBe('r/shop:v1');
    expect(merged.plans!.deploy!.image).toBe('r/shop:v2');
    const body = renderReport(merged, { serverUrl: 'https://github.com' });
    expect(body).toContain('image `shop:v1`');
    expect(body).toContain('**deploy (dry run)** 📝 planned (dry run)');
    expect(body).toContain('[Run logs](https://github.com/acme/shop/actions/runs/1)');
    expect(parseState(body)).toEqual(merged);
  });
  it('a real deploy after it clears the plan', () => {
    expect(mergeState(mergeState(deployed, plan), deployed).plans).toBeUndefined();
  });
});
