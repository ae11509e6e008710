import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/domain/ticket';
import type { SignedInUser } from '../../../../renderer/db/repos/meta';
import { availableActions } from '../../../../renderer/features/ticket/available-actions';
import { ticketStatus } from '../../../../renderer/features/ticket/ticket-status';
import { buildTimeline } from '../../../../renderer/features/ticket/timeline-view-model';

const ME: SignedInUser = {
  id: 'andreev',
  name: 'Андреев Павел',
  checkedAt: '2026-01-12T06:00:00Z',
};

describe('availableActions', () => {
  it.each([
    [
      { state: 'open', priority: 2, assignee: null },
      ['react', 'pause', 'resolve', 'assign', 'change_priority', 'comment', 'log_work'],
    ],
    [
      { state: 'open', priority: 3, assignee: 'andreev' },
      ['pause', 'resolve', 'extend', 'assign', 'release', 'change_priority', 'comment', 'log_work'],
    ],
    [
      { state: 'open', priority: 4, assignee: 'belova' },
      [
        'pause',
        'resolve',
        'schedule_fix',
        'assign',
        'release',
        'change_priority',
        'comment',
        'log_work',
      ],
    ],
    [
      { state: 'paused', priority: 1, assignee: 'andreev' },
      ['resume', 'resolve', 'assign', 'release', 'change_priority', 'comment', 'log_work'],
    ],
    [{ state: 'resolved', priority: 3, assignee: 'andreev' }, ['reopen', 'comment', 'log_work']],
  ] as const)('%o → %o', (ticket, expected) => {
    expect(availableActions(ticket)).toEqual(expected);
  });
});

describe('ticketStatus: the state label', () => {
  const taken = {
    commandId: 'c1',
    at: '2026-01-12T07:00:00Z',
    author: 'Андреев Павел',
    authorId: 'andreev',
    from: null,
    to: { id: 'andreev', name: 'Андреев Павел' },
    version: 2,
  };
  it.each([
    ['open, nobody has it, nobody ever took it', { state: 'open', assignee: null }, [], 'new'],
    ['open and someone has it', { state: 'open', assignee: 'andreev' }, [taken], 'open'],
    [
      'open, released after someone took it',
      { state: 'open', assignee: null },
      [taken, { ...taken, from: taken.to, to: null, version: 3 }],
      'unassigned',
    ],
    ['paused, whoever has it', { state: 'paused', assignee: null }, [], 'paused'],
    ['resolved', { state: 'resolved', assignee: 'andreev' }, [taken], 'resolved'],
  ] as const)('%s → %s', (_case, ticket, assignments, expected) => {
    expect(ticketStatus({ ...ticket, events: [], assignments: [...assignments] })).toBe(expected);
  });

  it('counts a reaction from before hand-overs were recorded as taken', () => {
    const reacted = {
      type: 'reacted' as const,
      at: '2026-01-12T07:00:00Z',
      commandId: 'c1',
      author: 'Андреев Павел',
      authorId: null,
    };
    expect(
      ticketStatus({ state: 'open', assignee: null, events: [reacted], assignments: [] }),
    ).toBe('unassigned');
  });
});

describe('buildTimeline', () => {
  const ticket: Pick<
    Ticket,
    'id' | 'createdAt' | 'events' | 'comments' | 'workLogs' | 'assignments'
  > = {
    id: 't1',
    createdAt: '2026-01-12T06:00:00Z',
    events: [
      {
        type: 'reacted',
        at: '2026-01-12T07:00:00Z',
        commandId: 'c1',
        author: 'Белова Марина',
        authorId: 'belova',
      },
      {
        type: 'paused',
        at: '2026-01-12T09:00:00Z',
        commandId: 'c3',
        author: 'Андреев Павел',
        authorId: 'andreev',
        reason: 'awaiting_user_info',
        adjusted: true,
      },
    ],
    comments: [
      {
        commandId: 'c2',
        author: 'Андреев Павел',
        authorId: 'andreev',
        at: '2026-01-12T08:00:00Z',
        text: 'Позвонил',
      },
    ],
    workLogs: [
      {
        commandId: 'c4',
        author: '@me',
        authorId: '@me',
        at: '2026-01-12T09:00:00Z',
        startedAt: '2026-01-12T07:30:00Z',
        endedAt: '2026-01-12T08:45:00Z',
        note: '',
      },
    ],
    assignments: [
      // The first take is the `reacted` event's line, not a second one.
      {
        commandId: 'c1',
        at: '2026-01-12T07:00:00Z',
        author: 'Белова Марина',
        authorId: 'belova',
        from: null,
        to: { id: 'belova', name: 'Белова Марина' },
        version: 2,
      },
      {
        commandId: 'c5',
        at: '2026-01-12T07:40:00Z',
        author: 'Белова Марина',
        authorId: 'belova',
        from: { id: 'belova', name: 'Белова Марина' },
        to: { id: 'andreev', name: 'Андреев Павел' },
        version: 3,
      },
      {
        commandId: 'c6',
        at: '2026-01-12T09:30:00Z',
        author: 'Андреев Павел',
        authorId: 'andreev',
        from: { id: 'andreev', name: 'Андреев Павел' },
        to: null,
        version: 7,
      },
    ],
  };

  it('merges events, comments, work logs and hand-overs by time, events first on a tie', () => {
    const entries = buildTimeline(ticket, new Set(['c3', 'c4']), ME);
    expect(entries.map((e) => `${e.kind}${e.kind === 'event' ? `:${e.type}` : ''}`)).toEqual([
      'created',
      'event:reacted',
      'assignment',
      'comment',
      'event:paused',
      'work',
      'assignment',
    ]);
    expect(entries[4]).toMatchObject({
      byMe: true,
      pending: true,
      adjusted: true,
      reason: 'awaiting_user_info',
    });
    expect(entries[1]).toMatchObject({ byMe: false, pending: false, adjusted: false });
    // A record this device wrote before the ERP said who is signed in is mine too.
    expect(entries[5]).toMatchObject({ byMe: true, pending: true, durationMs: 75 * 60_000 });
  });

  it('names the people of a hand-over as recorded, and me as me', () => {
    const entries = buildTimeline(ticket, new Set(), ME);
    expect(entries.filter((e) => e.kind === 'assignment')).toMatchObject([
      {
        change: 'handed',
        author: 'Белова Марина',
        byMe: false,
        from: { name: 'Белова Марина', isMe: false },
        to: { name: 'Андреев Павел', isMe: true },
      },
      { change: 'released', byMe: true, from: { isMe: true }, to: null },
    ]);
  });

  it('before the ERP has said who I am, only this device’s own records are mine', () => {
    const entries = buildTimeline(ticket, new Set(), undefined);
    expect(entries.filter((e) => e.kind !== 'created' && e.byMe).map((e) => e.kind)).toEqual([
      'work',
    ]);
  });
});
