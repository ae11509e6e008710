import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHostKind } from '../../lib/host';
import { currentLocale } from '../../lib/i18n';
import { AppCard, DeadLettersCard, ErpCard, LogCard, SyncCard } from './DiagnosticsCards';
import { buildDiagnosticsReport, reportFileName, serializeReport } from './diagnostics-report';
import { downloadTextFile } from './download-file';
import { useDiagnostics } from './useDiagnostics';
import './diagnostics.css';

/**
 * §4 of the regulation: the customer attaches the results of primary diagnostics to a request.
 * This page shows them and saves them as one JSON file for an e-mail. It needs no ERP: offline,
 * the ERP part simply says it cannot be reached.
 */
export function DiagnosticsPage() {
  const { t, i18n } = useTranslation();
  const data = useDiagnostics();
  const [saved, setSaved] = useState<string | null>(null);

  function exportReport() {
    if (data.host === null || data.store === null) return;
    const at = new Date();
    const report = buildDiagnosticsReport({
      exportedAt: at,
      language: currentLocale(i18n.language),
      rendererVersion: __APP_VERSION__,
      hostKind: getHostKind(),
      host: data.host,
      erpCheck: data.erpCheck,
      status: data.status,
      store: data.store,
    });
    const name = reportFileName(at);
    downloadTextFile(name, serializeReport(report), 'application/json');
    setSaved(name);
  }

  return (
    <div className="diagnostics">
      <header className="diagnostics__head">
        <div className="diagnostics__intro">
          <h1 className="diagnostics__title">{t('diagnostics.title')}</h1>
          <p className="diagnostics__lead">{t('diagnostics.lead')}</p>
        </div>
        <div className="diagnostics__actions">
          <button type="button" className="button" onClick={data.refresh}>
            {t('diagnostics.refresh')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={exportReport}
            disabled={data.host === null || data.store === null}
          >
            {t('diagnostics.export')}
          </button>
        </div>
      </header>
      {saved && (
        <p className="diagnostics__saved" role="status" data-testid="diagnostics-saved">
          {t('diagnostics.saved', { name: saved })}
        </p>
      )}
      <div className="diagnostics__grid">
        <AppCard host={data.host} />
        <ErpCard host={data.host} check={data.erpCheck} />
        <SyncCard status={data.status} store={data.store} />
        <DeadLettersCard store={data.store} />
      </div>
      <LogCard host={data.host} />
    </div>
  );
}
