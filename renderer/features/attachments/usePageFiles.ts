import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileSource } from './prepare-files';

/** Typing places: a paste there is text for the field, not a file for the ticket. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'file', 'submit'].includes(target.type);
  return target instanceof HTMLSelectElement;
}

const modalOpen = () => document.querySelector('dialog[open]') !== null;

/** Files pasted (Ctrl+V) while the focus is not in a field and no dialog is open. */
export function usePastedFiles(onFiles: (files: File[]) => void): void {
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  }, [onFiles]);
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || modalOpen()) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      handler.current(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/**
 * Files dropped anywhere on the page, and files pasted (Ctrl+V) when the focus is not in a field,
 * go to `onFiles`. `dragging` is true while files are held over the page (to show where to drop).
 * A modal dialog open on the page takes neither.
 */
export function usePageFiles(onFiles: (files: File[], source: FileSource) => void): {
  dragging: boolean;
} {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  }, [onFiles]);

  usePastedFiles(useCallback((files: File[]) => handler.current(files, 'paste'), []));

  useEffect(() => {
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event) || modalOpen()) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      // Without this the browser opens the dropped file in place of the app.
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (modalOpen()) return;
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) handler.current(files, 'drop');
    };
    document.addEventListener('dragenter', onDragEnter);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragenter', onDragEnter);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, []);
  return { dragging };
}
