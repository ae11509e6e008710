import { useTranslation } from 'react-i18next';
import { workResumesAt, type ClockState, type SlaTicket } from '@shared/sla';
import { currentPause, type CurrentPause } from '@shared/domain/current-pause';
import { formatCalendarSpan } from '../../lib/calendar-span';
import { formatCustomerInstant, formatDuration } from '../../lib/format';
import { NEAR_DEADLINE_LEVEL } from '@shared/queue/queue-entry';
import { countdownUnitMs, splitBudget } from '@shared/sla/budget-split';

interface SlaClockCellProps {
  sla: SlaTicket;
  state: ClockState;
  /** The customer's zone, where the regulation counts. */
  timeZone: string;
  /** This computer's zone, for the engineer's own reading. */
  ownZone: string;
  /** ERP time the state was evaluated at. */
  now: number;
}

/** One clock of one visible row: what is left (or overdue), and until when, in both zones. */
export function SlaClockCell({ sla, state, timeZone, ownZone, now }: SlaClockCellProps) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    formatCustomerInstant(Date.parse(iso), timeZone, i18n.language, ownZone, now);
  // The same split and precision as the ticket page (seconds in the last hour, so a countdown
  // visibly ticks); whole hours from 100 h on, where minutes are noise.
  const { leftMs } = splitBudget(
    state.elapsedMs,
    state.targetMs,
    countdownUnitMs(state.remainingMs),
  );
  const left = formatDuration(leftMs, i18n.language, {
    seconds: true,
    wholeHoursFrom: 100,
  });

  // The row has room for how long and why (short); since when and the full reason go in the
  // tooltip (and on the ticket page).
  const pauseLength = (pause: CurrentPause) =>
    t('sla.pausedLength', {
      time: formatCalendarSpan(now - Date.parse(pause.since), i18n.language),
    });
  const pausedSince = (pause: CurrentPause) =>
    t('sla.pausedSince', {
      time: when(pause.since).customer,
      reason: pause.reason ? t(`sla.reasons.${pause.reason}`) : '',
    });

  let main = left;
  let label: string;
  let moment: { customer: string; own: string | null } | null = null;
  let tone: string = state.status;
  let title: string | null = null;
  switch (state.status) {
    case 'met':
      main = t('sla.met');
      moment = when(state.stoppedAt!);
      label = t('sla.metAt', { time: moment.customer });
      break;
    case 'breached': {
      main = `−${left}`;
      moment = when(state.stoppedAt ?? state.dueAt!);
      label = t(state.stoppedAt ? 'sla.breachedAt' : 'sla.expiredAt', { time: moment.customer });
      title = t('sla.overdue', { time: left });
      // Breached before a pause: the overdue time stays the headline, the pause is the detail.
      const pause = state.stoppedAt === null ? currentPause(sla.events) : null;
      if (pause) {
        title = [title, label, pausedSince(pause)].join(' · ');
        label = pauseLength(pause);
      }
      break;
    }
    case 'paused': {
      // What moves during a pause is its length, not the budget: for how long, and why.
      const pause = currentPause(sla.events);
      if (!pause) {
        label = t('sla.pausedFor', { reason: '' });
        break;
      }
      main = pauseLength(pause);
      label = pause.reason ? t(`sla.reasonsShort.${pause.reason}`) : '';
      title = [pausedSince(pause), t('sla.pausedBudget', { time: left })].join(' · ');
      break;
    }
    case 'waiting':
      moment = when(workResumesAt(sla, new Date(now)));
      label = t('sla.waitingUntil', { time: moment.customer });
      title = t('sla.waitingHint');
      break;
    case 'running':
      moment = when(state.dueAt!);
      label = t('sla.due', { time: moment.customer });
      break;
  }
  if (
    (state.status === 'running' || state.status === 'waiting') &&
    state.elapsedMs >= NEAR_DEADLINE_LEVEL * state.targetMs
  ) {
    tone = `${state.status} queue-clock--near`;
  }
  const own = moment?.own ? t('sla.yourTime', { time: moment.own }) : null;
  const fullText = [title, label, own].filter(Boolean).join(' · ');
  return (
    <div className={`queue-clock queue-clock--${tone}`} title={fullText} data-status={state.status}>
      {/* The engineer's own reading goes on the first line, beside the short amount, so the
          customer's instant below always fits the column. */}
      <span className="queue-clock__line">
        <span className="queue-clock__main">{main}</span>
        {own && <span className="queue-clock__own"> · {own}</span>}
      </span>
      <span className="queue-clock__detail">{label}</span>
    </div>
  );
}
