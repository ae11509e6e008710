import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { errorResponse } from '@shared/erp/protocol';
import { hostDiagnosticsSchema, type HostDiagnostics } from '@shared/host/diagnostics';
import { describeIssues } from '@shared/host/request-schemas';
import type { SyncStatus } from '@shared/sync/status';
import { getAppDb } from '../../db/app-db';
import { readSyncSnapshot, type SyncSnapshot } from '../../db/repos/sync-diagnostics';
import { getHost } from '../../lib/host';
import { useSyncStatus } from '../sync/useSyncStatus';
import type { ErpCheck, Part } from './diagnostics-report';

export interface Diagnostics {
  /** null while the host is being asked. */
  host: Part<HostDiagnostics> | null;
  erpCheck: ErpCheck;
  /** null while the database is being read; live afterwards. */
  store: Part<SyncSnapshot> | null;
  status: SyncStatus;
  /** Asks the host and the ERP again (the database part is live by itself). */
  refresh: () => void;
}

const CHECKING: ErpCheck = { state: 'checking', checkedAt: null, detail: null };

async function askHost(): Promise<Part<HostDiagnostics>> {
  const result = await getHost().request('diagnostics:host');
  if (!result.ok) return { ok: false, error: `${result.error.code}: ${result.error.message}` };
  // The host is trusted, but a report must not carry a shape nobody checked.
  const parsed = hostDiagnosticsSchema.safeParse(result.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `unexpected answer: ${describeIssues(parsed.error)}` };
}

async function checkErp(): Promise<ErpCheck> {
  const result = await getHost().request('erp:session');
  const checkedAt = new Date().toISOString();
  if (!result.ok) return { state: 'unreachable', checkedAt, detail: result.error.message };
  const { status, body } = result.value;
  if (status === 200) return { state: 'reachable', checkedAt, detail: null };
  const error = errorResponse.safeParse(body);
  return {
    state: 'error',
    checkedAt,
    detail: error.success ? `HTTP ${status}: ${error.data.error.message}` : `HTTP ${status}`,
  };
}

async function readStore(): Promise<Part<SyncSnapshot>> {
  try {
    return { ok: true, value: await readSyncSnapshot(getAppDb()) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Everything the diagnostics page shows and exports; each part arrives (or fails) on its own. */
export function useDiagnostics(): Diagnostics {
  const { status } = useSyncStatus();
  const store = useLiveQuery(readStore, []) ?? null;
  const [host, setHost] = useState<Part<HostDiagnostics> | null>(null);
  const [erpCheck, setErpCheck] = useState<ErpCheck>(CHECKING);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let alive = true;
    void askHost().then((value) => alive && setHost(value));
    void checkErp().then((value) => alive && setErpCheck(value));
    return () => {
      alive = false;
    };
  }, [round]);

  const refresh = useCallback(() => {
    setErpCheck(CHECKING);
    setRound((n) => n + 1);
  }, []);
  return { host, erpCheck, store, status, refresh };
}
