import { useTranslation } from 'react-i18next';

export function IntakePage() {
  const { t } = useTranslation();
  return (
    <div className="intake-page">
      <h1>{t('intake.title')}</h1>
    </div>
  );
}
