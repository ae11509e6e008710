import { StrictMode } from 'react';
import { createRoot, type RootOptions } from 'react-dom/client';
import { appDbNameFor, bindAppDb } from '../db/app-db';
import { loadSettings } from '../features/settings/settings-source';
import { initI18n } from '../lib/i18n';
import { App } from './App';
import { AppErrorBoundary } from './AppErrorBoundary';

/** Settings, i18n, then the app under its window-wide error boundary. */
export async function renderApp(onUncaughtError: RootOptions['onUncaughtError']): Promise<void> {
  const snapshot = await loadSettings();
  // The database of the ERP in use, before anything opens one (see db/app-db.ts).
  if (snapshot) bindAppDb(appDbNameFor(snapshot.settings.erp));
  // Translations are bundled, so this resolves at once; awaiting it avoids a flash of keys.
  await initI18n(snapshot?.settings.ui.language ?? null);
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
