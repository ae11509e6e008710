import { describe, expect, it } from 'vitest';
import { evaluateSla, planAlerts, SlaInputError, type SlaTicket } from '@shared/sla';

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

// Each row: what is wrong, the input, and the words the error must contain.
const cases: Array<[string, SlaTicket, string | Date, RegExp]> = [
  ['now before createdAt', base, '2025-11-05T09:00:00+03:00', /now is before ticket\.createdAt/],
  ['now not an instant', base, 'yesterday', /now "yesterday" is not an ISO 8601 instant/],
  ['now an invalid Date', base, new Date('nope'), /now is an invalid Date/],
  [
    'createdAt without an offset',
    { ...base, createdAt: '2025-11-05T10:00:00' },
    NOW,
    /ticket\.createdAt .* with Z or an offset/,
  ],
  [
    'createdAt on 30 February',
    { ...base, createdAt: '2025-02-30T10:00:00Z' },
    NOW,
    /ticket\.createdAt "2025-02-30T10:00:00Z"/,
  ],
  [
    'unknown zone',
    { ...base, timeZone: 'Europe/Atlantis' },
    NOW,
    /ticket\.timeZone "Europe\/Atlantis" is not a known IANA time zone/,
  ],
  [
    'unknown calendar',
    { ...base, calendar: 'KZ-2031' },
    NOW,
    /ticket\.calendar "KZ-2031" is not a registered calendar/,
  ],
  [
    'priority out of range',
    { ...base, priority: 5 as never },
    NOW,
    /ticket\.priority must be 1, 2, 3 or 4, got number 5/,
  ],
  [
    'events not an array',
    { ...base, events: 'none' as never },
    NOW,
    /ticket\.events must be an array/,
  ],
  ['event not an object', withEvents([42]), NOW, /events\[0\] must be an object/],
  [
    'unknown event type',
    withEvents([{ type: 'escalated', at: at('11:00') }]),
    NOW,
    /events\[0\]\.type "escalated" is not one of/,
  ],
  [
    'event before createdAt',
    withEvents([{ type: 'reacted', at: at('09:00') }]),
    NOW,
    /events\[0\] \(reacted at .*\): is before the ticket was created/,
  ],
  [
    'events out of time order',
    withEvents([
      { type: 'reacted', at: at('12:00') },
      { type: 'reacted', at: at('11:00') },
    ]),
    NOW,
    /events\[1\] .*earlier than events\[0\]/,
  ],
  [
    'resume without a pause',
    withEvents([{ type: 'resumed', at: at('11:00') }]),
    NOW,
    /events\[0\] \(resumed .*\): resume without a pause/,
  ],
  [
    'pause while paused',
    withEvents([
      { type: 'paused', at: at('11:00'), reason: 'user_unreachable' },
      { type: 'paused', at: at('12:00'), reason: 'user_unreachable' },
    ]),
    NOW,
    /events\[1\] .*already paused/,
  ],
  [
    'pause while resolved',
    withEvents([
      { type: 'resolved', at: at('11:00') },
      { type: 'paused', at: at('12:00'), reason: 'user_unreachable' },
    ]),
    NOW,
    /events\[1\] .*already resolved/,
  ],
  [
    'resolve of a resolved ticket',
    withEvents([
      { type: 'resolved', at: at('11:00') },
      { type: 'resolved', at: at('12:00') },
    ]),
    NOW,
    /events\[1\] .*already resolved/,
  ],
  [
    'reopen of an open ticket',
    withEvents([{ type: 'reopened', at: at('11:00') }]),
    NOW,
    /events\[0\] .*cannot reopen a ticket that is open/,
  ],
  [
    'reopen of a paused ticket',
    withEvents([
      { type: 'paused', at: at('11:00'), reason: 'awaiting_user_info' },
      { type: 'reopened', at: at('12:00') },
    ]),
    NOW,
    /events\[1\] .*cannot reopen/,
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
  ],
  [
    'extension on a P2 ticket',
    withEvents([{ type: 'extended', at: at('11:00'), hours: 8 }]),
    NOW,
    /events\[0\] .*only to a P3 ticket; the ticket is P2/,
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
  ],
  [
    'extension of zero hours',
    withEvents([{ type: 'extended', at: at('11:00'), hours: 0 }], { priority: 3 }),
    NOW,
    /events\[0\] .*hours must be a number > 0/,
  ],
  [
    'fix_scheduled on a P3 ticket',
    withEvents([{ type: 'fix_scheduled', at: at('11:00') }], { priority: 3 }),
    NOW,
    /events\[0\] .*only a P4 ticket; the ticket is P3/,
  ],
  [
    'fix_scheduled with a bad release date',
    withEvents([{ type: 'fix_scheduled', at: at('11:00'), releaseDate: '15.12.2025' }], {
      priority: 4,
    }),
    NOW,
    /releaseDate must be a YYYY-MM-DD date/,
  ],
  [
    'unknown pause reason',
    withEvents([{ type: 'paused', at: at('11:00'), reason: 'lunch' }]),
    NOW,
    /events\[0\] .*reason "lunch" is not one of/,
  ],
  [
    'pause "other" without a note',
    withEvents([{ type: 'paused', at: at('11:00'), reason: 'other', note: '  ' }]),
    NOW,
    /events\[0\] .*"other" needs a note/,
  ],
  [
    'priority change to 7',
    withEvents([{ type: 'priority_changed', at: at('11:00'), to: 7 }]),
    NOW,
    /events\[0\] .*to must be a priority 1–4/,
  ],
  [
    'event time without offset',
    withEvents([{ type: 'reacted', at: '2025-11-05T11:00' }]),
    NOW,
    /events\[0\]\.at \(reacted\)/,
  ],
];

describe('bad input is rejected with an SlaInputError that names what is wrong', () => {
  it.each(cases)('%s', (_what, ticket, now, message) => {
    for (const call of [() => evaluateSla(ticket, now), () => planAlerts(ticket, now)]) {
      expect(call).toThrow(SlaInputError);
      expect(call).toThrow(message);
    }
  });

  it('rejects a bad config naming the field', () => {
    expect(() => evaluateSla(base, NOW, { priorities: { 2: { reactionHours: -1 } } })).toThrow(
      /config\.priorities\.2\.reactionHours/,
    );
    expect(() =>
      evaluateSla(base, NOW, { businessHours: { start: '18:00', end: '09:00' } }),
    ).toThrow(/end 09:00 must be after start 18:00/);
  });

  it('rejects alert levels that are not positive numbers', () => {
    expect(() => planAlerts(base, NOW, [0.5, 0])).toThrow(/levels must be an array of numbers > 0/);
  });

  it('ignores an invalid event that lies after now, as replay requires', () => {
    const t = withEvents([
      { type: 'reacted', at: at('11:00') },
      { type: 'resumed', at: '2025-11-08T10:00:00+03:00' },
    ]);
    expect(evaluateSla(t, NOW).reaction.status).toBe('met');
  });
});
