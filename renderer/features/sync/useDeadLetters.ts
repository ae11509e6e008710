import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getAppDb } from '../../db/app-db';
import {
  dismissDeadLetter,
  listRefusedLetters,
  retryDeadLetter,
  type RefusedLetter,
} from '../../db/repos/dead-letters';
import type { ActionResult } from '../../db/repos/ticket-actions';
import { getTicketActions } from './ticket-actions-runtime';
import { windowCommands } from '../maintenance/data/window-actions';

export interface DeadLetters {
  /** Each refused action with its ticket as the ERP has it now, newest first. */
  letters: RefusedLetter[];
  dismiss: (commandId: string) => void;
  /**
   * Queues the action again on the ticket as it is now; the refusal reason if it is refused again.
   * A second call for the same letter waits for the first and finds the letter gone.
   */
  retry: (commandId: string) => Promise<ActionResult>;
}

/** Actions the ERP refused for good: the user must see them (they were not applied). */
export function useDeadLetters(): DeadLetters {
  const letters = useLiveQuery(() => listRefusedLetters(getAppDb()), []) ?? [];
  const dismiss = useCallback(
    (commandId: string) => void dismissDeadLetter(getAppDb(), commandId),
    [],
  );
  const retry = useCallback(async (commandId: string): Promise<ActionResult> => {
    try {
      return await retryDeadLetter(getAppDb(), getTicketActions(), commandId, windowCommands());
    } catch (error) {
      // IndexedDB itself failed (quota, a closed database): nothing was recorded.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'local', message } };
    }
  }, []);
  return { letters, dismiss, retry };
}
