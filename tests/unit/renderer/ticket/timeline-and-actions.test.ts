import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/domain/ticket';
import { availableActions } from '../../../../renderer/features/ticket/available-actions';
import { buildTimeline } from '../../../../renderer/features/ticket/timeline-view-model';

describe('availableActions', () => {
  it.each([
    [
      { state: 'open', priority: 2, assignee: null },
      ['react', 'pause', 'resolve', 'change_priority', 'comment', 'log_work'],
    ],
    [
      { state: 'open', priority: 3, assignee: '@me' },
      ['pause', 'resolve', 'extend', 'change_priority', 'comment', 'log_work'],
    ],
    [
      { state: 'open', priority: 4, assignee: 'Иванов' },
      ['pause', 'resolve', 'schedule_fix', 'change_priority', 'comment', 'log_work'],
    ],
    [
      { state: 'paused', priority: 1, assignee: '@me' },
      ['resume', 'resolve', 'change_priority', 'comment', 'log_work'],
    ],
    [{ state: 'resolved', priority: 3, assignee: '@me' }, ['reopen', 'comment', 'log_work']],
  ] as const)('%o → %o', (ticket, expected) => {
    expect(availableActions(ticket)).toEqual(expected);
  });
});

describe('buildTimeline', () => {
  const ticket: Pick<Ticket, 'id' | 'createdAt' | 'events' | 'comments' | 'workLogs'> = {
    id: 't1',
    createdAt: '2026-01-12T06:00:00Z',
    events: [
      { type: 'reacted', at: '2026-01-12T07:00:00Z', commandId: 'c1', author: 'Демо-инженер' },
      {
        type: 'paused',
        at: '2026-01-12T09:00:00Z',
        commandId: 'c3',
        author: '@me',
        reason: 'awaiting_user_info',
        adjusted: true,
      },
    ],
    comments: [{ commandId: 'c2', author: '@me', at: '2026-01-12T08:00:00Z', text: 'Позвонил' }],
    workLogs: [
      {
        commandId: 'c4',
        author: '@me',
        at: '2026-01-12T09:00:00Z',
        startedAt: '2026-01-12T07:30:00Z',
        endedAt: '2026-01-12T08:45:00Z',
        note: '',
      },
    ],
  };

  it('merges events, comments and work logs by time, events first on a tie', () => {
    const entries = buildTimeline(ticket, new Set(['c3', 'c4']), '@me');
    expect(entries.map((e) => `${e.kind}${e.kind === 'event' ? `:${e.type}` : ''}`)).toEqual([
      'created',
      'event:reacted',
      'comment',
      'event:paused',
      'work',
    ]);
    expect(entries[3]).toMatchObject({
      byMe: true,
      pending: true,
      adjusted: true,
      reason: 'awaiting_user_info',
    });
    expect(entries[1]).toMatchObject({ byMe: false, pending: false, adjusted: false });
    expect(entries[4]).toMatchObject({ pending: true, durationMs: 75 * 60_000 });
  });
});
