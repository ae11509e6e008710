import { useSyncExternalStore } from 'react';
import type { HostResult } from '@shared/host/result';
import type { SettingsPatch, SettingsSnapshot } from '@shared/host/schemas';
import { getHost } from '../../lib/host';

/*
 * The host's settings as this window knows them: read once at start, replaced by every answer
 * to a save, so the header, the queue, the alerts and the Settings page show the same values
 * the moment a change is saved. The host stays the owner; this is its last answer.
 */

let snapshot: SettingsSnapshot | null = null;
const listeners = new Set<() => void>();

function publish(next: SettingsSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/** At start, before the first render. Null when the host could not answer (defaults apply). */
export async function loadSettings(): Promise<SettingsSnapshot | null> {
  const result = await getHost().request('settings:get');
  if (result.ok) publish(result.value);
  else console.error(`[settings] the host did not answer: ${result.error.message}`);
  return snapshot;
}

/** Saves a change; on success every reader sees the new settings at once. */
export async function saveSettings(patch: SettingsPatch): Promise<HostResult<SettingsSnapshot>> {
  const result = await getHost().request('settings:set', patch);
  if (result.ok) publish(result.value);
  return result;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettingsSnapshot(): SettingsSnapshot | null {
  return useSyncExternalStore(subscribe, () => snapshot);
}
