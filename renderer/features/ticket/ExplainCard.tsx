import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toSlaTicket, type Organization, type Ticket } from '@shared/domain/ticket';
import { explainSla } from '@shared/sla';
import { useNow } from '../../lib/useNow';
import { SlaErrorNotice } from '../sla-error/SlaErrorNotice';
import { slaProblemOf, type SlaProblem } from '../sla-error/sla-error';
import { LedgerRows } from './LedgerRows';
import { ZonedTime } from './ZonedTime';
import { buildExplanationView, type ClockLedger, type ExplanationView } from './explain-view-model';
import { formatTarget } from './sla-format';
import { formatDuration } from '../../lib/format';
import './ticket-sla.css';

interface ExplainCardProps {
  ticket: Ticket;
  organization: Organization;
  onClose: () => void;
}

/** "Explain this deadline": for each clock, what was counted and what was skipped, and why. */
export function ExplainCard({ ticket, organization, onClose }: ExplainCardProps) {
  const { t } = useTranslation();
  const now = new Date(useNow()).toISOString();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const slaTicket = useMemo(() => toSlaTicket(ticket, organization), [ticket, organization]);
  const view = useMemo((): ExplanationView | SlaProblem => {
    try {
      return buildExplanationView(explainSla(slaTicket, now), now);
    } catch (error) {
      return slaProblemOf(error);
    }
  }, [slaTicket, now]);

  return (
    <section
      className="ticket-card explain"
      aria-labelledby="ticket-explain-title"
      data-testid="sla-explain"
    >
      <div className="explain__head">
        <h2 className="ticket-card__title" id="ticket-explain-title" tabIndex={-1} ref={heading}>
          {t('ticket.explain.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('ticket.explain.close')}
        </button>
      </div>
      {'code' in view ? (
        <SlaErrorNotice
          variant="panel"
          facts={{ ticketId: ticket.id, number: ticket.number, sla: slaTicket, problem: view }}
        />
      ) : (
        <>
          <p className="explain__intro">
            {view.schedule === '24x7'
              ? t('ticket.explain.introRoundTheClock')
              : t('ticket.explain.intro', { zone: view.timeZone })}
          </p>
          {view.assumedYears.length > 0 && (
            <p className="ticket-error" data-testid="explain-assumed-years">
              {t('ticket.explain.assumedYears', {
                count: view.assumedYears.length,
                years: view.assumedYears.join(', '),
                calendar: view.calendar,
              })}
            </p>
          )}
          <div className="explain__clocks">
            {view.clocks.map((ledger) => (
              <ClockLedgerView key={ledger.clock} ledger={ledger} zone={view.timeZone} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function ClockLedgerView({ ledger, zone }: { ledger: ClockLedger; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const duration = (ms: number) => formatDuration(ms, locale);
  const target =
    ledger.extensionMs > 0
      ? t('ticket.explain.targetWithExtension', {
          base: formatTarget(ledger.baseTargetMs, locale),
          extension: formatTarget(ledger.extensionMs, locale),
        })
      : formatTarget(ledger.targetMs, locale);
  const { skipped } = ledger;
  const summary: Array<[string, string]> = [
    [t('ticket.explain.sumCounted'), duration(ledger.countedMs)],
  ];
  if (ledger.state.stoppedAt === null && ledger.projectedMs > 0)
    summary.push([t('ticket.explain.sumProjected'), duration(ledger.projectedMs)]);
  if (skipped.holidayDays > 0)
    summary.push([
      t('ticket.explain.sumHolidays'),
      t('ticket.explain.days', { count: skipped.holidayDays }),
    ]);
  if (skipped.weekendDays > 0)
    summary.push([
      t('ticket.explain.sumWeekends'),
      t('ticket.explain.days', { count: skipped.weekendDays }),
    ]);
  if (skipped.shortDayMs > 0)
    summary.push([t('ticket.explain.sumShort'), duration(skipped.shortDayMs)]);
  if (skipped.pausedMs > 0)
    summary.push([t('ticket.explain.sumPaused'), duration(skipped.pausedMs)]);
  if (skipped.resolvedMs > 0)
    summary.push([t('ticket.explain.sumResolved'), duration(skipped.resolvedMs)]);

  return (
    <section className="explain__clock" data-testid={`explain-${ledger.clock}`}>
      <h3 className="explain__clock-title">
        <span>{t(`ticket.sla.${ledger.clock}`)}</span>
        <span className="explain__target">
          {t('ticket.explain.target')}: {target}
        </span>
        {ledger.state.dueAt && (
          <span className="explain__due">
            {t('ticket.explain.markers.due')}: <ZonedTime iso={ledger.state.dueAt} zone={zone} />
          </span>
        )}
      </h3>
      <table className="ledger">
        <thead>
          <tr>
            <th scope="col">{t('ticket.explain.colDate')}</th>
            <th scope="col">{t('ticket.explain.colTime')}</th>
            <th scope="col" className="ledger__num">
              {t('ticket.explain.colCounted')}
            </th>
            <th scope="col" className="ledger__num">
              {t('ticket.explain.colTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          <LedgerRows rows={ledger.rows} zone={zone} />
        </tbody>
      </table>
      <dl className="explain__summary" data-testid={`explain-${ledger.clock}-summary`}>
        {summary.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
