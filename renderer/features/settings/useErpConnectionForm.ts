import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostResult } from '@shared/host/result';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import {
  erpOriginOf,
  type ErpKind,
  type ErpResponse,
  type ErpSettings,
  type ErpTokenStatus,
} from '@shared/host/schemas';
import { getHost } from '../../lib/host';
import { getSyncEngine } from '../sync/sync-runtime';
import { classifyConnectionCheck, type ConnectionCheck } from './connection-check';
import { parseErpForm, validateErpAddress, validateErpToken, type ErpFormErrors } from './erp-form';
import { switchErp, takeNoteAfterReload } from './erp-switch';
import { mappingText, parseMappingText, type MappingIssue } from './redmine-mapping-form';
import type { SaveOutcome } from './SettingsSection';
import { hostOfAddress } from './settings-format';

type Busy = 'check' | 'connect' | 'remove' | 'demo' | null;

/**
 * The ERP connection form: what is typed, what the host holds (the address in the settings, a
 * token's status), the last check and the last save. Its actions run the host calls in the
 * order the host needs them; the component only renders.
 */
export function useErpConnectionForm(erp: ErpSettings) {
  const { t } = useTranslation();
  const savedAddress = erp.baseUrl ?? '';
  const [address, setAddress] = useState(savedAddress);
  const [token, setToken] = useState('');
  const [kind, setKind] = useState<ErpKind>(erp.kind);
  const savedMappingText = mappingText(erp.redmineMapping);
  const [mapping, setMapping] = useState(savedMappingText);
  const [mappingIssues, setMappingIssues] = useState<MappingIssue[]>([]);
  const [errors, setErrors] = useState<ErpFormErrors>({});
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<SaveOutcome>(() => {
    const note = takeNoteAfterReload();
    return note === null ? { kind: 'idle' } : { kind: 'saved', text: note };
  });
  const [tokenStatus, setTokenStatus] = useState<ErpTokenStatus | null>(null);

  // Asked again after each change here (the host answers for the address saved at that moment).
  const [asked, setAsked] = useState(0);
  const refreshTokenStatus = () => setAsked((count) => count + 1);
  useEffect(() => {
    let alive = true;
    void getHost()
      .request('secrets:erp-token-status')
      .then((status) => {
        if (alive && status.ok) setTokenStatus(status.value);
      });
    return () => {
      alive = false;
    };
  }, [asked, erp.mode, erp.baseUrl]);

  const dirty =
    address.trim() !== savedAddress ||
    token !== '' ||
    kind !== erp.kind ||
    (kind === 'redmine' && mapping !== savedMappingText);
  // A token stored for another kind is dropped on saving: it does not count as kept.
  const storedOrigin = tokenStatus?.present && kind === erp.kind ? tokenStatus.origin : null;

  /** The mapping typed, when Redmine is chosen; undefined: not needed; null: it has problems. */
  function typedMapping() {
    if (kind !== 'redmine') {
      setMappingIssues([]);
      return undefined;
    }
    const parsed = parseMappingText(mapping);
    setMappingIssues(parsed.ok ? [] : parsed.issues);
    return parsed.ok ? parsed.mapping : null;
  }

  const describeToken = (saved: HostResult<ErpTokenStatus> | null, host: string) =>
    saved !== null && !saved.ok
      ? t('settings.erp.tokenFailed', { message: saved.error.message })
      : t('settings.erp.connected', { host });

  async function runCheck(): Promise<void> {
    const typedToken = validateErpToken(token);
    const typedAddress = address.trim();
    // Nothing typed on the demo: check the ERP in use.
    if (typedAddress === '' && erp.mode === 'demo') {
      setErrors(typedToken.ok ? {} : { token: typedToken.error });
      await measure(() => getHost().request('erp:session'), true);
      return;
    }
    const parsedAddress = validateErpAddress(address);
    const nextErrors: ErpFormErrors = {};
    if (!parsedAddress.ok) nextErrors.address = parsedAddress.error;
    if (!typedToken.ok) nextErrors.token = typedToken.error;
    setErrors(nextErrors);
    const redmineMapping = typedMapping();
    if (!parsedAddress.ok || !typedToken.ok || redmineMapping === null) {
      setCheck(null);
      return;
    }
    const { baseUrl } = parsedAddress;
    const tokenSent =
      typedToken.token !== null || (storedOrigin !== null && erpOriginOf(baseUrl) === storedOrigin);
    await measure(
      () =>
        getHost().request('erp:check', {
          baseUrl,
          token: typedToken.token,
          kind,
          ...(redmineMapping === undefined ? {} : { redmineMapping }),
        }),
      tokenSent,
    );
  }

  async function measure(
    request: () => Promise<HostResult<ErpResponse>>,
    tokenSent: boolean,
  ): Promise<void> {
    setBusy('check');
    setCheck(null);
    setOutcome({ kind: 'idle' });
    const sentAtMs = Date.now();
    const result = await request();
    const receivedAtMs = Date.now();
    setCheck(classifyConnectionCheck({ result, sentAtMs, receivedAtMs, tokenSent }));
    setBusy(null);
  }

  async function connect(): Promise<void> {
    const parsed = parseErpForm({ address, token, storedTokenOrigin: storedOrigin });
    const redmineMapping = typedMapping();
    if (!parsed.ok || redmineMapping === null) {
      const fieldErrors = parsed.ok ? {} : parsed.errors;
      setErrors(fieldErrors);
      const count = Object.keys(fieldErrors).length + (redmineMapping === null ? 1 : 0);
      setOutcome({ kind: 'failed', text: t('settings.fixErrors', { count }) });
      return;
    }
    setErrors({});
    setBusy('connect');
    const host = hostOfAddress(parsed.baseUrl);
    const sameErp =
      erp.mode === 'configured' &&
      parsed.baseUrl === erp.baseUrl &&
      kind === erp.kind &&
      (redmineMapping === undefined || mappingText(redmineMapping) === savedMappingText);
    if (sameErp) {
      // The same ERP: only the token is replaced (a blank token field kept the stored one).
      if (parsed.token !== null) {
        const saved = await getHost().request('secrets:set-erp-token', { token: parsed.token });
        setOutcome(
          saved.ok
            ? { kind: 'saved', text: t('settings.erp.connected', { host }) }
            : { kind: 'failed', text: t('settings.notSaved', { message: saved.error.message }) },
        );
        if (saved.ok) setToken('');
        getSyncEngine().hint('manual');
      }
      refreshTokenStatus();
      setBusy(null);
      return;
    }
    const result = await switchErp(
      {
        mode: 'configured',
        baseUrl: parsed.baseUrl,
        kind,
        ...(redmineMapping === undefined ? {} : { redmineMapping }),
      },
      parsed.token,
      (saved) => describeToken(saved, host),
    );
    if (result.kind === 'reloading') return;
    setBusy(null);
    if (result.kind === 'failed') {
      setOutcome({ kind: 'failed', text: t('settings.notSaved', { message: result.message }) });
      return;
    }
    setToken('');
    setOutcome({
      kind: result.token?.ok === false ? 'failed' : 'saved',
      text: describeToken(result.token, host),
    });
    refreshTokenStatus();
  }

  async function removeToken(): Promise<void> {
    setBusy('remove');
    const removed = await getHost().request('secrets:set-erp-token', { token: null });
    setBusy(null);
    setOutcome(
      removed.ok
        ? {
            kind: 'saved',
            text: t('settings.erp.tokenRemoved', {
              context: erp.kind === 'redmine' ? 'redmine' : undefined,
            }),
          }
        : { kind: 'failed', text: t('settings.notSaved', { message: removed.error.message }) },
    );
    refreshTokenStatus();
  }

  async function switchToDemo(): Promise<void> {
    setBusy('demo');
    const result = await switchErp({ mode: 'demo', baseUrl: null }, null, () =>
      t('settings.erp.switchedToDemo'),
    );
    if (result.kind === 'reloading') return;
    setBusy(null);
    if (result.kind === 'applied') setAddress('');
    setOutcome(
      result.kind === 'failed'
        ? { kind: 'failed', text: t('settings.notSaved', { message: result.message }) }
        : { kind: 'saved', text: t('settings.erp.switchedToDemo') },
    );
  }

  function discard(): void {
    setKind(erp.kind);
    setMapping(savedMappingText);
    setMappingIssues([]);
    setAddress(savedAddress);
    setToken('');
    setErrors({});
    setOutcome({ kind: 'idle' });
  }

  return {
    address,
    setAddress,
    token,
    setToken,
    kind,
    setKind,
    mapping,
    setMapping,
    resetMapping: () => setMapping(mappingText(DEFAULT_REDMINE_MAPPING)),
    mappingIssues,
    errors,
    check,
    busy,
    outcome,
    tokenStatus,
    dirty,
    runCheck,
    connect,
    removeToken,
    switchToDemo,
    discard,
  };
}
