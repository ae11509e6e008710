import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ProductMark } from '../components/ProductMark';
import { SyncStatus } from '../features/sync/SyncStatus';
import { hrefOf, useRoute } from './route';

export function AppHeader({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  const onDiagnostics = useRoute().name === 'diagnostics';
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
        <SyncStatus settings={settings} />
        <a
          className="app-header__link"
          href={hrefOf({ name: 'diagnostics' })}
          aria-current={onDiagnostics ? 'page' : undefined}
        >
          {t('diagnostics.link')}
        </a>
        <LanguageSwitch />
      </div>
    </header>
  );
}
