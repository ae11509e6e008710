import { join } from 'node:path';
import type { MainPorts } from '../main-ports';
import type { HandlerServices } from '../ipc/handlers';
import { createErpChecker } from '../services/erp-check';
import { createErpConnection, type ErpConnection } from '../services/erp-connection';
import { createErpGateway, type ErpGateway } from '../services/erp-gateway';
import { createSecretStore, type SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';

export interface ErpModule {
  /** The token, encrypted with the origin it was entered for (erp-token.bin). */
  secrets: SecretStore;
  /** The configured ERP, or the embedded demo ERP when none is configured. */
  connection: ErpConnection;
  /** Contract 2 over the connection: the only way main talks to an ERP. */
  gateway: ErpGateway;
  /** "Проверить подключение": an address and token not saved yet, asked who they belong to. */
  check: HandlerServices['checkErp'];
}

/** Which ERP main talks to, with which token, and how. */
export function createErpModule(
  ports: Pick<
    MainPorts,
    'files' | 'cipher' | 'fetch' | 'clock' | 'log' | 'userData' | 'startDemoErp'
  >,
  settings: SettingsStore,
): ErpModule {
  const secrets = createSecretStore({
    files: ports.files,
    cipher: ports.cipher,
    path: join(ports.userData, 'erp-token.bin'),
    now: () => new Date(ports.clock.now()),
  });
  const connection = createErpConnection({
    configuredUrl: () => settings.current().erp.baseUrl,
    demoChosen: () => settings.current().erp.mode === 'demo',
    tokenFor: (origin) => secrets.tokenFor(origin),
    startDemo: () => ports.startDemoErp(join(ports.userData, 'demo-erp')),
    onDemoFailed: (error) => ports.log.error('erp', 'the embedded demo ERP did not start', error),
  });
  const gateway = createErpGateway({
    fetch: ports.fetch,
    endpoint: () => connection.endpoint(),
    now: ports.clock.now,
  });
  const check = createErpChecker({
    fetch: ports.fetch,
    storedOrigin: async () => (await secrets.status(null)).origin,
    storedTokenFor: (origin) => secrets.tokenFor(origin),
  });
  return { secrets, connection, gateway, check };
}
