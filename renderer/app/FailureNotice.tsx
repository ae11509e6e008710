import type { ReactNode } from 'react';
import { redactSecrets } from '@shared/host/redact';
import { errorSummary, type Failure } from '../features/diagnostics/error-report';
import { failureReportText } from './failure-report';
import type { FailureTexts } from './failure-messages';
import { useCopyReport } from './useCopyReport';

interface FailureNoticeProps {
  failure: Failure;
  texts: FailureTexts;
  heading: { title: string; body: string };
  /** A way out besides reloading, e.g. a link to the queue. */
  extraAction?: ReactNode;
}

/** The error card of a page or of the whole window: what happened, reload, copy diagnostics. */
export function FailureNotice({ failure, texts, heading, extraAction }: FailureNoticeProps) {
  const { outcome, copy } = useCopyReport(() => failureReportText(failure));
  return (
    <section
      className={`failure failure--${failure.kind}`}
      role="alert"
      data-testid={`failure-${failure.kind}`}
    >
      <h1 className="failure__title">{heading.title}</h1>
      <p className="failure__body">{heading.body}</p>
      <p className="failure__error">{redactSecrets(errorSummary(failure.error))}</p>
      <div className="failure__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {texts.reload}
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          {texts.copy}
        </button>
        {extraAction}
      </div>
      {outcome.state === 'copied' && (
        <p className="failure__status failure__status--ok" role="status">
          {texts.copied}
        </p>
      )}
      {outcome.state === 'refused' && (
        <>
          <p className="failure__status failure__status--refused" role="status">
            {texts.copyRefused}
          </p>
          <textarea
            className="failure__report"
            readOnly
            aria-label={texts.report}
            value={outcome.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </section>
  );
}
