import { useTranslation } from 'react-i18next';
import type { AlertNotice } from '@shared/alerts/schemas';
import { navigate } from '../../app/route';
import { formatClock } from '../../lib/format';

/** One desk notification as the window shows it: in a toast and in the alert list alike. */
export function AlertNoticeCard({
  notice,
  onDismiss,
  onOpened,
}: {
  notice: AlertNotice;
  onDismiss?: () => void;
  onOpened?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [organization, ...rest] = notice.body.split('\n');
  const ticketId = notice.ticketId;
  return (
    <article className={`alert-card alert-card--${notice.severity}`} data-testid="alert-card">
      <div className="alert-card__head">
        <strong className="alert-card__title">{notice.title}</strong>
        <time className="alert-card__time" dateTime={notice.shownAt}>
          {formatClock(notice.shownAt, i18n.language)}
        </time>
      </div>
      {notice.kind === 'ticket' ? (
        <>
          <p className="alert-card__organization">{organization}</p>
          <p className="alert-card__detail">{rest.join(' ')}</p>
        </>
      ) : (
        notice.body.split('\n').map((line) => (
          <p key={line} className="alert-card__detail">
            {line}
          </p>
        ))
      )}
      {(ticketId !== null || onDismiss) && (
        <div className="alert-card__actions">
          {ticketId !== null && (
            <button
              type="button"
              className="button"
              onClick={() => {
                navigate({ name: 'ticket', ticketId });
                onOpened?.();
              }}
            >
              {t('alerts.openTicket')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button--quiet" onClick={onDismiss}>
              {t('alerts.dismiss')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
