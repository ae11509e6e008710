import { randomBytes } from 'node:crypto';
import { EMBEDDED_DEMO_USER_ID, startDemoErp } from '../../demo-erp';
import type { DemoErpHandle } from './erp-connection';

/**
 * The demo ERP on loopback with a token made for this run: only main knows it, and main adds it
 * to every request, so the renderer never sees a token in demo mode either. The app is signed in
 * as the demo team's first engineer (Андреев Павел).
 */
export async function startEmbeddedDemoErp(dataDir: string): Promise<DemoErpHandle> {
  const token = randomBytes(24).toString('base64url');
  const erp = await startDemoErp({ dataDir, tokens: { [token]: EMBEDDED_DEMO_USER_ID } });
  return { url: erp.url, token, close: () => erp.close() };
}
