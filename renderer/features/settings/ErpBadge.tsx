import { useTranslation } from 'react-i18next';
import type { ErpSettings } from '@shared/host/schemas';
import { hostOfAddress } from './settings-format';

/** Which ERP the window works with, in the header: the demo is always called the demo. */
export function ErpBadge({ erp }: { erp: ErpSettings }) {
  const { t } = useTranslation();
  const demo = erp.mode === 'demo';
  return (
    <span
      className={`erp-badge${demo ? ' erp-badge--demo' : ''}`}
      data-testid="erp-kind"
      title={demo ? t('settings.header.erpDemoHint') : (erp.baseUrl ?? undefined)}
    >
      {erp.mode === 'configured' && erp.baseUrl !== null
        ? t(erp.kind === 'redmine' ? 'settings.redmine.badge' : 'settings.header.erpRemote', {
            host: hostOfAddress(erp.baseUrl),
          })
        : demo
          ? t('settings.header.erpDemo')
          : t('settings.header.erpUnset')}
    </span>
  );
}
