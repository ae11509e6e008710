import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ProductMark } from '../components/ProductMark';
import { SyncStatus } from '../features/sync/SyncStatus';

export function AppHeader({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
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
        <LanguageSwitch />
      </div>
    </header>
  );
}
