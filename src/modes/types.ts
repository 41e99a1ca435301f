import type { Inputs, RunContext } from '../inputs/types';
import type { AwsClients } from '../aws/clients';
import type { Link, ReportSection } from '../render/report';
import type { Ownership } from '../tags';

export interface ModeContext {
  inputs: Inputs;
  run: RunContext;
  clients: AwsClients;
  /** This environment's ownership (repository + environment + PR). */
  owner: Ownership;
  /** Shared by every wait of the run: wait-timeout-minutes from the start. */
  deadline: number;
  /** What the mode's prepare step returned (checked before any AWS call). */
  prepared?: unknown;
}

export interface ModeResult {
  headline: string;
  /** Markdown sections for the report (the change set table, say). */
  sections?: ReportSection[];
  outputs: Record<string, string>;
  links: Link[];
  timings: Record<string, number>;
}

/** A failure that still carries what the mode learned before failing, for outputs and the report. */
export class ModeFailure extends Error {
  constructor(
    public readonly cause: unknown,
    public readonly partial: Partial<ModeResult>,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}
