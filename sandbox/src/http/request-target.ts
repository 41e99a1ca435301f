/**
 * The resource an AWS request names, as the caller sent it, for the request log: so a benchmark can tell
 * which workspace, stack or service each describe call was about. The most specific name wins: a change
 * set's over its stack's. Raw on purpose (an ARN stays an ARN); readers normalise.
 */
export function requestTarget(service: string, input: Record<string, unknown>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  if (service === 'aps' || service === 'grafana') return text(input.workspaceId) ?? text(input.resourceArn);
  if (service === 'cloudformation') return text(input.ChangeSetName) ?? text(input.StackName);
  if (service === 'ecs') return Array.isArray(input.services) ? input.services.map(String).join(',') : text(input.cluster);
  return undefined;
}
