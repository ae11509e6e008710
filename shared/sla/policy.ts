import { z } from 'zod';
import { SlaInputError, type Priority } from './types';

/** One place for every number of Table 1; `SlaConfig` overrides any of them. */
export interface PriorityPolicy {
  /** '24x7': every instant counts (P1). 'business': working hours on working days. */
  schedule: '24x7' | 'business';
  reactionHours: number;
  resolutionHours: number;
}

export interface SlaPolicy {
  priorities: Record<Priority, PriorityPolicy>;
  businessHours: {
    /** Local `HH:MM` in the organization's zone. */
    start: string;
    end: string;
    /** How much earlier a pre-holiday short day ends (Labour Code art. 95: one hour). */
    shortDayMinutes: number;
  };
  /** Fractions of a clock's target at which alerts fire; 1 is the breach itself. */
  alertLevels: number[];
  /** Calendar for tickets that name none. */
  defaultCalendar: string;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  priorities: {
    1: { schedule: '24x7', reactionHours: 1, resolutionHours: 8 },
    2: { schedule: 'business', reactionHours: 4, resolutionHours: 24 },
    3: { schedule: 'business', reactionHours: 8, resolutionHours: 40 },
    4: { schedule: 'business', reactionHours: 8, resolutionHours: 40 },
  },
  businessHours: { start: '09:00', end: '18:00', shortDayMinutes: 60 },
  alertLevels: [0.75, 0.9, 1],
  defaultCalendar: 'RU',
};

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');
const hours = z.number().finite().positive('must be a positive number of hours');
const priorityOverride = z
  .object({ schedule: z.enum(['24x7', 'business']), reactionHours: hours, resolutionHours: hours })
  .partial()
  .strict();

export const slaConfigSchema = z
  .object({
    priorities: z
      .object({
        1: priorityOverride,
        2: priorityOverride,
        3: priorityOverride,
        4: priorityOverride,
      })
      .partial()
      .strict(),
    businessHours: z
      .object({ start: hhmm, end: hhmm, shortDayMinutes: z.number().int().min(0).max(600) })
      .partial()
      .strict(),
    alertLevels: z.array(z.number().finite().positive('alert levels must be > 0')).min(1),
    defaultCalendar: z.string().min(1),
  })
  .partial()
  .strict();

export type SlaConfig = z.input<typeof slaConfigSchema>;

/** The policy with the business hours as minutes after local midnight, ready for the engine. */
export interface ResolvedPolicy extends SlaPolicy {
  startMinute: number;
  endMinute: number;
  shortEndMinute: number;
}

const minutesOf = (text: string): number =>
  Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function resolve(config: SlaConfig | undefined): ResolvedPolicy {
  const parsed = slaConfigSchema.safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SlaInputError(
      'invalid_config',
      `config.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const c = parsed.data;
  const base = DEFAULT_SLA_POLICY;
  const priorities = { ...base.priorities };
  for (const p of [1, 2, 3, 4] as const)
    priorities[p] = { ...base.priorities[p], ...c.priorities?.[p] };
  const businessHours = { ...base.businessHours, ...c.businessHours };
  const startMinute = minutesOf(businessHours.start);
  const endMinute = minutesOf(businessHours.end);
  if (endMinute <= startMinute) {
    throw new SlaInputError(
      'invalid_config',
      `config.businessHours: end ${businessHours.end} must be after start ${businessHours.start}`,
    );
  }
  return {
    priorities,
    businessHours,
    alertLevels: c.alertLevels ?? base.alertLevels,
    defaultCalendar: c.defaultCalendar ?? base.defaultCalendar,
    startMinute,
    endMinute,
    shortEndMinute: Math.max(startMinute, endMinute - businessHours.shortDayMinutes),
  };
}

const DEFAULT_RESOLVED = resolve(undefined);
const resolvedConfigs = new WeakMap<object, ResolvedPolicy>();

/** Validated once per config object, so a hot loop with one config pays nothing per call. */
export function resolvePolicy(config: SlaConfig | undefined): ResolvedPolicy {
  if (config === undefined) return DEFAULT_RESOLVED;
  let resolved = resolvedConfigs.get(config);
  if (!resolved) {
    resolved = resolve(config);
    resolvedConfigs.set(config, resolved);
  }
  return resolved;
}
