import { AWS_REGIONS } from './regions';
import { CONTROL, parseBoolean, parseEnum, parseEnvironment } from './parse';
import { MODES, Mode, RawInputs, RunContext } from './types';

/** Where a step's report goes: enough to find the environment's sticky comment and write the step's row. */
export interface ReportTarget {
  mode: Mode;
  environment: string;
  /** Empty when aws-region itself is the bad input: the comment keeps the region it had. */
  region: string;
  comment: boolean;
  githubToken?: string;
  /** dry-run: true, as far as it reads: a refused plan does not replace the record of what is deployed. */
  dryRun: boolean;
}

/**
 * The inputs a report needs, read with the rules parseInputs applies to them, for a run whose other inputs were
 * refused: an input error still marks this commit's step failed in the comment. Returns the inputs among them that
 * could not be read instead, when any could not: without them the report would land in the wrong place, or nowhere.
 */
export function reportTarget(raw: RawInputs, ctx: RunContext): ReportTarget | { unreadable: string[] } {
  const unreadable: string[] = [];
  const get = (name: string): string | undefined => {
    const value = (raw[name] ?? '').trim();
    if (!CONTROL.test(value)) return value;
    unreadable.push(name);
    return undefined;
  };
  const modeText = get('mode');
  const mode = modeText === undefined ? undefined : parseEnum<Mode>(modeText, MODES);
  if (modeText !== undefined && !mode) unreadable.push('mode');
  const environmentText = get('environment');
  const environment = environmentText === undefined ? undefined : parseEnvironment(environmentText, ctx, () => {
    unreadable.push('environment');
    return undefined;
  });
  const commentText = get('comment');
  const comment = commentText === undefined ? undefined : parseBoolean(commentText || 'true');
  if (commentText !== undefined && comment === undefined) unreadable.push('comment');
  const githubToken = get('github-token');
  if (!mode || !environment || comment === undefined || githubToken === undefined) return { unreadable };
  const regionText = get('aws-region') || ctx.envRegion || '';
  return { mode, environment, region: AWS_REGIONS.includes(regionText) ? regionText : '', comment, githubToken: githubToken || undefined,
    dryRun: parseBoolean(get('dry-run') ?? '') === true };
}
