import { Spec } from '../validate';

/**
 * One API operation as the sandbox needs to know it: its HTTP binding (restJson services) and the
 * constraints on its input members. Written from the AWS API models, for the operations modelled.
 */
export interface OperationSpec {
  http?: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /** e.g. /workspaces/{workspaceId} */
    path: string;
    /** Success status, e.g. 202 for the asynchronous creates and deletes. */
    status: number;
  };
  /** Members bound to the query string, with their wire types. */
  query?: Record<string, 'string' | 'integer' | 'list'>;
  input: Spec;
}

export type ServiceSpec = Record<string, OperationSpec>;
