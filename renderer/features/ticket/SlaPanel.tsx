import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toSlaTicket, type Organization, type Ticket } from '@shared/domain/ticket';
import { evaluateSla, type SlaEvaluation } from '@shared/sla';
import { useNow } from '../../lib/useNow';
import { SlaErrorNotice } from '../sla-error/SlaErrorNotice';
import { slaProblemOf, type SlaProblem } from '../sla-error/sla-error';
import { SlaClock } from './SlaClock';
import { EvidencePackButton } from '../evidence/EvidencePackButton';
import './ticket-sla.css';

interface SlaPanelProps {
  ticket: Ticket;
  organization: Organization | undefined;
  explaining: boolean;
  /** Id of the explanation card the toggle shows and hides. */
  explainId: string;
  onToggleExplain: () => void;
}

type Evaluated = { ok: true; value: SlaEvaluation } | { ok: false; problem: SlaProblem };

/** Both clocks, live (one shared 1-second clock), and the toggle of "explain this deadline". */
export function SlaPanel(props: SlaPanelProps) {
  const { ticket, organization, explaining, explainId, onToggleExplain } = props;
  const { t } = useTranslation();
  const now = new Date(useNow()).toISOString();
  const slaTicket = useMemo(
    () => (organization ? toSlaTicket(ticket, organization) : null),
    [ticket, organization],
  );

  const evaluated = useMemo((): Evaluated | null => {
    if (!slaTicket) return null;
    try {
      return { ok: true, value: evaluateSla(slaTicket, now) };
    } catch (error) {
      // Data the engine refuses (or a clock before the ticket's creation): say why, don't crash.
      return { ok: false, problem: slaProblemOf(error) };
    }
  }, [slaTicket, now]);

  return (
    <section className="ticket-card ticket-sla" aria-labelledby="ticket-sla-title">
      <h2 className="ticket-card__title" id="ticket-sla-title">
        {t('ticket.sla.title')}
      </h2>
      {!evaluated ? (
        <p className="ticket-muted">{t('ticket.sla.noOrganization')}</p>
      ) : !evaluated.ok ? (
        <SlaErrorNotice
          variant="panel"
          facts={{
            ticketId: ticket.id,
            number: ticket.number,
            sla: slaTicket,
            problem: evaluated.problem,
          }}
        />
      ) : (
        <>
          <SlaClock
            clock="reaction"
            state={evaluated.value.reaction}
            ticket={ticket}
            zone={organization!.timeZone}
          />
          <SlaClock
            clock="resolution"
            state={evaluated.value.resolution}
            ticket={ticket}
            zone={organization!.timeZone}
          />
          <button
            type="button"
            id={`${explainId}-toggle`}
            className="button ticket-sla__explain"
            aria-expanded={explaining}
            aria-controls={explainId}
            onClick={onToggleExplain}
          >
            {t('ticket.explain.open')}
          </button>
          <EvidencePackButton ticketId={ticket.id} />
        </>
      )}
    </section>
  );
}
