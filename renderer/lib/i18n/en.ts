import type { Translation } from './ru';

export const en: Translation = {
  app: {
    title: 'PROконтакт · Support Desk',
    product: 'PROконтакт',
    service: 'Support Desk',
  },
  language: {
    label: 'Interface language',
    ru: 'Русский',
    en: 'English',
  },
  connection: {
    online: 'Online',
    offline: 'Offline',
    offlineHint:
      'Keep working: changes are saved on this computer and go to the ERP once the connection is back.',
  },
  sync: {
    label: 'Sync',
    never: 'not yet run',
    requestedAt: 'requested at {{time}}',
    erpNone: 'ERP: not connected',
    erpRemote: 'ERP: {{host}}',
  },
  queue: {
    title: 'Ticket queue',
    count_one: '{{count}} ticket',
    count_few: '{{count}} tickets',
    count_many: '{{count}} tickets',
    count_other: '{{count}} tickets',
    emptyTitle: 'No tickets yet',
    emptyBody:
      'The queue appears after the first sync with the ERP. Tickets are kept on this computer, so you can work on them offline: reactions, pauses and resolutions go to the ERP as soon as the connection is back.',
    alertsOn: 'Deadline notifications: at {{levels}} of the target.',
    alertsOff: 'Deadline notifications are off.',
  },
  targets: {
    title: 'Targets under the support regulation',
    priority: 'Priority',
    reaction: 'Reaction',
    resolution: 'Resolution',
    schedule: 'Time counted',
    p1: 'P1 · critical',
    p2: 'P2 · high',
    p3: 'P3 · medium',
    p4: 'P4 · low',
    hours: '{{count}} h',
    p3Note: 'extendable by agreement',
    p4Note: 'answer naming the update date',
    allDay: '24×7, holidays included',
    workHours: 'working hours',
    note: 'Working hours are 09:00–18:00 on business days in the organization’s own time zone and production calendar.',
  },
  settings: {
    problemTitle: 'Settings could not be read',
    problemBody:
      '{{source}}: {{detail}}. Defaults are in use. The stored data is untouched: saving new settings sets it aside under another name instead of overwriting it.',
    preserved: 'The previous data was kept as {{path}}.',
    dismiss: 'Dismiss',
  },
  status: {
    hostElectron: 'Desktop app',
    hostBrowser: 'Browser mode — for development and tests',
    version: 'Version {{version}}',
  },
};
