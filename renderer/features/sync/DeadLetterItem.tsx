import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, navigate } from '../../app/route';
import type { ActionResult } from '../../db/repos/ticket-actions';
import type { RefusedLetter } from '../../db/repos/dead-letters';
import { quote } from '../../lib/quotes';
import { intakeFromRefused } from '../intake/intake-from-refused';
import { intakeDraftHasInput, replaceIntakeDraft } from '../intake/intake-redo';
import { describeRefusal, personLabel } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { dateLocale, formatDateTime, offsetLabel } from '../ticket/sla-format';
import { TypedTextBlock } from './TypedTextBlock';
import { describeRefusedAction, type RefusedAction } from './refused-action';
import { useRedoStore } from './redo-request';

interface DeadLetterItemProps {
  refused: RefusedLetter;
  retry: (commandId: string) => Promise<ActionResult>;
  dismiss: (commandId: string) => void;
}

const ASSIGNMENT_CODES = new Set(['assigned_elsewhere', 'assignment_changed']);

/**
 * One refused action: the ticket, what was refused and why in the user's words (the ERP's own
 * text under "details", for diagnostics), who changed the ticket meanwhile, what the user typed
 * (copyable), and only the buttons that can succeed. Buttons wait while a retry is written, so a
 * quick second click cannot send or drop it twice.
 */
export function DeadLetterItem({ refused, retry, dismiss }: DeadLetterItemProps) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const { letter, ticket } = refused;
  const action = describeRefusedAction(letter, ticket);
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'discard' | 'replaceIntake' | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'ru';

  const sendAgain = async () => {
    setBusy(true);
    try {
      const result = await retry(letter.commandId);
      setRetryError(result.ok ? null : describeRefusal(result.error, people, t));
    } finally {
      setBusy(false);
    }
  };
  const redo = async () => {
    if (!action.redo) return;
    const registration = action.redo.form === 'create';
    // The intake may hold another request being typed: replacing it asks first.
    if (registration && confirming === null && (await intakeDraftHasInput())) {
      setConfirming('replaceIntake');
      return;
    }
    useRedoStore.getState().requestRedo({
      ticketId: letter.ticketId,
      commandId: letter.commandId,
      form: action.redo.form,
      prefill: action.redo.prefill,
    });
    if (registration) {
      await replaceIntakeDraft(intakeFromRefused(letter.payload, refused.timeZone));
      navigate({ name: 'intake' });
    } else navigate({ name: 'ticket', ticketId: letter.ticketId });
  };
  const discard = () => {
    if (action.typed.length > 0 && confirming === null) setConfirming('discard');
    else dismiss(letter.commandId);
  };

  const title = refused.title === null ? null : quote(refused.title, language);
  const maintenance = refused.window;
  const ticketName =
    title === null
      ? t('deadLetters.ticketUnknown')
      : refused.number === null
        ? t('deadLetters.ticketUnnumbered', { title })
        : t('deadLetters.ticket', { number: refused.number, title });
  // A conflict about who has the ticket names that person (when the ERP said who).
  const reason =
    ASSIGNMENT_CODES.has(letter.error.code) && letter.error.holder !== undefined
      ? describeRefusal(letter.error, people, t)
      : t(`deadLetters.reasons.${action.reason.key}`, {
          ...action.reason.values,
          code: letter.error.code,
        });

  return (
    <li className="dead-letter" data-testid="dead-letter" aria-busy={busy}>
      <div className="dead-letter__head">
        {maintenance === undefined ? (
          <a
            className="dead-letter__ticket"
            href={hrefOf({ name: 'ticket', ticketId: letter.ticketId })}
            data-testid="dead-letter-ticket"
          >
            {ticketName}
          </a>
        ) : (
          <span className="dead-letter__ticket" data-testid="dead-letter-window">
            {maintenance === null
              ? t('deadLetters.windowUnknown')
              : t('deadLetters.window', {
                  organization: maintenance.organization ?? t('deadLetters.windowNoOrganization'),
                  from: formatDateTime(
                    maintenance.startsAt,
                    refused.timeZone ?? 'UTC',
                    dateLocale(language),
                  ),
                  to: formatDateTime(
                    maintenance.endsAt,
                    refused.timeZone ?? 'UTC',
                    dateLocale(language),
                  ),
                })}
          </span>
        )}
        <span className="dead-letter__what">
          {t('deadLetters.notApplied', { action: t(`deadLetters.types.${letter.type}`) })}
        </span>
      </div>
      <p className="dead-letter__reason" data-testid="dead-letter-reason">
        {retryError ?? reason}
      </p>
      <ChangesMeanwhile action={action} zone={refused.timeZone} />
      {action.typed.map((typed) => (
        <TypedTextBlock
          key={typed.field}
          label={t('deadLetters.typed', { field: t(`deadLetters.fields.${typed.field}`) })}
          text={typed.text}
        />
      ))}
      <details className="dead-letter__details">
        <summary>{t('deadLetters.details')}</summary>
        <code data-testid="dead-letter-erp-message">
          {letter.error.code}: {letter.error.message}
        </code>
      </details>
      {confirming ? (
        <div className="dead-letter__buttons" role="group">
          <span className="dead-letter__confirm">
            {confirming === 'discard'
              ? t('deadLetters.discardConfirm')
              : t('deadLetters.replaceIntakeConfirm')}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={confirming === 'discard' ? discard : () => void redo()}
          >
            {confirming === 'discard' ? t('deadLetters.discardYes') : t('deadLetters.replaceYes')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            autoFocus
            onClick={() => setConfirming(null)}
          >
            {t('deadLetters.discardNo')}
          </button>
        </div>
      ) : (
        <div className="dead-letter__buttons">
          {action.canRetry && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              onClick={() => void sendAgain()}
            >
              {t('deadLetters.retry')}
            </button>
          )}
          {action.redo && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              onClick={() => void redo()}
            >
              {action.redo.asComment
                ? t('deadLetters.asComment')
                : action.kind === 'invalid'
                  ? t('deadLetters.correct')
                  : t('deadLetters.redo')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={busy}
            onClick={discard}
          >
            {action.typed.length > 0 ? t('deadLetters.discard') : t('deadLetters.dismiss')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Who changed the ticket after the version the refused action was based on, newest last. */
function ChangesMeanwhile({ action, zone }: { action: RefusedAction; zone: string | null }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  if (action.changes.length === 0) return null;
  const locale = dateLocale(i18n.language);
  return (
    <div className="dead-letter__changes">
      <span>{t('deadLetters.changesTitle')}</span>
      <ul data-testid="dead-letter-changes">
        {action.changes.map((change) => (
          <li key={change.commandId}>
            <strong>
              {change.authorId === null
                ? change.author
                : personLabel(change.authorId, people, t('deadLetters.you'), change.author)}
            </strong>
            {' — '}
            {change.what.map((what) => t(`deadLetters.changes.${what}`)).join(', ')}
            {zone && (
              <span className="dead-letter__when">
                {', '}
                <time dateTime={change.at}>{formatDateTime(change.at, zone, locale)}</time>{' '}
                {offsetLabel(change.at, zone, locale)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
