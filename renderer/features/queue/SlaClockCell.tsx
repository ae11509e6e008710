import { useTranslation } from 'react-i18next';
import { workResumesAt, type ClockState, type SlaTicket } from '@shared/sla';
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
    case 'breached':
      main = `−${left}`;
      moment = when(state.stoppedAt ?? state.dueAt!);
      label = t(state.stoppedAt ? 'sla.breachedAt' : 'sla.expiredAt', { time: moment.customer });
      title = t('sla.overdue', { time: left });
      break;
    case 'paused': {
      const pause = [...sla.events].reverse().find((event) => event.type === 'paused');
      // "paused" beside the budget, the reason below it: the reason alone fits the column.
      main = `${left} · ${t('sla.paused')}`;
      label = pause?.reason ? t(`sla.reasonsShort.${pause.reason}`) : '';
      title = t('sla.pausedFor', { reason: pause?.reason ? t(`sla.reasons.${pause.reason}`) : '' });
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
