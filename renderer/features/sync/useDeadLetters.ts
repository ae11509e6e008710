import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getAppDb } from '../../db/app-db';
import { dismissDeadLetter, listDeadLetters, retryDeadLetter } from '../../db/repos/dead-letters';
import type { ActionResult } from '../../db/repos/ticket-actions';
import type { DeadLetterRow } from '../../db/schema';
import { getTicketActions } from './ticket-actions-runtime';

export interface DeadLetters {
  letters: DeadLetterRow[];
  dismiss: (commandId: string) => void;
  /** Queues the action again on the ticket as it is now; the refusal reason if it is refused again. */
  retry: (commandId: string) => Promise<ActionResult>;
}

/** Actions the ERP refused for good: the user must see them (they were not applied). */
export function useDeadLetters(): DeadLetters {
  const letters = useLiveQuery(() => listDeadLetters(getAppDb()), []) ?? [];
  const dismiss = useCallback(
    (commandId: string) => void dismissDeadLetter(getAppDb(), commandId),
    [],
  );
  const retry = useCallback(
    (commandId: string) => retryDeadLetter(getAppDb(), getTicketActions(), commandId),
    [],
  );
  return { letters, dismiss, retry };
}
