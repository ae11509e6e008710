import { useEffect, useState } from 'react';
import type { HostResult } from '@shared/host/result';
import type { SettingsPatch, SettingsSnapshot } from '@shared/host/schemas';
import type { SaveOutcome } from './SettingsSection';
import { saveSettings } from './settings-source';

/**
 * A section's edits against what the host holds: dirty while they differ, reset to the saved
 * values after a save or a discard. `saved` must be a fresh value for each host answer only
 * (derived from the snapshot), so equal content means no edits.
 */
export function useSectionDraft<Draft>(saved: Draft, onDirtyChange: (dirty: boolean) => void) {
  const [draft, setDraft] = useState<Draft>(saved);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  /** Saves `patch`; on success the draft becomes what the host now holds. */
  async function save(
    patch: SettingsPatch,
    fromSnapshot: (snapshot: SettingsSnapshot) => Draft,
    savedText: string,
    failedText: (message: string) => string,
  ): Promise<HostResult<SettingsSnapshot>> {
    setSaving(true);
    const result = await saveSettings(patch);
    setSaving(false);
    if (result.ok) {
      setDraft(fromSnapshot(result.value));
      setOutcome({ kind: 'saved', text: savedText });
    } else {
      setOutcome({ kind: 'failed', text: failedText(result.error.message) });
    }
    return result;
  }

  function discard(): void {
    setDraft(saved);
    setOutcome({ kind: 'idle' });
  }

  return { draft, setDraft, dirty, outcome, setOutcome, saving, save, discard };
}
