import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and base styles first, so feature stylesheets imported below build on them.
import './app/app.css';
import { App } from './app/App';
import { initI18n } from './lib/i18n';

async function boot(): Promise<void> {
  // Translations are bundled, so this resolves at once; awaiting it avoids a flash of keys.
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
