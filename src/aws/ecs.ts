import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, Service } from '@aws-sdk/client-ecs';
import { ActionError, describeAwsError, errorName, imagePullFix, permissionFix } from '../util/errors';
import { EXPECTED, pollUntil } from '../util/poll';

/**
 * Reports tasks as they stop, with the reason ECS gives (CannotPullContainerError, an essential
 * container exiting, a failed health check). When a deployment fails, these are the lines that
 * say why; by the time the stack has rolled back the tasks may no longer be listable.
 */
export class StoppedTaskWatcher {
  private readonly seen = new Set<string>();
  private disabled = false;
  /** Each distinct cause once: a deployment's tasks usually fail alike, and one line says it. */
  private readonly causes = new Map<string, { first: string; tasks: number }>();

  /** The distinct stop reasons, each with how many tasks stopped for it. */
  get reasons(): string[] {
    return [...this.causes.values()].map((c) => (c.tasks > 1 ? `${c.first} (${c.tasks} tasks stopped for this reason)` : c.first));
  }

  constructor(private readonly ecs: ECSClient, private readonly cluster: string, private readonly log: (line: string) => void) {}

  /** Never fails the deploy: without ECS read access the reasons are missing, nothing more. */
  async poll(): Promise<void> {
    if (this.disabled) return;
    try {
      await this.collect();
    } catch (err) {
      if (errorName(err) === 'ClusterNotFoundException') return;
      this.disabled = true;
      this.log(`Cannot read stopped ECS tasks, so their stop reasons will be missing: ${describeAwsError('ECS ListTasks/DescribeTasks', err)}. ${permissionFix(err, 'ecs:ListTasks and ecs:DescribeTasks') ?? ''}`.trim());
    }
  }

  private async collect(): Promise<void> {
    const arns = (await this.ecs.send(new ListTasksCommand({ cluster: this.cluster, desiredStatus: 'STOPPED' }))).taskArns ?? [];
    const fresh = arns.filter((a) => !this.seen.has(a));
    for (let i = 0; i < fresh.length; i += 100) {
      const out = await this.ecs.send(new DescribeTasksCommand({ cluster: this.cluster, tasks: fresh.slice(i, i + 100) }));
      for (const task of out.tasks ?? []) {
        this.seen.add(task.taskArn!);
        const containers = (task.containers ?? []).filter((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0))
          .map((c) => `${c.name}: ${c.reason ?? `exit code ${c.exitCode}`}`);
        if (task.stopCode === 'ServiceSchedulerInitiated') continue;
        const cause = `(${task.stopCode ?? 'unknown'}): ${task.stoppedReason ?? ''}${containers.length ? ` — ${containers.join('; ')}` : ''}`;
        const known = this.causes.get(cause);
        if (known) {
          known.tasks++;
          continue;
        }
        const reason = `task ${task.taskArn!.split('/').pop()} stopped ${cause}`;
        this.causes.set(cause, { first: reason, tasks: 1 });
        this.log(reason);
      }
    }
  }
}

/** Waits until the service runs its desired count on one completed deployment, as `ecs wait services-stable` does. */
export async function waitServiceStable(
  ecs: ECSClient, cluster: string, service: string, watcher: StoppedTaskWatcher, opts: { deadline: number; log: (line: string) => void },
): Promise<Service> {
  return pollUntil({
    what: `ECS service ${service}`,
    deadline: opts.deadline,
    log: opts.log,
    expected: EXPECTED.ecsStable,
    maxDelayMs: 10_000,
    check: async () => {
      let svc: Service | undefined;
      try {
        svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
      } catch (err) {
        throw new ActionError(describeAwsError('ECS DescribeServices', err), permissionFix(err, 'ecs:DescribeServices'));
      }
      if (!svc) throw new ActionError(`ECS service ${service} was not found in cluster ${cluster}.`);
      const primary = svc.deployments?.find((d) => d.status === 'PRIMARY');
      if (primary?.rolloutState === 'FAILED') {
        await watcher.poll();
        throw new ActionError(`ECS deployment of ${service} failed: ${primary.rolloutStateReason}${watcher.reasons.length ? `\n${watcher.reasons.join('\n')}` : ''}`,
          imagePullFix(watcher.reasons.join('\n')) ?? 'Check the task stop reasons above and the container logs.');
      }
      if (svc.deployments?.length === 1 && primary?.rolloutState === 'COMPLETED' && svc.runningCount === svc.desiredCount) return { done: true, value: svc };
      await watcher.poll();
      return { done: false, status: `${svc.runningCount ?? 0} running, ${svc.pendingCount ?? 0} pending of ${svc.desiredCount ?? 0} desired; deployment ${primary?.rolloutState ?? 'unknown'}` };
    },
  });
}
