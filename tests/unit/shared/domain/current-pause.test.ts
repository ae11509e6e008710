import { describe, expect, it } from 'vitest';
import { currentPause } from '../../../../shared/domain/current-pause';
import type { SlaEvent } from '../../../../shared/sla/types';

const reacted: SlaEvent = { type: 'reacted', at: '2026-11-20T07:00:00Z' };
const paused = (at: string, note?: string): SlaEvent => ({
  type: 'paused',
  at,
  reason: note ? 'other' : 'awaiting_user_info',
  ...(note ? { note } : {}),
});

describe('currentPause', () => {
  it('is the last pause while nothing ended it, with its reason and note', () => {
    expect(
      currentPause([
        reacted,
        paused('2026-11-20T08:00:00Z'),
        { type: 'resumed', at: '2026-11-20T09:00:00Z' },
        paused('2026-11-21T10:00:00Z', 'Ждём доступ на объект'),
      ]),
    ).toEqual({ since: '2026-11-21T10:00:00Z', reason: 'other', note: 'Ждём доступ на объект' });
  });

  it.each([
    ['never paused', [reacted]],
    [
      'resumed',
      [reacted, paused('2026-11-20T08:00:00Z'), { type: 'resumed', at: '2026-11-20T09:00:00Z' }],
    ],
    // §5: resolving during a pause ends the pause at that instant.
    [
      'resolved during the pause',
      [reacted, paused('2026-11-20T08:00:00Z'), { type: 'resolved', at: '2026-11-20T09:00:00Z' }],
    ],
  ] as const)('is null when %s', (_name, events) => {
    expect(currentPause([...events])).toBeNull();
  });
});
