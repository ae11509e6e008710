import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ProductMark } from '../components/ProductMark';
import { ErpBadge } from '../features/settings/ErpBadge';
import { SyncStatus } from '../features/sync/SyncStatus';
import { hrefOf, useRoute } from './route';

interface AppHeaderProps {
  settings: Settings | null;
  /** Who the ERP knows this app as (identity work), shown right after which ERP it is. */
  signedInAs?: ReactNode;
}

export function AppHeader({ settings, signedInAs }: AppHeaderProps) {
  const { t } = useTranslation();
  const route = useRoute().name;
  // Before an ERP is chosen there is nothing to sync (and no database to open for it).
  const erpChosen = settings?.erp.mode !== 'unset';
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <ProductMark />
        <span className="app-header__product">{t('app.product')}</span>
        <span className="app-header__separator" aria-hidden="true">
          ·
        </span>
        <span className="app-header__service">{t('app.service')}</span>
      </div>
      <div className="app-header__tools">
        {erpChosen && <SyncStatus />}
        <div className="app-header__who">
          {settings && <ErpBadge erp={settings.erp} />}
          {signedInAs}
        </div>
        <a
          className="app-header__link"
          href={hrefOf({ name: 'settings' })}
          aria-current={route === 'settings' ? 'page' : undefined}
        >
          {t('settings.link')}
        </a>
        {erpChosen && (
          <a
            className="app-header__link"
            href={hrefOf({ name: 'reports' })}
            aria-current={route === 'reports' ? 'page' : undefined}
          >
            {t('reports.link')}
          </a>
        )}
        {erpChosen && (
          <a
            className="app-header__link"
            href={hrefOf({ name: 'maintenance' })}
            aria-current={route === 'maintenance' ? 'page' : undefined}
          >
            {t('maintenance.link')}
          </a>
        )}
        {erpChosen && (
          <a
            className="app-header__link"
            href={hrefOf({ name: 'diagnostics' })}
            aria-current={route === 'diagnostics' ? 'page' : undefined}
          >
            {t('diagnostics.link')}
          </a>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
