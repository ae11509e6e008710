import { randomBytes } from 'node:crypto';
import { startDemoErp } from '../../demo-erp';
import type { DemoErpHandle } from './erp-connection';

/**
 * The demo ERP on loopback with a token made for this run: only main knows it, and main adds it
 * to every request, so the renderer never sees a token in demo mode either.
 */
export async function startEmbeddedDemoErp(dataDir: string): Promise<DemoErpHandle> {
  const token = randomBytes(24).toString('base64url');
  const erp = await startDemoErp({ dataDir, tokens: { [token]: 'Демо-инженер' } });
  return { url: erp.url, token, close: () => erp.close() };
}
