import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandPayload } from '@shared/erp/commands';
import type { FieldError, FormResult } from './action-forms';
import type { TicketActionType } from './available-actions';
import type { Recorded } from './FormParts';
import { describeRefusal } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { useTicketAction, type RecordThrough } from './useTicketAction';
import { redoRecorded } from '../sync/redo-request';

const NO_ERRORS: Record<string, FieldError> = {};

/**
 * A form's submit. Field errors show from the first submit on and follow the input as it is
 * corrected; the repo's refusal shows when the shared rules reject the action. `submit`
 * resolves to what was recorded, or null when nothing was. A form with a draft passes its
 * `record`, so the draft goes in the same transaction as the action. A form opened to redo a
 * refused action drops that refused action once the redone one is recorded: it has been applied
 * after all.
 */
export function useActionSubmit<T extends TicketActionType>(
  ticketId: string,
  type: T,
  input: FormResult<CommandPayload<T>>,
  through?: RecordThrough,
) {
  const { t } = useTranslation();
  const people = usePeople();
  const { perform, busy } = useTicketAction(ticketId);
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = useCallback(async (): Promise<Recorded | null> => {
    setAttempted(true);
    setRefusal(null);
    if (!input.ok) return null;
    const result = await perform(type, input.payload, through);
    if (!result.ok) {
      setRefusal(describeRefusal(result.error, people, t));
      return null;
    }
    await redoRecorded(ticketId, type);
    return { commandId: result.commandId };
  }, [perform, type, input, people, t, through, ticketId]);
  const errors = attempted && !input.ok ? input.errors : NO_ERRORS;
  return { submit, busy, errors, refusal };
}
