import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/host/schemas';
import type { HostKind } from '../lib/host';

export function StatusBar({ hostKind, info }: { hostKind: HostKind; info: AppInfo | null }) {
  const { t } = useTranslation();
  return (
    <footer className="status-bar">
      <span data-testid="host-kind">
        {hostKind === 'electron' ? t('status.hostElectron') : t('status.hostBrowser')}
      </span>
      {info && <span>{t('status.version', { version: info.version })}</span>}
    </footer>
  );
}
