import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandPayload } from '@shared/erp/commands';
import type { FieldError, FormResult } from './action-forms';
import type { TicketActionType } from './available-actions';
import { describeRefusal } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { useTicketAction } from './useTicketAction';
import { redoRecorded } from '../sync/redo-request';

const NO_ERRORS: Record<string, FieldError> = {};

/**
 * A form's submit. Field errors show from the first submit on and follow the input as it is
 * corrected; the repo's refusal shows when the shared rules reject the action. `submit`
 * resolves true once the action is recorded. A form opened to redo a refused action drops that
 * refused action once the redone one is recorded: it has been applied after all.
 */
export function useActionSubmit<T extends TicketActionType>(
  ticketId: string,
  type: T,
  input: FormResult<CommandPayload<T>>,
) {
  const { t } = useTranslation();
  const people = usePeople();
  const { perform, busy } = useTicketAction(ticketId);
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = useCallback(async (): Promise<boolean> => {
    setAttempted(true);
    setRefusal(null);
    if (!input.ok) return false;
    const result = await perform(type, input.payload);
    if (!result.ok) {
      setRefusal(describeRefusal(result.error, people, t));
      return false;
    }
    await redoRecorded(ticketId, type);
    return true;
  }, [perform, type, input, people, t, ticketId]);
  const errors = attempted && !input.ok ? input.errors : NO_ERRORS;
  return { submit, busy, errors, refusal };
}
