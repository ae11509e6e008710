import { instantWhenCounted } from './clocks';
import { buildContext } from './evaluate';
import { formatInstant } from './instants';
import { resolvePolicy, type SlaConfig } from './policy';
import { SlaInputError, type ClockName, type PlannedAlert, type SlaTicket } from './types';

/**
 * The instants strictly after `now` at which each running clock reaches `level × target`,
 * assuming no further events. A stopped clock has none; a paused one neither (its future is
 * unknown until it resumes).
 */
export function planAlerts(
  ticket: SlaTicket,
  now: string | Date,
  levels?: number[],
  config?: SlaConfig,
): PlannedAlert[] {
  const chosen = levels ?? resolvePolicy(config).alertLevels;
  if (
    !Array.isArray(chosen) ||
    chosen.some((l) => typeof l !== 'number' || !Number.isFinite(l) || l <= 0)
  ) {
    throw new SlaInputError(
      'invalid_config',
      'levels must be an array of numbers > 0 (fractions of the target, 1 = the deadline)',
    );
  }
  const context = buildContext(ticket, now, config);
  const nowMs = context.timeline.nowMs;
  const planned: Array<{ clock: ClockName; level: number; atMs: number }> = [];
  for (const clock of ['reaction', 'resolution'] as const) {
    const model = context[clock];
    if (model.stopMs !== null || model.paused) continue;
    for (const level of chosen) {
      const atMs = instantWhenCounted(model, context.schedule, level * model.targetMs);
      if (atMs !== null && Math.ceil(atMs) > nowMs) planned.push({ clock, level, atMs });
    }
  }
  planned.sort(
    (a, b) =>
      a.atMs - b.atMs ||
      (a.clock === b.clock ? a.level - b.level : a.clock === 'reaction' ? -1 : 1),
  );
  return planned.map(({ clock, level, atMs }) => ({ clock, level, at: formatInstant(atMs) }));
}
