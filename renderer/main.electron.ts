import { startRenderer } from './app/start-renderer';

/*
 * The desktop app's entry (index.html, loaded by Electron's main). The host is the preload's
 * bridge and nothing else: without it the window says so, and never falls back to the browser
 * host, which this entry does not even contain.
 */
void startRenderer('electron', async () => window.prokontakt ?? null);
