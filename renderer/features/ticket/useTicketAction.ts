import { useCallback, useState } from 'react';
import type { CommandPayload } from '@shared/erp/commands';
import type { ActionResult } from '../../db/repos/ticket-actions';
import { getTicketActions } from '../sync/ticket-actions-runtime';
import type { TicketActionType } from './available-actions';

/** Runs the recording, possibly inside a wider transaction (one that also drops the form's draft). */
export type RecordThrough = (record: () => Promise<ActionResult>) => Promise<ActionResult>;

const directly: RecordThrough = (record) => record();

/**
 * Performs one action on the ticket: written locally with its outbox row in one transaction, so
 * it works offline; the sync engine sends it when it can. `busy` while the write is in flight.
 */
export function useTicketAction(ticketId: string): {
  perform: <T extends TicketActionType>(
    type: T,
    payload: CommandPayload<T>,
    through?: RecordThrough,
  ) => Promise<ActionResult>;
  busy: boolean;
} {
  const [busy, setBusy] = useState(false);
  const perform = useCallback(
    async <T extends TicketActionType>(
      type: T,
      payload: CommandPayload<T>,
      through: RecordThrough = directly,
    ) => {
      setBusy(true);
      try {
        return await through(() => getTicketActions().perform(type, ticketId, payload));
      } catch (error) {
        // IndexedDB itself failed (quota, a closed database): nothing was recorded.
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'local', message } } satisfies ActionResult;
      } finally {
        setBusy(false);
      }
    },
    [ticketId],
  );
  return { perform, busy };
}
