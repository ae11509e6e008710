import { StrictMode } from 'react';
import { createRoot, type RootOptions } from 'react-dom/client';
import { initI18n } from '../lib/i18n';
import { App } from './App';
import { AppErrorBoundary } from './AppErrorBoundary';

/** i18n, then the app under its window-wide error boundary. */
export async function renderApp(onUncaughtError: RootOptions['onUncaughtError']): Promise<void> {
  // Translations are bundled, so this resolves at once; awaiting it avoids a flash of keys.
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  createRoot(container, { onUncaughtError }).render(
    <StrictMode>
      <AppErrorBoundary>
        <App />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
