import type { HostResult } from '@shared/host/result';
import type {
  ErpSettings,
  ErpSettingsChange,
  ErpTokenStatus,
  SettingsSnapshot,
} from '@shared/host/schemas';
import { appDbNameFor, bindAppDb, canBindAppDb } from '../../db/app-db';
import { getHost } from '../../lib/host';
import { getErpGate } from '../sync/sync-runtime';
import { saveSettings } from './settings-source';

export type ErpSwitchResult =
  | { kind: 'failed'; message: string }
  /** Saved; `token` is the token's save, when one was given. */
  | { kind: 'applied'; token: HostResult<ErpTokenStatus> | null }
  /** Saved; the window reloads onto the new ERP's database (the note survives the reload). */
  | { kind: 'reloading' };

const NOTE_KEY = 'prokontakt.settings.after-reload';

/**
 * Makes `next` the ERP of this window, in the only safe order: hold the sync (nothing of the
 * current database may reach the next ERP), save the address, then the token (it binds to the
 * address saved at that moment), then switch databases — at once if none is open yet (first run),
 * else by reloading the window. A failed save lets the sync go on against the unchanged ERP.
 */
export async function switchErp(
  next: Pick<ErpSettings, 'mode' | 'baseUrl'> & ErpSettingsChange,
  token: string | null,
  describe: (token: HostResult<ErpTokenStatus> | null) => string,
): Promise<ErpSwitchResult> {
  const databaseName = appDbNameFor(next);
  const release = await getErpGate().hold();
  let saved: HostResult<SettingsSnapshot>;
  try {
    saved = await saveSettings({ erp: next });
  } catch (error) {
    release();
    throw error;
  }
  if (!saved.ok) {
    release();
    return { kind: 'failed', message: saved.error.message };
  }
  const tokenSaved =
    token === null ? null : await getHost().request('secrets:set-erp-token', { token });
  if (!canBindAppDb(databaseName)) {
    rememberForReload(describe(tokenSaved));
    window.location.reload();
    return { kind: 'reloading' };
  }
  bindAppDb(databaseName);
  release();
  return { kind: 'applied', token: tokenSaved };
}

/** The switch's outcome, said again on the Settings page after the reload. */
export function takeNoteAfterReload(): string | null {
  try {
    const note = window.sessionStorage.getItem(NOTE_KEY);
    window.sessionStorage.removeItem(NOTE_KEY);
    return note;
  } catch {
    return null;
  }
}

function rememberForReload(note: string): void {
  try {
    window.sessionStorage.setItem(NOTE_KEY, note);
  } catch {
    // Without session storage the page after the reload simply shows the new ERP as current.
  }
}
