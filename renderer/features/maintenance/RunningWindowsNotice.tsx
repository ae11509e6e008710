import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { useNowEvery } from '../../lib/useNow';
import { useOrganizations } from '../intake/useOrganizations';
import { useMaintenanceWindows } from './data/useMaintenanceWindows';
import { runningWindows, type WindowView } from './window-groups';
import { untilText, utcOffsetText } from './window-text';
import './maintenance.css';

const STEP_MS = 10_000;

/** The queue's header line while any organization's window runs. */
export function RunningWindowsNotice() {
  const windows = useMaintenanceWindows();
  const organizations = useOrganizations();
  const now = useNowEvery(STEP_MS);
  if (!windows || !organizations) return null;
  return <RunningWindowsLine windows={windows} organizations={organizations} nowMs={now} />;
}

export function RunningWindowsLine({
  windows,
  organizations,
  nowMs,
}: {
  windows: readonly WindowView[];
  organizations: readonly Organization[];
  nowMs: number;
}) {
  const { t, i18n } = useTranslation();
  const running = runningWindows(windows, nowMs);
  if (running.length === 0) return null;
  return (
    <ul
      className="maintenance-running"
      data-testid="queue-running-windows"
      aria-label={t('maintenance.list.running')}
    >
      {running.map((window) => {
        const organization = organizations.find((o) => o.id === window.organizationId);
        const zone = organization?.timeZone ?? 'UTC';
        return (
          <li key={window.id} className="maintenance-running__item">
            {t('maintenance.queue.running', {
              organization: organization?.name ?? window.organizationId,
              until: `${untilText(window.endsAt, nowMs, zone, i18n.language)} ${utcOffsetText(window.endsAt, zone)}`,
              mode: t(`maintenance.modes.${window.mode}`),
            })}
          </li>
        );
      })}
    </ul>
  );
}
