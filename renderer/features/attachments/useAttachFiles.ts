import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachFiles, type PreparedFile } from './data';
import type { AttachProblem } from './attach-problems';
import { useAttachHandoff } from './attach-handoff';
import { prepareFile, screenshotStamp, type FileSource } from './prepare-files';

let problemSeq = 0;

/** Reads, names and sniffs the files a user gave, in the order given. */
export function usePrepareFiles() {
  const { t } = useTranslation();
  return useCallback(
    async (files: readonly File[], source: FileSource) => {
      const prepared: PreparedFile[] = [];
      const unreadable: AttachProblem[] = [];
      const base = (at: Date) => t('attachments.screenshotName', screenshotStamp(at));
      for (const file of files) {
        const ready = await prepareFile(file, source, base);
        if (ready) prepared.push(ready);
        else unreadable.push(problemOf(file.name, file.size, { code: 'unreadable' }));
      }
      return { prepared, unreadable };
    },
    [t],
  );
}

export function problemOf(
  name: string,
  sizeBytes: number,
  refusal: {
    code: AttachProblem['code'];
    limitBytes?: number;
    neededBytes?: number;
    freeBytes?: number;
  },
): AttachProblem {
  problemSeq += 1;
  return {
    key: `${problemSeq}`,
    name,
    code: refusal.code,
    sizeBytes,
    limitBytes: refusal.limitBytes ?? null,
    neededBytes: refusal.neededBytes ?? null,
    freeBytes: refusal.freeBytes ?? null,
  };
}

/**
 * Attaches files to an existing ticket: each stored on this computer with its command, at once,
 * offline too. `problems` lists the files refused, in words, until dismissed.
 */
export function useAttachFiles(ticketId: string) {
  const prepare = usePrepareFiles();
  const [busy, setBusy] = useState(false);
  // Files the intake could not attach to this new ticket are said here, where the user lands.
  const [problems, setProblems] = useState<AttachProblem[]>(
    () => useAttachHandoff.getState().problemsByTicket.get(ticketId) ?? [],
  );
  useEffect(() => {
    useAttachHandoff.getState().take(ticketId);
  }, [ticketId]);
  const [attachedCount, setAttachedCount] = useState<number | null>(null);

  const attach = useCallback(
    async (files: readonly File[], source: FileSource) => {
      if (files.length === 0) return;
      setBusy(true);
      setAttachedCount(null);
      try {
        const { prepared, unreadable } = await prepare(files, source);
        const outcomes = await attachFiles(ticketId, prepared);
        const refused = outcomes.flatMap((outcome, index) =>
          outcome.ok ? [] : [problemOf(prepared[index]!.name, prepared[index]!.blob.size, outcome)],
        );
        setProblems([...unreadable, ...refused]);
        setAttachedCount(outcomes.filter((outcome) => outcome.ok).length);
      } finally {
        setBusy(false);
      }
    },
    [prepare, ticketId],
  );
  return { attach, busy, problems, attachedCount, dismiss: () => setProblems([]) };
}
