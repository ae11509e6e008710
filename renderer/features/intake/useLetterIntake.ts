import { useCallback, useState, type DragEvent } from 'react';
import type { Organization } from '@shared/domain/ticket';
import { correctedNowMs } from '../../lib/window-clock';
import { prefillFromLetter } from './eml/prefill-from-letter';
import { readLetter, type Letter, type LetterProblem } from './eml/read-letter';
import type { IntakeDraft } from './intake-draft';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** One `.eml` (or a file the system calls a message): a letter to read, not a file to attach. */
export function looksLikeLetter(files: FileList): boolean {
  const only = files.length === 1 ? files[0] : undefined;
  return only !== undefined && (/\.eml$/i.test(only.name) || only.type === 'message/rfc822');
}

/**
 * A letter dropped on the intake page or picked: read whole, checked, and only then put into
 * the form; a form that already holds typing asks first (`pending`). A refused file leaves the
 * form as it was and says why (`problem`).
 */
export function useLetterIntake(options: {
  blank: boolean;
  organizations: Organization[];
  engineerZone: string;
  apply: (draft: IntakeDraft) => void;
  /** The attachments of the letter applied: they become the request's files. */
  applyFiles: (files: File[]) => void;
  /** Files dropped that are not a letter (screenshots, logs): files for the request. */
  dropOther: (files: File[]) => void;
}) {
  const { blank, organizations, engineerZone, apply, applyFiles, dropOther } = options;
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<LetterProblem | null>(null);
  const [pending, setPending] = useState<{ letter: Letter; files: File[] } | null>(null);

  const fill = useCallback(
    ({ letter, files }: { letter: Letter; files: File[] }) => {
      const { form } = prefillFromLetter(letter, organizations, engineerZone);
      apply({ ...form, letter });
      applyFiles(files);
      setPending(null);
    },
    [organizations, engineerZone, apply, applyFiles],
  );

  const take = useCallback(
    async (files: FileList) => {
      setProblem(null);
      if (files.length !== 1) {
        setProblem({ code: 'many', count: files.length });
        return;
      }
      setReading(true);
      try {
        const result = await readLetter(files[0]!, correctedNowMs());
        if (!result.ok) setProblem(result.problem);
        else if (blank) fill(result);
        else setPending(result);
      } finally {
        setReading(false);
      }
    },
    [blank, fill],
  );

  const dropTarget = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = event.dataTransfer.files;
      if (looksLikeLetter(files)) void take(files);
      else dropOther(Array.from(files));
    },
  };

  return {
    reading,
    dragging,
    problem,
    pending,
    take,
    dropTarget,
    confirmReplace: () => pending && fill(pending),
    keepForm: () => setPending(null),
  };
}
