import { describe, expect, it } from 'vitest';
import {
  evaluateSla,
  planAlerts,
  SlaInputError,
  type SlaErrorCode,
  type SlaTicket,
} from '@shared/sla';

const base: SlaTicket = {
  priority: 2,
  createdAt: '2025-11-05T10:00:00+03:00',
  timeZone: 'Europe/Moscow',
  events: [],
};
const NOW = '2025-11-07T12:00:00+03:00';
const at = (hh: string) => `2025-11-05T${hh}:00+03:00`;
const withEvents = (events: unknown[], patch: Partial<SlaTicket> = {}): SlaTicket =>
  ({ ...base, ...patch, events }) as SlaTicket;

// Each row: what is wrong, the input, the words the error must contain (for logs) and its code
// (what the UI words it by).
const cases: Array<[string, SlaTicket, string | Date, RegExp, SlaErrorCode]> = [
  [
    'now before createdAt',
    base,
    '2025-11-05T09:00:00+03:00',
    /now is before ticket\.createdAt/,
    'now_before_created',
  ],
  [
    'now not an instant',
    base,
    'yesterday',
    /now "yesterday" is not an ISO 8601 instant/,
    'invalid_now',
  ],
  ['now an invalid Date', base, new Date('nope'), /now is an invalid Date/, 'invalid_now'],
  [
    'createdAt without an offset',
    { ...base, createdAt: '2025-11-05T10:00:00' },
    NOW,
    /ticket\.createdAt .* with Z or an offset/,
    'invalid_ticket',
  ],
  [
    'createdAt on 30 February',
    { ...base, createdAt: '2025-02-30T10:00:00Z' },
    NOW,
    /ticket\.createdAt "2025-02-30T10:00:00Z"/,
    'invalid_ticket',
  ],
  [
    'unknown zone',
    { ...base, timeZone: 'Europe/Atlantis' },
    NOW,
    /ticket\.timeZone "Europe\/Atlantis" is not a known IANA time zone/,
    'unknown_zone',
  ],
  [
    'unknown calendar',
    { ...base, calendar: 'KZ-2031' },
    NOW,
    /ticket\.calendar "KZ-2031" is not a registered calendar/,
    'unknown_calendar',
  ],
  [
    'priority out of range',
    { ...base, priority: 5 as never },
    NOW,
    /ticket\.priority must be 1, 2, 3 or 4, got number 5/,
    'invalid_ticket',
  ],
  [
    'events not an array',
    { ...base, events: 'none' as never },
    NOW,
    /ticket\.events must be an array/,
    'invalid_ticket',
  ],
  ['event not an object', withEvents([42]), NOW, /events\[0\] must be an object/, 'invalid_event'],
  [
    'unknown event type',
    withEvents([{ type: 'escalated', at: at('11:00') }]),
    NOW,
    /events\[0\]\.type "escalated" is not one of/,
    'invalid_event',
  ],
  [
    'event before createdAt',
    withEvents([{ type: 'reacted', at: at('09:00') }]),
    NOW,
    /events\[0\] \(reacted at .*\): is before the ticket was created/,
    'event_before_created',
  ],
  [
    'events out of time order',
    withEvents([
      { type: 'reacted', at: at('12:00') },
      { type: 'reacted', at: at('11:00') },
    ]),
    NOW,
    /events\[1\] .*earlier than events\[0\]/,
    'events_out_of_order',
  ],
  [
    'resume without a pause',
    withEvents([{ type: 'resumed', at: at('11:00') }]),
    NOW,
    /events\[0\] \(resumed .*\): resume without a pause/,
    'event_not_allowed',
  ],
  [
    'pause while paused',
    withEvents([
      { type: 'paused', at: at('11:00'), reason: 'user_unreachable' },
      { type: 'paused', at: at('12:00'), reason: 'user_unreachable' },
    ]),
    NOW,
    /events\[1\] .*already paused/,
    'event_not_allowed',
  ],
  [
    'pause while resolved',
    withEvents([
      { type: 'resolved', at: at('11:00') },
      { type: 'paused', at: at('12:00'), reason: 'user_unreachable' },
    ]),
    NOW,
    /events\[1\] .*already resolved/,
    'event_not_allowed',
  ],
  [
    'resolve of a resolved ticket',
    withEvents([
      { type: 'resolved', at: at('11:00') },
      { type: 'resolved', at: at('12:00') },
    ]),
    NOW,
    /events\[1\] .*already resolved/,
    'event_not_allowed',
  ],
  [
    'reopen of an open ticket',
    withEvents([{ type: 'reopened', at: at('11:00') }]),
    NOW,
    /events\[0\] .*cannot reopen a ticket that is open/,
    'event_not_allowed',
  ],
  [
    'reopen of a paused ticket',
    withEvents([
      { type: 'paused', at: at('11:00'), reason: 'awaiting_user_info' },
      { type: 'reopened', at: at('12:00') },
    ]),
    NOW,
    /events\[1\] .*cannot reopen/,
    'event_not_allowed',
  ],
  [
    'reopen of a P4 answered with a date but never resolved',
    withEvents(
      [
        { type: 'fix_scheduled', at: at('11:00') },
        { type: 'reopened', at: at('12:00') },
      ],
      {
        priority: 4,
      },
    ),
    NOW,
    /events\[1\] .*cannot reopen a ticket that is open, not resolved/,
    'event_not_allowed',
  ],
  [
    'extension on a P2 ticket',
    withEvents([{ type: 'extended', at: at('11:00'), hours: 8 }]),
    NOW,
    /events\[0\] .*only to a P3 ticket; the ticket is P2/,
    'event_not_allowed',
  ],
  [
    'extension after a change away from P3',
    withEvents(
      [
        { type: 'priority_changed', at: at('11:00'), to: 4 },
        { type: 'extended', at: at('12:00'), hours: 8 },
      ],
      { priority: 3 },
    ),
    NOW,
    /events\[1\] .*the ticket is P4 at that moment/,
    'event_not_allowed',
  ],
  [
    'extension of zero hours',
    withEvents([{ type: 'extended', at: at('11:00'), hours: 0 }], { priority: 3 }),
    NOW,
    /events\[0\] .*hours must be a number > 0/,
    'invalid_event',
  ],
  [
    'fix_scheduled on a P3 ticket',
    withEvents([{ type: 'fix_scheduled', at: at('11:00') }], { priority: 3 }),
    NOW,
    /events\[0\] .*only a P4 ticket; the ticket is P3/,
    'event_not_allowed',
  ],
  [
    'fix_scheduled with a bad release date',
    withEvents([{ type: 'fix_scheduled', at: at('11:00'), releaseDate: '15.12.2025' }], {
      priority: 4,
    }),
    NOW,
    /releaseDate must be a YYYY-MM-DD date/,
    'invalid_event',
  ],
  [
    'unknown pause reason',
    withEvents([{ type: 'paused', at: at('11:00'), reason: 'lunch' }]),
    NOW,
    /events\[0\] .*reason "lunch" is not one of/,
    'invalid_event',
  ],
  [
    'pause "other" without a note',
    withEvents([{ type: 'paused', at: at('11:00'), reason: 'other', note: '  ' }]),
    NOW,
    /events\[0\] .*"other" needs a note/,
    'invalid_event',
  ],
  [
    'priority change to 7',
    withEvents([{ type: 'priority_changed', at: at('11:00'), to: 7 }]),
    NOW,
    /events\[0\] .*to must be a priority 1–4/,
    'invalid_event',
  ],
  [
    // 1969 lies before the first year the schedule tables cover (1970).
    'working time counted in 1969',
    { ...base, createdAt: '1969-12-31T10:00:00+03:00' },
    '1970-01-02T12:00:00+03:00',
    /working time in 1969 is outside the supported years/,
    'year_not_supported',
  ],
  [
    'event time without offset',
    withEvents([{ type: 'reacted', at: '2025-11-05T11:00' }]),
    NOW,
    /events\[0\]\.at \(reacted\)/,
    'invalid_event',
  ],
];

describe('bad input is rejected with an SlaInputError that names what is wrong', () => {
  it.each(cases)('%s', (_what, ticket, now, message, code) => {
    for (const call of [() => evaluateSla(ticket, now), () => planAlerts(ticket, now)]) {
      expect(call).toThrow(SlaInputError);
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ code }));
    }
  });

  it('rejects a bad config naming the field', () => {
    expect(() => evaluateSla(base, NOW, { priorities: { 2: { reactionHours: -1 } } })).toThrow(
      /config\.priorities\.2\.reactionHours/,
    );
    expect(() => evaluateSla(base, NOW, { priorities: { 2: { reactionHours: -1 } } })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
    expect(() =>
      evaluateSla(base, NOW, { businessHours: { start: '18:00', end: '09:00' } }),
    ).toThrow(/end 09:00 must be after start 18:00/);
  });

  it('rejects alert levels that are not positive numbers', () => {
    expect(() => planAlerts(base, NOW, [0.5, 0])).toThrow(/levels must be an array of numbers > 0/);
    expect(() => planAlerts(base, NOW, [0.5, 0])).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });

  it('ignores an invalid event that lies after now, as replay requires', () => {
    const t = withEvents([
      { type: 'reacted', at: at('11:00') },
      { type: 'resumed', at: '2025-11-08T10:00:00+03:00' },
    ]);
    expect(evaluateSla(t, NOW).reaction.status).toBe('met');
  });
});
