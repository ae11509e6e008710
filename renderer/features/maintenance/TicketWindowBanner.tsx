import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { useNowEvery } from '../../lib/useNow';
import { useMaintenanceWindows } from './data/useMaintenanceWindows';
import { windowsForTicket, type WindowView } from './window-groups';
import { intervalText, untilText, utcOffsetText } from './window-text';
import './maintenance.css';

/** A window starts and ends on a minute; this step shows it within seconds of the moment. */
const STEP_MS = 10_000;

/** On a ticket page: the organization's window running now, or starting within 24 hours. */
export function TicketWindowBanner({ organization }: { organization: Organization }) {
  const windows = useMaintenanceWindows({ organizationId: organization.id });
  const now = useNowEvery(STEP_MS);
  if (!windows) return null;
  return <TicketWindowNotices windows={windows} organization={organization} nowMs={now} />;
}

export function TicketWindowNotices({
  windows,
  organization,
  nowMs,
}: {
  windows: readonly WindowView[];
  organization: Pick<Organization, 'timeZone'>;
  nowMs: number;
}) {
  const { t, i18n } = useTranslation();
  const { running, soon } = windowsForTicket(windows, nowMs);
  const zone = organization.timeZone;
  if (running.length === 0 && soon.length === 0) return null;
  return (
    <div className="maintenance-ticket" data-testid="ticket-window-banner">
      {running.map((window) => (
        <p
          key={window.id}
          className="banner banner--inline banner--warn maintenance-ticket__running"
          role="status"
        >
          {t('maintenance.ticket.running', {
            until: untilText(window.endsAt, nowMs, zone, i18n.language),
            offset: utcOffsetText(window.endsAt, zone),
            mode: t(`maintenance.modes.${window.mode}`),
            unavailable: window.unavailable,
          })}
        </p>
      ))}
      {soon.map((window) => (
        <p key={window.id} className="banner banner--inline maintenance-ticket__soon">
          {t('maintenance.ticket.upcoming', {
            when: intervalText(window, zone, i18n.language),
            mode: t(`maintenance.modes.${window.mode}`),
            unavailable: window.unavailable,
          })}
        </p>
      ))}
    </div>
  );
}
