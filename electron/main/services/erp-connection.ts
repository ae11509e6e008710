import { erpOriginOf } from '@shared/host/schemas';
import type { ErpEndpoint } from './erp-gateway';

/** A running embedded demo ERP (electron/demo-erp). */
export interface DemoErpHandle {
  url: string;
  token: string;
  close(): Promise<void>;
}

export interface ErpConnectionPorts {
  /** The ERP address from the settings; null: none configured. */
  configuredUrl(): string | null;
  /**
   * With no address: whether the user chose the embedded demo ERP. Before that choice (first
   * run) there is no ERP at all, so nothing syncs into a database meant for another one.
   */
  demoChosen(): boolean;
  /** The stored token if it was entered for exactly this origin. */
  tokenFor(origin: string): Promise<string | null>;
  /** Starts the embedded demo ERP (data in userData). */
  startDemo(): Promise<DemoErpHandle>;
  onDemoFailed(error: unknown): void;
}

export interface ErpConnection {
  /** Where requests go and with which token; null when there is no ERP at all. */
  endpoint(): Promise<ErpEndpoint | null>;
  baseUrl(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Which ERP main talks to: the configured one, or, when the user chose it, the embedded demo ERP,
 * started on first use so trying the app needs nothing set up (and it keeps running when the user
 * switches to their own ERP: switching back is instant).
 * A demo that cannot start leaves the app on "no ERP" instead of retrying on every request.
 * A configured address gets the stored token only if it was entered for that address's origin.
 */
export function createErpConnection(ports: ErpConnectionPorts): ErpConnection {
  let demo: Promise<DemoErpHandle | null> | null = null;
  const ensureDemo = () => {
    demo ??= ports.startDemo().catch((error: unknown) => {
      ports.onDemoFailed(error);
      return null;
    });
    return demo;
  };
  async function endpoint(): Promise<ErpEndpoint | null> {
    const configured = ports.configuredUrl();
    if (configured !== null) {
      const origin = erpOriginOf(configured);
      return { baseUrl: configured, token: origin === null ? null : await ports.tokenFor(origin) };
    }
    if (!ports.demoChosen()) return null;
    const running = await ensureDemo();
    return running === null ? null : { baseUrl: running.url, token: running.token };
  }
  return {
    endpoint,
    async baseUrl() {
      return (await endpoint())?.baseUrl ?? null;
    },
    async close() {
      const running = await demo;
      await running?.close();
    },
  };
}
