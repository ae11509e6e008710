import { describe, expect, it } from 'vitest';
import { createBrowserAlertMemory } from '../../../../renderer/lib/browser-alert-memory';

/** localStorage's interface over a Map, counting the characters written. */
function fakeStorage(): Storage & { written: number } {
  const items = new Map<string, string>();
  return {
    written: 0,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      this.written += value.length;
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('the fired-alert memory in localStorage', () => {
  it('writes a journal record as its own key, never rewriting the snapshot', () => {
    const storage = fakeStorage();
    const memory = createBrowserAlertMemory(storage, () => undefined);
    memory.load();
    memory.write({ kind: 'snapshot', text: 'S'.repeat(700_000) });
    const afterSnapshot = storage.written;
    memory.write({ kind: 'journal', text: 'J1' });
    memory.write({ kind: 'journal', text: 'J2' });
    expect(storage.written - afterSnapshot).toBe(4);
    // Twelve journal keys sort by number, not as text (10 after 9).
    for (let i = 3; i <= 12; i += 1) memory.write({ kind: 'journal', text: `J${i}` });
    const reloaded = createBrowserAlertMemory(storage, () => undefined).load();
    expect(reloaded.snapshot).toHaveLength(700_000);
    expect(reloaded.journal).toEqual(Array.from({ length: 12 }, (_, i) => `J${i + 1}`));
  });

  it('clears the journal when a snapshot replaces it, and goes on numbering after a reload', () => {
    const storage = fakeStorage();
    const first = createBrowserAlertMemory(storage, () => undefined);
    first.load();
    first.write({ kind: 'journal', text: 'J1' });
    first.write({ kind: 'snapshot', text: 'S' });
    expect(first.load()).toEqual({ snapshot: 'S', journal: [] });
    first.write({ kind: 'journal', text: 'J2' });
    const second = createBrowserAlertMemory(storage, () => undefined);
    second.load();
    second.write({ kind: 'journal', text: 'J3' });
    expect(second.load()).toEqual({ snapshot: 'S', journal: ['J2', 'J3'] });
  });

  it('reports a full storage and goes on', () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const problems: string[] = [];
    const memory = createBrowserAlertMemory(storage, (message) => problems.push(message));
    memory.write({ kind: 'journal', text: 'J1' });
    expect(problems).toEqual(['could not store the fired alerts']);
  });
});
