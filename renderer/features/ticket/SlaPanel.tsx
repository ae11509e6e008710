import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toSlaTicket, type Organization, type Ticket } from '@shared/domain/ticket';
import { evaluateSla, type SlaEvaluation } from '@shared/sla';
import { useNow } from '../../lib/useNow';
import { SlaClock } from './SlaClock';
import './ticket-sla.css';

interface SlaPanelProps {
  ticket: Ticket;
  organization: Organization | undefined;
  explaining: boolean;
  /** Id of the explanation card the toggle shows and hides. */
  explainId: string;
  onToggleExplain: () => void;
}

type Evaluated = { ok: true; value: SlaEvaluation } | { ok: false; message: string };

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
      // A clock set before the ticket's creation, or data the engine refuses: say so, don't crash.
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
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
        <p className="ticket-error" role="alert">
          {t('ticket.sla.error', { message: evaluated.message })}
        </p>
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
        </>
      )}
    </section>
  );
}
