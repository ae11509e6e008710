import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import type { ClockName, ClockState } from '@shared/sla';
import { countdownUnitMs, splitBudget } from '@shared/sla/budget-split';
import { ZonedTime } from './ZonedTime';
import { pauseMail } from './mail-template';
import { formatTarget } from './sla-format';
import { formatDuration } from '../../lib/format';

interface SlaClockProps {
  clock: ClockName;
  state: ClockState;
  ticket: Ticket;
  zone: string;
}

/** One SLA clock: status, the working time left (or overdue), its deadline, live. */
export function SlaClock({ clock, state, ticket, zone }: SlaClockProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const stopped = state.stoppedAt !== null;
  const overdue = state.remainingMs < 0;
  const label =
    clock === 'resolution' && ticket.priority === 4
      ? t('ticket.sla.resolutionP4')
      : t(`ticket.sla.${clock}`);
  const share = state.targetMs > 0 ? Math.min(1, state.elapsedMs / state.targetMs) : 1;
  const tone =
    state.status === 'breached' ? 'breach' : stopped ? 'done' : share >= 0.75 ? 'warn' : 'ok';
  // Counted and left from one split at the shown precision, so they add up to the target.
  const unitMs = stopped ? 60_000 : countdownUnitMs(state.remainingMs);
  const split = splitBudget(state.elapsedMs, state.targetMs, unitMs);
  const live = { seconds: unitMs < 60_000 };
  const openPause =
    state.status === 'paused' ? ticket.events.filter((e) => e.type === 'paused').at(-1) : undefined;
  const mail =
    openPause?.reason !== undefined
      ? pauseMail(
          ticket,
          { reason: openPause.reason, note: openPause.note ?? null, at: openPause.at },
          zone,
        )
      : null;

  return (
    <div className={`sla-clock sla-clock--${tone}`} data-testid={`sla-${clock}`}>
      <div className="sla-clock__head">
        <span className="sla-clock__label">{label}</span>
        <span className={`sla-status sla-status--${state.status}`}>
          {t(`ticket.sla.statuses.${state.status}`)}
        </span>
      </div>
      <div className="sla-clock__figure">
        {stopped && !overdue ? (
          <>
            <span className="sla-clock__value">{formatDuration(state.elapsedMs, locale)}</span>{' '}
            <span className="sla-clock__unit">{t('ticket.sla.workingTime')}</span>
          </>
        ) : stopped ? (
          <span className="sla-clock__value">
            {t('ticket.sla.breachedBy', { duration: formatDuration(split.leftMs, locale) })}
          </span>
        ) : (
          <>
            <span className="sla-clock__caption">
              {overdue ? t('ticket.sla.overdue') : t('ticket.sla.remaining')}
            </span>{' '}
            <span className="sla-clock__value" data-testid={`sla-${clock}-remaining`}>
              {formatDuration(split.leftMs, locale, live)}
            </span>
          </>
        )}
      </div>
      <div className="sla-clock__bar" aria-hidden="true">
        <span className="sla-clock__fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <dl className="sla-clock__facts">
        <dt>{t('ticket.sla.due')}</dt>
        <dd data-testid={`sla-${clock}-due`}>
          {state.dueAt ? (
            <ZonedTime iso={state.dueAt} zone={zone} />
          ) : (
            <span className="ticket-muted">{t('ticket.sla.dueUnknown')}</span>
          )}
        </dd>
        {state.stoppedAt && (
          <>
            <dt>{t('ticket.sla.stopped')}</dt>
            <dd>
              <ZonedTime iso={state.stoppedAt} zone={zone} />
            </dd>
          </>
        )}
      </dl>
      <p className="sla-clock__note">
        {t('ticket.sla.counted', {
          elapsed: formatDuration(split.countedMs, locale, { seconds: live.seconds && 'always' }),
          target: formatTarget(state.targetMs, locale),
        })}
      </p>
      {state.status === 'waiting' && (
        <p className="sla-clock__note">{t('ticket.sla.waitingHint')}</p>
      )}
      {openPause?.reason && (
        <p className="sla-clock__note">
          {t('ticket.sla.pausedBecause', { reason: t(`ticket.pauseReasons.${openPause.reason}`) })}
          {openPause.note ? ` — ${openPause.note}` : ''}
          {mail && (
            <>
              {' '}
              <a className="ticket-mail-link" href={mail.href}>
                {t('ticket.forms.mailTo', { email: mail.to })}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
