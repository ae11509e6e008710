import { useCallback, useState } from 'react';
import { MAX_ATTACHMENT_BYTES } from '@shared/erp/blobs';
import { attachFiles, type PreparedFile } from './data';
import type { AttachProblem } from './attach-problems';
import type { FileSource } from './prepare-files';
import { problemOf, usePrepareFiles } from './useAttachFiles';

export interface IntakeFile {
  key: string;
  file: PreparedFile;
  fromLetter: boolean;
}

let fileSeq = 0;

/**
 * Files gathered on the intake before the request exists: checked as they are added (empty, over
 * the limit), kept in memory in order, attached right after the create.
 */
export function useIntakeFiles() {
  const prepare = usePrepareFiles();
  const [files, setFiles] = useState<IntakeFile[]>([]);
  const [problems, setProblems] = useState<AttachProblem[]>([]);

  const gather = useCallback(
    async (given: readonly File[], source: FileSource) => {
      const { prepared, unreadable } = await prepare(given, source);
      const refused: AttachProblem[] = [...unreadable];
      const kept: IntakeFile[] = [];
      for (const file of prepared) {
        const size = file.blob.size;
        if (size === 0) refused.push(problemOf(file.name, size, { code: 'empty' }));
        else if (size > MAX_ATTACHMENT_BYTES)
          refused.push(
            problemOf(file.name, size, { code: 'too_large', limitBytes: MAX_ATTACHMENT_BYTES }),
          );
        else {
          fileSeq += 1;
          kept.push({ key: `${fileSeq}`, file, fromLetter: source === 'letter' });
        }
      }
      return { kept, refused };
    },
    [prepare],
  );

  const add = useCallback(
    async (given: readonly File[], source: FileSource) => {
      const { kept, refused } = await gather(given, source);
      setFiles((previous) => [...previous, ...kept]);
      setProblems(refused);
    },
    [gather],
  );

  /** A letter (re)applied: its attachments replace the previous letter's, picked files stay. */
  const takeLetterFiles = useCallback(
    async (given: readonly File[]) => {
      const { kept, refused } = await gather(given, 'letter');
      setFiles((previous) => [...previous.filter((file) => !file.fromLetter), ...kept]);
      setProblems(refused);
    },
    [gather],
  );

  /** Attaches the gathered files to the ticket just created; the refused ones, in words. */
  const attachTo = useCallback(
    async (ticketId: string): Promise<AttachProblem[]> => {
      const prepared = files.map((entry) => entry.file);
      const outcomes = await attachFiles(ticketId, prepared);
      return outcomes.flatMap((outcome, index) =>
        outcome.ok ? [] : [problemOf(prepared[index]!.name, prepared[index]!.blob.size, outcome)],
      );
    },
    [files],
  );

  return {
    files,
    problems,
    add,
    takeLetterFiles,
    remove: (key: string) => setFiles((previous) => previous.filter((file) => file.key !== key)),
    dismiss: () => setProblems([]),
    attachTo,
  };
}
