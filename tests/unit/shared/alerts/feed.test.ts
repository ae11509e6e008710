import { describe, expect, it } from 'vitest';
import { buildFeedEntry, feedLevels } from '@shared/alerts/build-feed';
import { toSlaTicket, type Organization, type Ticket } from '@shared/domain/ticket';
import { requestInputSchemas } from '@shared/host/request-schemas';

const org: Organization = {
  id: 'org-msk',
  name: 'ГБУ «Городской контакт-центр “Столица”»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['operator'],
  contactEmails: ['support@example.ru'],
  version: 1,
};

// P2 created Wed 25.11.2026 14:00 MSK: reaction (4 working h) 75 % at 17:00 MSK = 14:00Z, 90 %
// at 17:36 MSK, due 18:00 MSK; resolution (24 working h) runs over the next working days.
/** A ticket's feed entry, as the window builds it from the ticket's queue line. */
function feedEntryOf(
  t: Ticket,
  organization: Organization,
  nowMs: number,
  chosen: readonly number[],
) {
  return buildFeedEntry(
    toSlaTicket(t, organization),
    { ticketId: t.id, number: t.number, organization: organization.name },
    nowMs,
    chosen,
  );
}

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'T-1',
    number: 4521,
    organizationId: org.id,
    account: 'operator',
    reporterEmail: 'support@example.ru',
    title: 'Не формируется отчёт',
    steps: '1',
    expected: '2',
    actual: '3',
    diagnostics: '4',
    notUserSideConfirmed: true,
    priority: 2,
    initialPriority: 2,
    createdAt: '2026-11-25T11:00:00Z',
    state: 'open',
    assignee: null,
    result: null,
    releaseDate: null,
    events: [],
    comments: [],
    workLogs: [],
    assignments: [],
    updatedAt: '2026-11-25T11:00:00Z',
    version: 1,
    ...overrides,
  };
}

const at = (iso: string) => Date.parse(iso);
const levels = feedLevels([0.75, 1]);

describe('alert feed of a ticket', () => {
  it('always carries the tray levels (90 %, 100 %) besides the notification levels', () => {
    expect(levels).toEqual([0.75, 0.9, 1]);
  });

  it('lists each running clock with its instants and what is already reached', () => {
    const entry = feedEntryOf(ticket(), org, at('2026-11-25T14:10:00Z'), levels);
    expect(entry).toMatchObject({
      ticketId: 'T-1',
      number: 4521,
      organization: org.name,
      priority: 2,
    });
    expect(entry.clocks[0]).toEqual({
      clock: 'reaction',
      targetMs: 4 * 3_600_000,
      dueAtMs: at('2026-11-25T15:00:00Z'),
      workingHours: true,
      marks: [
        { level: 0.75, atMs: null },
        { level: 0.9, atMs: at('2026-11-25T14:36:00Z') },
        { level: 1, atMs: at('2026-11-25T15:00:00Z') },
      ],
    });
    expect(entry.clocks[1]!.clock).toBe('resolution');
  });

  it('drops a stopped clock and the unknown future of a paused one, keeping the ticket', () => {
    const paused = ticket({
      state: 'paused',
      events: [
        {
          type: 'paused',
          at: '2026-11-25T12:00:00Z',
          reason: 'awaiting_user_info',
          commandId: 'c1',
          author: 'Андреев Павел',
          authorId: 'andreev',
        },
      ],
    });
    // The pause answered the request (reaction stopped) and hides the resolution deadline.
    expect(feedEntryOf(paused, org, at('2026-11-25T14:10:00Z'), levels).clocks).toEqual([]);
  });
});

describe('alerts:update input', () => {
  const schema = requestInputSchemas['alerts:update'];
  const entry = feedEntryOf(ticket(), org, at('2026-11-25T14:10:00Z'), levels);

  it('accepts a feed and defaults the language to Russian and the clock offset to none', () => {
    expect(schema.parse({ kind: 'full', version: 1, tickets: [entry] })).toEqual({
      kind: 'full',
      version: 1,
      locale: 'ru',
      clockOffsetMs: 0,
      tickets: [entry],
    });
  });

  it("accepts the window's time zone", () => {
    expect(
      schema.parse({ kind: 'full', version: 1, tickets: [], timeZone: 'Asia/Novosibirsk' }),
    ).toMatchObject({
      timeZone: 'Asia/Novosibirsk',
    });
  });

  it.each([
    // A device clock two hours behind; one reset to 1970 (about 57 years behind in 2026).
    [2 * 3_600_000],
    [-Date.parse('2026-11-25T00:00:00Z')],
  ])('accepts a clock offset of %d ms', (clockOffsetMs) => {
    expect(schema.parse({ kind: 'full', version: 1, clockOffsetMs, tickets: [] })).toMatchObject({
      clockOffsetMs,
    });
  });

  it.each([
    { tickets: [{ ...entry, priority: 5 }] },
    { tickets: [{ ...entry, ticketId: '' }] },
    { tickets: [{ ...entry, extra: true }] },
    { tickets: [{ ...entry, clocks: [{ ...entry.clocks[0], clock: 'lunch' }] }] },
    { tickets: [{ ...entry, clocks: [{ ...entry.clocks[0], marks: [{ level: 1.5, atMs: 0 }] }] }] },
    { tickets: [{ ...entry, clocks: [{ ...entry.clocks[0], dueAtMs: '2026-11-25' }] }] },
    { tickets: [entry], locale: 'de' },
    { alerts: [] },
    { tickets: 'all' },
    // More than a century off is no clock; a fraction or a string is no measured offset.
    { tickets: [], clockOffsetMs: 101 * 365 * 86_400_000 },
    { tickets: [], clockOffsetMs: -101 * 365 * 86_400_000 },
    { tickets: [], clockOffsetMs: 1.5 },
    { tickets: [], clockOffsetMs: '7200000' },
    { tickets: [], clockOffsetMs: null },
    // The window's zone must be one the host can compute in.
    { tickets: [], timeZone: 'Europe/Atlantis' },
    { tickets: [], timeZone: 'x'.repeat(65) },
  ])('refuses malformed input #%#', (input) =>
    expect(schema.safeParse({ kind: 'full', version: 1, ...input }).success).toBe(false),
  );
});
