import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceTo, feed, policy, setup, type TicketSpec } from './alert-fixtures';

// P1 counts every instant (DOMAIN Table 1): reaction 1 h, resolution 8 h. Created at 09:00Z, its
// reaction clock reaches 75 % at 09:45Z, 90 % at 09:54Z and the deadline at 10:00Z (13:00 in
// Moscow, UTC+3 all year).
const P1: TicketSpec = { number: 101, priority: 1, createdAt: '2026-11-25T09:00:00Z' };

describe('alert scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-25T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('announces a level at the instant it is reached, not before', () => {
    const { scheduler, shown } = setup();
    expect(scheduler.update(feed(P1))).toEqual({ scheduled: 6 });

    advanceTo('2026-11-25T09:44:59.999Z');
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);

    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      kind: 'ticket',
      ticketId: 'T101',
      clock: 'reaction',
      level: 0.75,
      severity: 'warning',
      title: 'П1 · №101 · 75 % срока реакции',
      body: 'Организация 101\nОсталось 15 минут — срок в 13:00 МСК.',
      shownAt: '2026-11-25T09:45:00.000Z',
    });
  });

  it('announces every level of both clocks once, in order', () => {
    const { scheduler, shown } = setup();
    scheduler.update(feed(P1));
    advanceTo('2026-11-26T09:00:00Z');
    expect(shown.map((notice) => [notice.clock, notice.level, notice.shownAt])).toEqual([
      ['reaction', 0.75, '2026-11-25T09:45:00.000Z'],
      ['reaction', 0.9, '2026-11-25T09:54:00.000Z'],
      ['reaction', 1, '2026-11-25T10:00:00.000Z'],
      ['resolution', 0.75, '2026-11-25T15:00:00.000Z'],
      ['resolution', 0.9, '2026-11-25T16:12:00.000Z'],
      ['resolution', 1, '2026-11-25T17:00:00.000Z'],
    ]);
    expect(shown[2]!.title).toBe('П1 · №101 · срок реакции истёк');
    expect(shown[2]!.body).toBe('Организация 101\nСрок истёк в 13:00 МСК.');
  });

  it('does not repeat a level when the same ticket is sent again', () => {
    const { scheduler, shown } = setup();
    scheduler.update(feed(P1));
    advanceTo('2026-11-25T09:46:00Z');
    scheduler.update(feed(P1)); // now 75 % arrives as "already reached"
    scheduler.update(feed(P1));
    advanceTo('2026-11-25T09:50:00Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.75]);
  });

  it('cancels the pending alerts of a paused clock', () => {
    const { scheduler, shown } = setup();
    scheduler.update(feed(P1));
    advanceTo('2026-11-25T09:30:00Z');
    // The pause answers the request (reaction stops) and freezes resolution, whose deadline is
    // then unknown (DOMAIN rules 4, 5, 9): nothing is left to announce.
    const paused = {
      ...P1,
      events: [
        {
          type: 'paused' as const,
          at: '2026-11-25T09:30:00Z',
          reason: 'awaiting_user_info' as const,
        },
      ],
    };
    expect(scheduler.update(feed(paused))).toEqual({ scheduled: 0 });
    advanceTo('2026-11-26T09:00:00Z');
    expect(shown).toEqual([]);
  });

  it('re-plans after a resume: the pause moves the resolution alerts later', () => {
    const { scheduler, shown } = setup();
    const events = [
      {
        type: 'paused' as const,
        at: '2026-11-25T09:30:00Z',
        reason: 'awaiting_user_info' as const,
      },
      { type: 'resumed' as const, at: '2026-11-25T11:30:00Z' },
    ];
    advanceTo('2026-11-25T09:30:00Z');
    scheduler.update(feed({ ...P1, events: events.slice(0, 1) }));
    advanceTo('2026-11-25T11:30:00Z');
    scheduler.update(feed({ ...P1, events }));
    // 0.5 h counted before the pause; 75 % of 8 h = 6 h needs 5.5 h more from 11:30 → 17:00Z,
    // two hours (the pause) after the unpaused 15:00Z.
    advanceTo('2026-11-25T16:59:59Z');
    expect(shown).toEqual([]);
    advanceTo('2026-11-25T17:00:00Z');
    expect(shown.map((notice) => [notice.clock, notice.level])).toEqual([['resolution', 0.75]]);
  });

  it('turns what was reached during sleep into one summary on resume', () => {
    const { scheduler, shown } = setup();
    scheduler.update(
      feed(P1, { ...P1, number: 102 }, { ...P1, number: 103, createdAt: '2026-11-25T08:50:00Z' }),
    );
    // The machine sleeps: the wall clock moves on, timers do not run.
    vi.setSystemTime(Date.parse('2026-11-25T12:00:00Z'));
    scheduler.replan();

    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      kind: 'summary',
      ticketId: null,
      severity: 'breach',
      title: 'Сроки по 3 заявкам',
      body: 'Срок истёк: №101, №102, №103',
    });
  });

  it('shows at most three ticket notifications at one instant and summarizes the rest', () => {
    const { scheduler, shown } = setup();
    scheduler.update(feed(...[101, 102, 103, 104, 105].map((number) => ({ ...P1, number }))));
    advanceTo('2026-11-25T09:45:00Z');
    expect(shown.map((notice) => notice.kind)).toEqual(['ticket', 'ticket', 'ticket', 'summary']);
    expect(shown[3]!.body).toBe('Срок на исходе: №104, №105');
  });

  it('grows one summary in place while tickets keep arriving (a first sync, page by page)', () => {
    const { scheduler, shown } = setup();
    vi.setSystemTime(Date.parse('2026-11-25T12:00:00Z'));
    scheduler.update(feed(P1, { ...P1, number: 102 }));
    vi.advanceTimersByTime(2_000);
    scheduler.update(feed(P1, { ...P1, number: 102 }, { ...P1, number: 103 }));
    expect(shown.map((notice) => [notice.kind, notice.tag])).toEqual([
      ['summary', 'alerts-summary'],
      ['summary', 'alerts-summary'],
    ]);
    expect(shown[1]!.title).toBe('Сроки по 3 заявкам');
  });

  it('reports the worst condition and the counts for the tray', () => {
    const { scheduler, statuses } = setup();
    scheduler.update(
      feed(
        { ...P1, number: 1, createdAt: '2026-11-25T07:30:00Z' }, // reaction breached at 08:30Z
        { ...P1, number: 2, createdAt: '2026-11-25T08:05:00Z' }, // 92 % of reaction used
        { ...P1, number: 3 }, // just created
      ),
    );
    expect(statuses.at(-1)).toMatchObject({ open: 3, warning: 1, breached: 1 });
    // Ticket 2 is due at 09:05Z and overdue after it (DOMAIN rule 10): at the due instant it is
    // still running out; a millisecond later the tray changes, without any new feed.
    advanceTo('2026-11-25T09:05:00Z');
    expect(statuses.at(-1)).toMatchObject({ open: 3, warning: 1, breached: 1 });
    advanceTo('2026-11-25T09:05:00.001Z');
    expect(statuses.at(-1)).toMatchObject({ open: 3, warning: 0, breached: 2 });
  });

  it('records but does not show alerts while they are switched off', () => {
    const { scheduler, shown } = setup({ policy: policy({ enabled: false }) });
    scheduler.update(feed(P1));
    advanceTo('2026-11-25T09:50:00Z');
    expect(shown).toEqual([]);
    scheduler.setPolicy(policy());
    expect(shown).toEqual([]); // switching back on does not replay the past
    advanceTo('2026-11-25T09:54:00Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.9]);
  });

  it('stops everything on dispose', () => {
    const { scheduler, shown } = setup();
    scheduler.update(feed(P1));
    scheduler.dispose();
    advanceTo('2026-11-26T09:00:00Z');
    expect(shown).toEqual([]);
  });
});
