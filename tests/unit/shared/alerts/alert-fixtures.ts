import { vi } from 'vitest';
import { buildFeedEntry, feedLevels } from '../../../../shared/alerts/build-feed';
import { defaultQuietHours } from '../../../../shared/alerts/quiet-hours';
import {
  createAlertScheduler,
  type AlertPolicy,
  type AlertSchedulerPorts,
} from '../../../../shared/alerts/scheduler';
import type { AlertMemory } from '../../../../shared/alerts/memory';
import type {
  AlertFeed,
  AlertFeedTicket,
  AlertNotice,
  AlertStatus,
} from '../../../../shared/alerts/schemas';
import type { Priority, SlaEvent } from '../../../../shared/sla';

export const LEVELS = [0.75, 0.9, 1];

export function policy(overrides: Partial<AlertPolicy> = {}): AlertPolicy {
  return {
    enabled: true,
    levels: LEVELS,
    quietHours: defaultQuietHours(),
    timeZone: 'Europe/Moscow',
    ...overrides,
  };
}

export interface TicketSpec {
  number: number;
  priority: Priority;
  createdAt: string;
  events?: SlaEvent[];
  timeZone?: string;
}

/** The feed entry the renderer would send for this ticket at `nowMs` (the fake current time). */
export function entry(spec: TicketSpec, nowMs = Date.now()): AlertFeedTicket {
  return buildFeedEntry(
    {
      priority: spec.priority,
      createdAt: spec.createdAt,
      timeZone: spec.timeZone ?? 'Europe/Moscow',
      calendar: 'RU',
      events: spec.events ?? [],
    },
    {
      ticketId: `T${spec.number}`,
      number: spec.number,
      organization: `Организация ${spec.number}`,
    },
    nowMs,
    feedLevels(LEVELS),
  );
}

export function feed(...specs: TicketSpec[]): AlertFeed {
  return {
    locale: 'ru',
    clockOffsetMs: 0,
    tickets: specs.map((spec) => entry(spec)),
  };
}

/**
 * The feed a renderer on a device whose clock is off sends: planned on ERP time (the device's
 * fake clock corrected by `clockOffsetMs`), with that offset.
 */
export function feedWithOffset(clockOffsetMs: number, ...specs: TicketSpec[]): AlertFeed {
  return {
    locale: 'ru',
    clockOffsetMs,
    tickets: specs.map((spec) => entry(spec, Date.now() + clockOffsetMs)),
  };
}

/** A scheduler on vitest's fake clock, recording what it shows. */
export function setup(options: { policy?: AlertPolicy; memory?: AlertMemory } = {}) {
  const shown: AlertNotice[] = [];
  const statuses: AlertStatus[] = [];
  const saved: AlertMemory[] = [];
  const ports: AlertSchedulerPorts = {
    now: () => Date.now(),
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    show: (notice) => shown.push(notice),
    saveMemory: (memory) => saved.push(memory),
    onStatus: (status) => statuses.push(status),
  };
  const scheduler = createAlertScheduler(ports, {
    policy: options.policy ?? policy(),
    ...(options.memory ? { memory: options.memory } : {}),
  });
  const titles = () => shown.map((notice) => notice.title);
  return { scheduler, shown, statuses, saved, titles };
}

/** Moves the fake clock to an ISO instant, firing the timers due on the way. */
export function advanceTo(iso: string): void {
  vi.advanceTimersByTime(Date.parse(iso) - Date.now());
}
