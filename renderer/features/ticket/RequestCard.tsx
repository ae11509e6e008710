import { useTranslation } from 'react-i18next';
import type { Organization, Ticket } from '@shared/domain/ticket';
import { PriorityTag } from './PriorityTag';
import { fixDateMail, resultMail } from './mail-template';
import { dateLocale, formatCivilDate } from './sla-format';

interface RequestCardProps {
  ticket: Ticket;
  organization: Organization | undefined;
  zone: string;
}

/** The request as registered (§4 of the regulation), and its outcome once there is one. */
export function RequestCard({ ticket, organization, zone }: RequestCardProps) {
  const { t, i18n } = useTranslation();
  const resolvedAt = ticket.events.filter((e) => e.type === 'resolved').at(-1)?.at;
  const mail =
    ticket.state === 'resolved' && ticket.result !== null && resolvedAt
      ? resultMail(ticket, { result: ticket.result, at: resolvedAt }, zone)
      : null;
  const answeredAt = ticket.events.filter((e) => e.type === 'fix_scheduled').at(-1)?.at;
  // The P4 answer's letter, while the ticket waits for the update (the result letter follows).
  const fixMail =
    ticket.state !== 'resolved' && ticket.releaseDate !== null && answeredAt
      ? fixDateMail(ticket, { releaseDate: ticket.releaseDate, at: answeredAt }, zone)
      : null;
  const long: Array<[string, string]> = [
    ['steps', ticket.steps],
    ['expected', ticket.expected],
    ['actual', ticket.actual],
    ['diagnostics', ticket.diagnostics],
  ];
  // A request registered more than 30 days after it was created says why (the intake asked).
  if (ticket.lateRegistrationReason !== undefined)
    long.push(['lateRegistrationReason', ticket.lateRegistrationReason]);

  return (
    <section className="ticket-card" aria-labelledby="ticket-request-title">
      <h2 className="ticket-card__title" id="ticket-request-title">
        {t('ticket.request.title')}
      </h2>
      {ticket.result !== null && (
        <div className="ticket-outcome" data-testid="ticket-result">
          <div className="ticket-outcome__label">{t('ticket.request.result')}</div>
          <p className="ticket-text">{ticket.result}</p>
          {mail && (
            <a className="ticket-mail-link" href={mail.href}>
              {t('ticket.forms.mailTo', { email: mail.to })}
            </a>
          )}
        </div>
      )}
      <dl className="ticket-facts">
        <div>
          <dt>{t('ticket.request.organization')}</dt>
          <dd>{organization?.name ?? ticket.organizationId}</dd>
        </div>
        <div>
          <dt>{t('ticket.request.account')}</dt>
          <dd className="ticket-mono">{ticket.account}</dd>
        </div>
        <div>
          <dt>{t('ticket.request.reporterEmail')}</dt>
          <dd>
            <a href={`mailto:${ticket.reporterEmail}`}>{ticket.reporterEmail}</a>
          </dd>
        </div>
        {ticket.initialPriority !== ticket.priority && (
          <div>
            <dt>{t('ticket.request.initialPriority')}</dt>
            <dd>
              <PriorityTag priority={ticket.initialPriority} long />
            </dd>
          </div>
        )}
        {ticket.releaseDate !== null && (
          <div>
            <dt>{t('ticket.request.releaseDate')}</dt>
            <dd>
              {formatCivilDate(ticket.releaseDate, dateLocale(i18n.language))}
              {fixMail && (
                <div>
                  <a className="ticket-mail-link" href={fixMail.href} data-testid="fix-date-mail">
                    {t('ticket.forms.mailTo', { email: fixMail.to })}
                  </a>
                </div>
              )}
            </dd>
          </div>
        )}
      </dl>
      <dl className="ticket-narrative">
        {long.map(([key, text]) => (
          <div key={key} data-testid={`ticket-request-${key}`}>
            <dt>{t(`ticket.request.${key}`)}</dt>
            <dd className="ticket-text">{text}</dd>
          </div>
        ))}
      </dl>
      {ticket.notUserSideConfirmed && (
        <p className="ticket-confirmation">
          <span aria-hidden="true">✓</span> {t('ticket.request.confirmation')}
        </p>
      )}
    </section>
  );
}
