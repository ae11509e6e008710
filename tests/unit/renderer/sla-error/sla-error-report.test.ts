import { describe, expect, it } from 'vitest';
import { SlaInputError } from '@shared/sla';
import { slaProblemOf, storedSlaProblem } from '../../../../renderer/features/sla-error/sla-error';
import { slaErrorReportText } from '../../../../renderer/features/sla-error/sla-error-report';

const context = {
  at: new Date('2026-11-25T08:35:00Z'),
  appVersion: '0.11.0',
  hostKind: 'browser' as const,
  language: 'ru',
  route: '#/ticket/t-1',
  userAgent: 'Chromium 156',
};

const sla = {
  priority: 2 as const,
  createdAt: '2026-11-25T09:00:00Z',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  events: [
    {
      type: 'paused' as const,
      at: '2026-11-25T09:30:00Z',
      reason: 'other' as const,
      note: 'Иванов, тел. +7 900 000-00-00, Bearer abc.def.ghi',
    },
    { type: 'resumed' as const, at: '2026-11-25T10:00:00Z' },
  ],
};

describe('the diagnostics of a ticket the engine refused', () => {
  it('holds what support needs to replay it: both clocks, the offset, the code, the input', () => {
    const text = slaErrorReportText(
      {
        ticketId: 't-1',
        number: 4521,
        sla,
        problem: { code: 'now_before_created', message: 'now is before ticket.createdAt' },
        deviceNowMs: Date.parse('2026-11-25T08:35:00Z'),
        offset: { offsetMs: 7_200_000, rttMs: 40, measuredAt: Date.parse('2026-11-25T08:30:00Z') },
      },
      context,
    );
    expect(text.split('\n').slice(0, 4)).toEqual([
      'PROконтакт Support Desk: the SLA engine could not evaluate a ticket',
      'Time (ERP, corrected): 2026-11-25T10:35:00.000Z',
      'Device clock: 2026-11-25T08:35:00.000Z',
      'Clock offset: 7200000 ms (ERP − device), round trip 40 ms, measured at 2026-11-25T08:30:00.000Z device time',
    ]);
    expect(text).toContain('Ticket: t-1 №4521');
    expect(text).toContain('Error: now_before_created: now is before ticket.createdAt');
    expect(text).toContain('"createdAt":"2026-11-25T09:00:00Z"');
    expect(text).toContain('"reason":"other","note":"(49 characters)"');
  });

  it('leaves out what the customer wrote (event notes) and any secret', () => {
    const text = slaErrorReportText(
      {
        ticketId: 't-1',
        number: null,
        sla,
        problem: { code: 'unexpected', message: 'TypeError: x; Authorization: Bearer s3cr3t' },
        deviceNowMs: 0,
        offset: null,
      },
      context,
    );
    expect(text).not.toContain('Иванов');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('Ticket: t-1 (not registered yet)');
    expect(text).toContain('Clock offset: not measured yet');
  });
});

describe('what was thrown, as a problem the window can word', () => {
  it("keeps the engine's code and message", () => {
    expect(
      slaProblemOf(new SlaInputError('unknown_zone', 'ticket.timeZone "X" is not known')),
    ).toEqual({ code: 'unknown_zone', message: 'ticket.timeZone "X" is not known' });
  });

  it('calls anything else unexpected, never dropping its message', () => {
    expect(slaProblemOf(new TypeError('x is undefined'))).toEqual({
      code: 'unexpected',
      message: 'TypeError: x is undefined',
    });
  });

  it.each([
    ['event_not_allowed', 'event_not_allowed'],
    ['organization_unknown', 'organization_unknown'],
    // A line stored before codes existed, or by a newer version with a code this one lacks.
    [undefined, 'unexpected'],
    ['a_code_from_the_future', 'unexpected'],
  ])("reads a stored line's code %s as %s", (stored, code) => {
    expect(storedSlaProblem(stored, 'message').code).toBe(code);
  });
});
