// Contender (a): moment-business-time 2.0 configured with 09:00–18:00 Mon–Fri and the RU public
// holidays. It has no time zones (we run each ticket in its zone's fixed UTC offset: Russia has no
// DST) and cannot express working Saturdays or pre-holiday short days.
import moment from 'moment';
import 'moment-business-time';
import type { SlaTicket } from '@shared/sla';
import type { Deadlines } from './epoch-loop';
import { closedPauses } from './epoch-loop';
import { TARGETS } from './targets';

const DAY_HOURS: [string, string] = ['09:00:00', '18:00:00'];

export function configureMomentBusinessTime(holidays: string[]): void {
  moment.updateLocale('en', {
    workinghours: {
      0: null,
      1: DAY_HOURS,
      2: DAY_HOURS,
      3: DAY_HOURS,
      4: DAY_HOURS,
      5: DAY_HOURS,
      6: null,
    },
    holidays,
  });
  if (typeof moment.fn.addWorkingTime !== 'function') {
    throw new Error('moment-business-time did not patch the moment instance the bench uses');
  }
}

export class MomentBusinessTime {
  /** `offsets`: the fixed UTC offset (minutes) of each zone. */
  constructor(private readonly offsets: Map<string, number>) {}

  deadlines(ticket: SlaTicket): Deadlines {
    const target = TARGETS[ticket.priority];
    const offset = this.offsets.get(ticket.timeZone);
    if (offset === undefined) throw new Error(`no offset for ${ticket.timeZone}`);
    const created = moment(ticket.createdAt, moment.ISO_8601).utcOffset(offset);
    const add = (m: moment.Moment, ms: number): moment.Moment =>
      target.allHours
        ? m.clone().add(ms, 'milliseconds')
        : m.clone().addWorkingTime(ms, 'milliseconds');
    const between = (a: moment.Moment, b: moment.Moment): number =>
      target.allHours ? b.diff(a) : b.workingDiff(a, 'milliseconds');

    const reaction = add(created, target.reactionMs);

    const pauses = closedPauses(ticket, (s) => moment(s, moment.ISO_8601).valueOf());
    let t = created;
    let budget = target.resolutionMs;
    let resolution: moment.Moment | null = null;
    for (let k = 0; k + 1 < pauses.length; k += 2) {
      const p = moment(pauses[k]).utcOffset(offset);
      const due = add(t, budget);
      if (due.valueOf() <= p.valueOf()) {
        resolution = due;
        break;
      }
      budget -= between(t, p);
      t = moment(pauses[k + 1]).utcOffset(offset);
    }
    resolution ??= add(t, budget);
    return { reactionDueAt: reaction.toISOString(), resolutionDueAt: resolution.toISOString() };
  }
}
