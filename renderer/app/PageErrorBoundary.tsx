import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary, type CaughtError } from '../components/ErrorBoundary';
import { failureTexts } from './failure-messages';
import { logFailure } from './failure-report';
import { FailureNotice } from './FailureNotice';
import { hrefOf, type Route } from './route';

/**
 * One page failing leaves the header, the status bar and the desk alerts working; the error shows
 * where the page was. Another route (another ticket, another page) gets a fresh try.
 */
export function PageErrorBoundary({ route, children }: { route: Route; children: ReactNode }) {
  return (
    <ErrorBoundary
      resetKey={hrefOf(route)}
      onError={(caught) => logFailure({ kind: 'page', ...caught })}
      fallback={(caught) => <PageFailure caught={caught} route={route} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function PageFailure({ caught, route }: { caught: CaughtError; route: Route }) {
  // Only to follow the language switch in the header; the texts themselves are built in.
  const { i18n } = useTranslation();
  const texts = failureTexts(i18n.language);
  return (
    <FailureNotice
      failure={{ kind: 'page', ...caught }}
      texts={texts}
      heading={texts.page}
      extraAction={
        route.name !== 'queue' && (
          <a className="failure__link" href={hrefOf({ name: 'queue' })}>
            {texts.toQueue}
          </a>
        )
      }
    />
  );
}
