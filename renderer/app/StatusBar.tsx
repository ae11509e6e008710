import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/host/schemas';
import type { HostKind } from '../lib/host';

/**
 * The bottom bar: which host, the alert centre's toggle (here rather than floating over the page,
 * where it covered the queue's last row and links) and the version.
 */
export function StatusBar({
  hostKind,
  info,
  children,
}: {
  hostKind: HostKind;
  info: AppInfo | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <footer className="status-bar">
      <span data-testid="host-kind">
        {hostKind === 'electron' ? t('status.hostElectron') : t('status.hostBrowser')}
      </span>
      <span className="status-bar__tools">
        {children}
        {info && <span>{t('status.version', { version: info.version })}</span>}
      </span>
    </footer>
  );
}
