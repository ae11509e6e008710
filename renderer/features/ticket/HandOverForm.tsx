import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { isMine } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { ActionFormFrame, Field, useFieldError, type ActionFormProps } from './FormParts';
import { validateHandOver } from './action-forms';
import { useActionSubmit } from './useActionSubmit';
import { prefilledText } from '../sync/redo-request';

/**
 * "Hand over": the ticket goes to a colleague (an active member of the team as the ERP lists
 * it). Offline too: the colleague gets it with the next sync of both devices.
 */
export function HandOverForm({ ticket, onClose }: ActionFormProps & { ticket: Ticket }) {
  const { t } = useTranslation();
  const id = useId();
  const people = usePeople();
  const [to, setTo] = useState(() => prefilledText(ticket.id, 'assign', 'to'));
  const colleagues = useMemo(
    () =>
      [...people.team.values()]
        .filter((user) => user.active && user.id !== ticket.assignee)
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    [people.team, ticket.assignee],
  );
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'assign',
    validateHandOver({ to, current: ticket.assignee }),
  );
  const submitAndClose = () => void submit().then((done) => done && onClose(done));
  const errorOf = useFieldError(errors);
  return (
    <ActionFormFrame
      title={t('ticket.forms.handOverTitle')}
      submitLabel={t('ticket.forms.handOverSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={submitAndClose}
      onClose={onClose}
    >
      <Field
        id={`${id}-to`}
        label={t('ticket.forms.handOverTo')}
        error={errorOf('to')}
        hint={
          colleagues.length === 0
            ? t('ticket.forms.handOverNobody')
            : t('ticket.forms.handOverHint')
        }
      >
        {(control) => (
          <select
            {...control}
            className="select"
            value={to}
            autoFocus
            onChange={(event) => setTo(event.target.value)}
          >
            <option value="">{t('ticket.forms.handOverPlaceholder')}</option>
            {colleagues.map((user) => (
              <option key={user.id} value={user.id}>
                {isMine(user.id, people.me)
                  ? t('ticket.forms.handOverMe', { name: user.name })
                  : user.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionFormFrame>
  );
}
