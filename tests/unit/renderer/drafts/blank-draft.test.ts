import { describe, expect, it } from 'vitest';
import { isBlankDraft } from '../../../../renderer/features/drafts/blank-draft';

// A blank form closes without asking and keeps no draft; anything typed is worth asking about.
describe('isBlankDraft', () => {
  const empty = { text: '', reason: '', createdAtLocal: null as string | null, confirmed: false };
  it.each([
    ['as the form starts', empty, true],
    ['only spaces and line breaks typed', { ...empty, text: '  \n ' }, true],
    ['a word typed', { ...empty, text: 'жду' }, false],
    ['a choice made', { ...empty, reason: 'other' }, false],
    ['a time set', { ...empty, createdAtLocal: '2026-11-16T10:15' }, false],
    ['a box ticked', { ...empty, confirmed: true }, false],
  ])('%s: %s', (_, value, blank) => {
    expect(isBlankDraft(value, empty)).toBe(blank);
  });
});
