// Tokens and base styles, then the error screens': linked by the entry's HTML, so they are there
// even when nothing after this point loads.
import './app.css';
import './failure.css';
import type { HostBridge } from '@shared/host/contract';
import type { Failure } from '../features/diagnostics/error-report';
import { installHost, type HostKind } from '../lib/host';
import { logFailure } from './failure-report';
import { showStaticFailure, type StaticFailure } from './static-failure-screen';

/**
 * The start both entries share: install the host the entry brings, then load and render the app.
 * The app is imported here, dynamically, so that a module throwing while it loads ends on the
 * error screen too rather than in a blank window. `connect` answers null when there is no host
 * (Electron without its preload bridge).
 */
export async function startRenderer(
  kind: HostKind,
  connect: () => Promise<HostBridge | null>,
): Promise<void> {
  try {
    const host = await connect();
    if (host === null) {
      fail('bridge', new Error('window.prokontakt is missing: the preload script did not run'));
      return;
    }
    installHost(host, kind);
    const { renderApp } = await import('./render-app');
    // Only what escapes the app's own boundary (its fallback failing) gets here.
    await renderApp((error, info) => fail('window', error, info.componentStack ?? null));
  } catch (error) {
    fail('start', error);
  }
}

function fail(which: StaticFailure, error: unknown, componentStack: string | null = null): void {
  const failure: Failure = { kind: which === 'window' ? 'window' : 'start', error, componentStack };
  console.error(error);
  logFailure(failure);
  showStaticFailure(which, failure);
}
