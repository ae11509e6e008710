/** A running embedded demo ERP (electron/demo-erp). */
export interface DemoErpHandle {
  url: string;
  token: string;
  close(): Promise<void>;
}

export interface ErpConnectionPorts {
  /** The ERP address from the settings; null: none configured. */
  configuredUrl(): string | null;
  storedToken(): Promise<string | null>;
  /** Starts the embedded demo ERP (data in userData). */
  startDemo(): Promise<DemoErpHandle>;
  onDemoFailed(error: unknown): void;
}

export interface ErpConnection {
  baseUrl(): Promise<string | null>;
  token(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Which ERP main talks to: the configured one, or, when none is configured, the embedded demo ERP,
 * started on first use so a newcomer's app comes up with a seeded queue and nothing to set up.
 * A demo that cannot start leaves the app on "no ERP" instead of retrying on every request.
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
  return {
    async baseUrl() {
      return ports.configuredUrl() ?? (await ensureDemo())?.url ?? null;
    },
    async token() {
      if (ports.configuredUrl() !== null) return ports.storedToken();
      return (await ensureDemo())?.token ?? null;
    },
    async close() {
      const running = await demo;
      await running?.close();
    },
  };
}
