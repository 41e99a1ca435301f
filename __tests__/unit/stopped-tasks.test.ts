import type { ECSClient } from '@aws-sdk/client-ecs';
import { StoppedTaskWatcher } from '../../src/aws/ecs';

/** An ECS client whose cluster holds `tasks` stopped (ListTasks STOPPED, DescribeTasks). */
function ecsWith(tasks: StoppedTask[]): ECSClient {
  return {
    send: async (command: { input: Record<string, unknown>; constructor: { name: string } }) => {
      if (command.constructor.name === 'ListTasksCommand') return { taskArns: tasks.map((t) => t.taskArn) };
      const wanted = command.input.tasks as string[];
      return { tasks: tasks.filter((t) => wanted.includes(t.taskArn)) };
    },
  } as unknown as ECSClient;
}

type StoppedTask = { taskArn: string; stopCode: string; stoppedReason: string; containers?: { name: string; reason?: string; exitCode?: number }[] };

const pullFailure = (id: string): StoppedTask => ({
  taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/c/${id}`, stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start',
  containers: [{ name: 'app', reason: 'CannotPullContainerError: failed to resolve ref public.ecr.aws/acme/missing:1' }],
});

describe('StoppedTaskWatcher', () => {
  it('says each distinct cause once, with how many tasks stopped for it', async () => {
    const tasks = [pullFailure('a1'), pullFailure('b2')];
    const lines: string[] = [];
    const watcher = new StoppedTaskWatcher(ecsWith(tasks), 'c', (l) => lines.push(l));
    await watcher.poll();
    tasks.push(pullFailure('c3'), { taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/c/d4', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', containers: [{ name: 'app', exitCode: 1 }] });
    await watcher.poll();
    expect(lines).toEqual([
      'task a1 stopped (TaskFailedToStart): Task failed to start — app: CannotPullContainerError: failed to resolve ref public.ecr.aws/acme/missing:1',
      'task d4 stopped (EssentialContainerExited): Essential container in task exited — app: exit code 1',
    ]);
    expect(watcher.reasons).toEqual([
      'task a1 stopped (TaskFailedToStart): Task failed to start — app: CannotPullContainerError: failed to resolve ref public.ecr.aws/acme/missing:1 (3 tasks stopped for this reason)',
      'task d4 stopped (EssentialContainerExited): Essential container in task exited — app: exit code 1',
    ]);
  });

  it('leaves out the tasks a new deployment replaced', async () => {
    const lines: string[] = [];
    const watcher = new StoppedTaskWatcher(ecsWith([{ taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/c/e5', stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task stopped by a new deployment' }]), 'c', (l) => lines.push(l));
    await watcher.poll();
    expect(lines).toEqual([]);
    expect(watcher.reasons).toEqual([]);
  });
});
