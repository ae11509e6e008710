import type { AttachOutcome } from './data';

/** A file that was not attached, and why, ready to be said in words. */
export interface AttachProblem {
  key: string;
  name: string;
  code: Exclude<AttachOutcome, { ok: true }>['code'] | 'unreadable';
  sizeBytes: number;
  limitBytes: number | null;
  neededBytes: number | null;
  freeBytes: number | null;
}

type Translate = (key: string, values: Record<string, string>) => string;

/** The sentence for one refused file, with its numbers in the user's units. */
export function problemText(problem: AttachProblem, t: Translate, size: (n: number) => string) {
  return t(`attachments.problems.${problem.code}`, {
    name: problem.name,
    size: size(problem.sizeBytes),
    limit: problem.limitBytes === null ? '' : size(problem.limitBytes),
    needed: size(problem.neededBytes ?? problem.sizeBytes),
    free: size(problem.freeBytes ?? 0),
  });
}
