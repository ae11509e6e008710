import type { ReactNode } from 'react';
import { ErrorBoundary, type CaughtError } from '../components/ErrorBoundary';
import { ProductMark } from '../components/ProductMark';
import { failureTexts } from './failure-messages';
import { logFailure } from './failure-report';
import { FailureNotice } from './FailureNotice';

/**
 * The last net under the whole shell: whatever escapes the page boundary, the header or the
 * alerts fills the window with a message instead of leaving it blank in the tray all day.
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      onError={(caught) => logFailure({ kind: 'window', ...caught })}
      fallback={(caught) => <WindowFailure caught={caught} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function WindowFailure({ caught }: { caught: CaughtError }) {
  // Built-in texts, not i18next: i18next may be what failed.
  const texts = failureTexts(document.documentElement.lang);
  return (
    <div className="failure-window">
      <div className="failure-window__brand">
        <ProductMark />
        <span>PROконтакт</span>
      </div>
      <FailureNotice failure={{ kind: 'window', ...caught }} texts={texts} heading={texts.window} />
    </div>
  );
}
