import { describe, expect, it } from 'vitest';
import { createAlertMemoryFile } from '../../../../../electron/main/services/alert-memory-file';
import { createMemoryFiles } from './memory-files';

// Main keeps the fired alerts as alerts.json (snapshot) and alerts.journal (one record a line).

function setup(initial: Record<string, string> = {}) {
  const memory = createMemoryFiles(initial);
  const errors: unknown[] = [];
  const file = createAlertMemoryFile({
    files: memory.files,
    path: '/u/alerts.json',
    journalPath: '/u/alerts.journal',
    onError: (error) => errors.push(error),
  });
  return { ...memory, file, errors };
}

describe('the fired-alert memory files', () => {
  it('appends journal records and reads them back in order after the snapshot', async () => {
    const { file } = setup({ '/u/alerts.json': 'S' });
    await file.write({ kind: 'journal', text: 'J1' });
    await file.write({ kind: 'journal', text: 'J2' });
    expect(await file.load()).toEqual({ snapshot: 'S', journal: ['J1', 'J2'] });
  });

  it('replaces snapshot and journal with a new snapshot', async () => {
    const { file } = setup({ '/u/alerts.json': 'S', '/u/alerts.journal': 'J1\n' });
    await file.write({ kind: 'snapshot', text: 'S2' });
    expect(await file.load()).toEqual({ snapshot: 'S2', journal: [] });
  });

  it('reads nothing stored as nothing, not as an error', async () => {
    const { file, errors } = setup();
    expect(await file.load()).toEqual({ snapshot: null, journal: [] });
    expect(errors).toEqual([]);
  });
});
