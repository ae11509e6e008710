import { describe, expect, it } from 'vitest';
import { evaluateSla, planAlerts } from '@shared/sla';
import { ticket } from './helpers';

// 2025-11-05 (Wed) … 2025-11-07 (Fri) are ordinary Moscow working days; Nov 8–9 is a weekend.
const created = '2025-11-05T10:00:00+03:00';

describe('planAlerts', () => {
  it('plans 75 %, 90 % and the breach of both clocks, sorted by time', () => {
    expect(planAlerts(ticket(2, created, 'Europe/Moscow'), created)).toEqual([
      { clock: 'reaction', level: 0.75, at: '2025-11-05T10:00:00.000Z' }, // 3 h → 13:00 local
      { clock: 'reaction', level: 0.9, at: '2025-11-05T10:36:00.000Z' }, // 3.6 h → 13:36
      { clock: 'reaction', level: 1, at: '2025-11-05T11:00:00.000Z' },
      { clock: 'resolution', level: 0.75, at: '2025-11-07T07:00:00.000Z' }, // 18 h: Wed 8, Thu 9, Fri 09–10
      { clock: 'resolution', level: 0.9, at: '2025-11-07T10:36:00.000Z' }, // 21.6 h → Fri 13:36
      { clock: 'resolution', level: 1, at: '2025-11-07T13:00:00.000Z' },
    ]);
  });

  it('returns only instants strictly after now', () => {
    const alerts = planAlerts(ticket(2, created, 'Europe/Moscow'), '2025-11-05T13:00:00+03:00');
    expect(alerts[0]).toEqual({ clock: 'reaction', level: 0.9, at: '2025-11-05T10:36:00.000Z' });
  });

  it('drops a stopped reaction clock and a paused resolution clock', () => {
    const reacted = ticket(2, created, 'Europe/Moscow', [
      { type: 'reacted', at: '2025-11-05T11:00:00+03:00' },
    ]);
    expect(planAlerts(reacted, '2025-11-05T12:00:00+03:00').map((a) => a.clock)).toEqual([
      'resolution',
      'resolution',
      'resolution',
    ]);
    const paused = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T11:00:00+03:00', reason: 'awaiting_user_info' },
    ]);
    expect(planAlerts(paused, '2025-11-05T12:00:00+03:00')).toEqual([]);
  });

  it('re-plans after a resume, moved by the paused time', () => {
    const resumed = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T11:00:00+03:00', reason: 'awaiting_user_info' },
      { type: 'resumed', at: '2025-11-06T11:00:00+03:00' },
    ]);
    // 1 h counted before the pause; 17 more to 75 %: Thu 11–18 (7), Fri (16), Mon 09–10.
    expect(planAlerts(resumed, '2025-11-06T11:00:00+03:00')[0]).toEqual({
      clock: 'resolution',
      level: 0.75,
      at: '2025-11-10T07:00:00.000Z',
    });
  });

  it('jumps over the weekend and agrees with the deadline at level 1', () => {
    const t = ticket(3, '2025-11-07T15:00:00+03:00', 'Europe/Moscow');
    const [half] = planAlerts(t, '2025-11-07T15:00:00+03:00', [0.5]);
    expect(half).toEqual({ clock: 'reaction', level: 0.5, at: '2025-11-10T07:00:00.000Z' }); // Fri 15–18, Mon 09–10
    const full = planAlerts(t, '2025-11-07T15:00:00+03:00', [1]);
    const due = evaluateSla(t, '2025-11-07T15:00:00+03:00');
    expect(full.map((a) => a.at)).toEqual([due.reaction.dueAt, due.resolution.dueAt]);
  });

  it('takes its default levels from the config', () => {
    const alerts = planAlerts(ticket(1, created, 'Europe/Moscow'), created, undefined, {
      alertLevels: [0.5],
    });
    expect(alerts).toEqual([
      { clock: 'reaction', level: 0.5, at: '2025-11-05T07:30:00.000Z' },
      { clock: 'resolution', level: 0.5, at: '2025-11-05T11:00:00.000Z' },
    ]);
  });
});
