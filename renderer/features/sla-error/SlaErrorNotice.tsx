import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentClockOffset } from '../../lib/window-clock';
import { useCopyReport } from '../../app/useCopyReport';
import type { SlaErrorFacts } from './sla-error-report';
import { logSlaProblemOnce, slaErrorReport } from './report-sla-error';
import './sla-error.css';

type Facts = Omit<SlaErrorFacts, 'deviceNowMs' | 'offset'>;

/**
 * A ticket whose deadlines the engine could not calculate: the reason in the user's language and
 * "copy diagnostics" with what support needs to replay it. `cell` is the queue row's compact
 * form; `panel` the ticket page's, which can show the text to copy by hand.
 */
export function SlaErrorNotice({ facts, variant }: { facts: Facts; variant: 'cell' | 'panel' }) {
  const { t } = useTranslation();
  const { outcome, copy } = useCopyReport(() =>
    slaErrorReport({ ...facts, deviceNowMs: Date.now(), offset: currentClockOffset() }),
  );
  useEffect(
    () => logSlaProblemOnce({ ...facts, deviceNowMs: Date.now(), offset: currentClockOffset() }),
    [facts],
  );
  const reason = t(`slaError.reasons.${facts.problem.code}`);

  if (variant === 'cell') {
    return (
      <div
        className="sla-error sla-error--cell"
        data-testid="sla-error"
        data-code={facts.problem.code}
      >
        <span className="sla-error__reason" title={t('slaError.because', { reason })}>
          {t('slaError.because', { reason })}
        </span>
        <button
          type="button"
          className="button button--quiet sla-error__copy"
          aria-label={t('slaError.copy')}
          title={t('slaError.copy')}
          onClick={(event) => {
            // The row opens the ticket on a click; this button only copies.
            event.stopPropagation();
            void copy();
          }}
        >
          {outcome.state === 'copied' ? t('slaError.copiedShort') : t('slaError.copyShort')}
        </button>
        {outcome.state === 'refused' && (
          <span className="sla-error__status" role="status">
            {t('slaError.copyRefusedShort')}
          </span>
        )}
      </div>
    );
  }
  return (
    <div
      className="sla-error sla-error--panel"
      role="alert"
      data-testid="sla-error"
      data-code={facts.problem.code}
    >
      <p className="sla-error__title">{t('slaError.title')}</p>
      <p className="sla-error__reason">{reason.charAt(0).toUpperCase() + reason.slice(1)}</p>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('slaError.copy')}
      </button>
      {outcome.state === 'copied' && (
        <p className="sla-error__status" role="status">
          {t('slaError.copied')}
        </p>
      )}
      {outcome.state === 'refused' && (
        <>
          <p className="sla-error__status" role="status">
            {t('slaError.copyRefused')}
          </p>
          <textarea
            className="sla-error__report"
            readOnly
            aria-label={t('slaError.report')}
            value={outcome.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
