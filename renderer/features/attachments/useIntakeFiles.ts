import { useCallback, useEffect, useState } from 'react';
import { MAX_ATTACHMENT_BYTES } from '@shared/erp/blobs';
import { getAppDb } from '../../db/app-db';
import { readIntakeFiles, writeIntakeFiles } from '../../db/repos/drafts';
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
const forgetStored = () =>
  writeIntakeFiles(getAppDb(), []).catch((error: unknown) =>
    console.warn('the intake files were not removed', error),
  );
const nextKey = () => `${(fileSeq += 1)}`;

/**
 * Files gathered on the intake before the request exists: checked as they are added (empty, over
 * the limit), kept in order beside the intake's draft (a reload or a crash keeps them), attached
 * right after the create.
 */
export function useIntakeFiles() {
  const prepare = usePrepareFiles();
  const [files, setFiles] = useState<IntakeFile[]>([]);
  const [problems, setProblems] = useState<AttachProblem[]>([]);
  // The stored list is written only once it was read, so an empty start never overwrites it.
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let current = true;
    readIntakeFiles(getAppDb()).then(
      (stored) => {
        if (!current) return;
        const back = stored.map(({ name, type, blob, fromLetter }) => ({
          key: nextKey(),
          file: { name, type, blob },
          fromLetter,
        }));
        setFiles((added) => [...back, ...added]);
        setRestored(true);
      },
      (error: unknown) => {
        console.warn('the intake files were not read', error);
        if (current) setRestored(true);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!restored) return;
    const stored = files.map(({ file, fromLetter }) => ({ ...file, fromLetter }));
    writeIntakeFiles(getAppDb(), stored).catch((error: unknown) =>
      console.warn('the intake files were not stored', error),
    );
  }, [files, restored]);

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
        else kept.push({ key: nextKey(), file, fromLetter: source === 'letter' });
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
      // Attached or refused in words: either way they are the new ticket's business now. Removed
      // here, not by the effect: the page is left right after and may never render again.
      setFiles([]);
      await forgetStored();
      return outcomes.flatMap((outcome, index) =>
        outcome.ok ? [] : [problemOf(prepared[index]!.name, prepared[index]!.blob.size, outcome)],
      );
    },
    [files],
  );

  /** The intake discarded: its files go with its text. */
  const clear = useCallback(async () => {
    setFiles([]);
    await forgetStored();
  }, []);

  return {
    files,
    problems,
    add,
    takeLetterFiles,
    remove: (key: string) => setFiles((previous) => previous.filter((file) => file.key !== key)),
    clear,
    dismiss: () => setProblems([]),
    attachTo,
  };
}
