// What the per-service request tables share: the view of the models' state they read, the
// mapping signature, and the tag context every tagging service builds the same way.
import { CallContext } from '../core/types';
import type { AuthorizationRequest } from './types';

/** What the mappings read of the models' state: tags of existing resources, the stack a change set belongs to. */
export interface ModelView {
  ampWorkspace(id: string, ctx: CallContext): { tags: Record<string, string> } | undefined;
  grafanaWorkspace(id: string, ctx: CallContext): { tags: Record<string, string>; authenticationProviders: string[] } | undefined;
  /** A stack that has not been deleted, by name or stack ID, in the caller's region. */
  stack(ref: string, ctx: CallContext): { stackId: string; tags: Record<string, string> } | undefined;
  /** The stack ID of a change set (named by ARN, or by name within `stackName`), if it exists. */
  changeSetStackId(changeSet: string, stackName: string | undefined, ctx: CallContext): Promise<string | undefined>;
}

// Inputs are wire-decoded; each mapping reads only the members it needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RequestMapping = (input: any, ctx: CallContext, view: ModelView) => AuthorizationRequest[] | Promise<AuthorizationRequest[]>;

/**
 * AWS checks a request's shape before it authorizes it: a required identifier that is missing or
 * not one (ListTagsForResource of "not-an-arn") gets the service's validation error, not
 * AccessDenied. The mapping says so with this, and the model, which owns the validation, answers.
 */
export class UnauthorizableRequest extends Error {}

/** aws:RequestTag/<k> and aws:TagKeys for the tags a request sets. */
export function requestTagContext(tags: Record<string, string> | undefined): Record<string, string | string[]> {
  if (!tags || Object.keys(tags).length === 0) return {};
  return { ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])), 'aws:TagKeys': Object.keys(tags) };
}

/** aws:ResourceTag/<k> for the tags an existing resource has. */
export function resourceTagContext(tags: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
}

export function requiredString(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new UnauthorizableRequest();
  return value;
}
