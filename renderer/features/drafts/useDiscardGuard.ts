import { useCallback, useRef, useState } from 'react';
import type { FormDraft } from './useFormDraft';

/**
 * «Отмена» on a form with a draft: a blank form closes at once; one with typed text asks first
 * (`asking` renders the dialog). Keeping returns the focus where it was.
 */
export function useDiscardGuard(
  draft: Pick<FormDraft<never>, 'blank' | 'discard'>,
  close: () => void,
) {
  const [asking, setAsking] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const requestClose = useCallback(() => {
    if (draft.blank) {
      // Blank may still hold a draft of only spaces: leave nothing behind.
      void draft.discard().then(close);
      return;
    }
    returnFocus.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(true);
  }, [draft, close]);
  const keep = useCallback(() => {
    setAsking(false);
    const target = returnFocus.current;
    requestAnimationFrame(() => target?.isConnected && target.focus());
  }, []);
  const discard = useCallback(() => {
    setAsking(false);
    void draft.discard().then(close);
  }, [draft, close]);
  return { asking, requestClose, keep, discard };
}
