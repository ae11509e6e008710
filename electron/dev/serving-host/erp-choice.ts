import {
  applyErpChange,
  credentialStillFits,
  erpOriginOf,
  type ErpSettings,
  type ErpSettingsChange,
  type ErpTokenStatus,
} from '@shared/host/schemas';
import { redmineEndpoint } from '../../main/services/erp-backend';
import { createErpConnection, type DemoErpHandle } from '../../main/services/erp-connection';

export interface ErpChoiceOptions {
  initial: ErpSettings;
  /** The embedded demo ERP; asked for only while the page works on the demo. */
  demo: () => Promise<DemoErpHandle>;
  now: () => Date;
  onDemoFailed: (error: unknown) => void;
}

/**
 * The serving process's counterpart of main's settings + secret store for the ERP: which ERP the
 * page works with (none yet, the demo, an address) and the token, held in memory bound to the
 * origin it was entered for. The same rules as main: a changed origin or kind drops the token
 * (a contract-2 token is not a Redmine API key), and a token is stored only while an address is
 * configured.
 */
export function createErpChoice(options: ErpChoiceOptions) {
  let choice: ErpSettings = options.initial;
  let stored: { origin: string; token: string; savedAt: string } | null = null;
  const origin = () => (choice.baseUrl === null ? null : erpOriginOf(choice.baseUrl));
  const tokenFor = (wanted: string) =>
    stored !== null && stored.origin === wanted ? stored.token : null;
  const connection = createErpConnection({
    configuredUrl: () => choice.baseUrl,
    demoChosen: () => choice.mode === 'demo',
    tokenFor: async (wanted) => tokenFor(wanted),
    startDemo: options.demo,
    onDemoFailed: options.onDemoFailed,
  });

  return {
    connection,
    current: (): ErpSettings => ({ ...choice }),
    /** The configured Redmine with the key stored for its origin; null when not configured. */
    redmineEndpoint: () => redmineEndpoint(choice, async (wanted) => tokenFor(wanted)),
    choose(change: ErpSettingsChange): void {
      const before = choice;
      choice = applyErpChange(choice, change);
      if (!credentialStillFits(before, choice)) stored = null;
    },
    tokenStatus: (): ErpTokenStatus => ({
      present: stored !== null && stored.origin === origin(),
      origin: stored?.origin ?? null,
      savedAt: stored?.savedAt ?? null,
    }),
    /** The token stored for exactly this origin (for «Проверить подключение»). */
    tokenFor,
    /** Stores a token for the configured address; null when there is none to bind it to. */
    setToken(token: string): 'stored' | 'no-address' {
      const bound = origin();
      if (choice.mode !== 'configured' || bound === null) return 'no-address';
      stored = { origin: bound, token, savedAt: options.now().toISOString() };
      return 'stored';
    },
    clearToken(): void {
      stored = null;
    },
  };
}
export type ErpChoice = ReturnType<typeof createErpChoice>;
