import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/route';
import { switchErp } from './erp-switch';
import './settings.css';

/**
 * The first start, before any ERP is chosen: connect to the team's ERP (its address and token on
 * the Settings page) or try the app on the embedded demo ERP. Nothing syncs until one is chosen.
 */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const tryDemo = async () => {
    setBusy(true);
    const result = await switchErp({ mode: 'demo', baseUrl: null }, null, () => '');
    if (result.kind === 'failed') {
      setBusy(false);
      setProblem(result.message);
    }
  };
  return (
    <div className="first-run" data-testid="first-run">
      <h1 className="first-run__title">{t('settings.firstRun.title')}</h1>
      <p className="first-run__lead">{t('settings.firstRun.lead')}</p>
      <div className="first-run__choices">
        <section className="first-run__choice" aria-labelledby="first-run-connect">
          <h2 id="first-run-connect">{t('settings.firstRun.connectTitle')}</h2>
          <p>{t('settings.firstRun.connectBody')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ name: 'settings' })}
          >
            {t('settings.firstRun.connect')}
          </button>
        </section>
        <section className="first-run__choice" aria-labelledby="first-run-demo">
          <h2 id="first-run-demo">
            {t('settings.firstRun.demoTitle')}{' '}
            <span className="erp-badge erp-badge--demo">{t('settings.firstRun.demoMark')}</span>
          </h2>
          <p>{t('settings.firstRun.demoBody')}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void tryDemo()}>
            {t('settings.firstRun.demo')}
          </button>
        </section>
      </div>
      {problem !== null && (
        <p className="first-run__problem" role="alert">
          {t('settings.firstRun.failed', { message: problem })}
        </p>
      )}
    </div>
  );
}
