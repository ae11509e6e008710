import { DateTime } from 'luxon';
import type { ClockLine, ComplianceReport, ReportCell, TicketLine } from '@shared/reports';
import { PAUSE_REASONS, type PauseReason, type Priority } from '@shared/sla';
import { exportLabels, fill, type ExportLabels, type ExportLanguage } from './export-labels';
import { periodLabel } from './period-label';

/*
 * One model the three formats write, so XLSX, CSV and PDF can never disagree: the rows are built
 * once here, and each writer only decides how a kind of value looks in its format.
 */

/**
 * `count`: a whole number; `hours`: working or wall-clock hours (a number); `share`: 0…1;
 * `instant`: a local wall-clock time in the ticket's organization zone, `YYYY-MM-DDTHH:mm`.
 */
export type ColumnKind = 'text' | 'count' | 'hours' | 'share' | 'instant';

export type ExportValue = string | number | null;

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for the spreadsheet. */
  width: number;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportValue[][];
}

export interface ExportOrganization {
  id: string;
  name: string;
  timeZone: string;
}

export interface ExportRequest {
  language: ExportLanguage;
  organizations: readonly ExportOrganization[];
  /** The filters the report was built with; empty = all. */
  organizationIds: readonly string[];
  priorities: readonly Priority[];
  builtAt: Date;
  /** The zone `builtAt` is written in: the device's. */
  deviceZone: string;
  appVersion: string;
}

export interface ReportExport {
  language: ExportLanguage;
  labels: ExportLabels;
  title: string;
  period: string;
  /** Organizations the report shows, by name. */
  organizations: ExportOrganization[];
  /** Label and value pairs for the «Об отчёте» sheet and the PDF's heading. */
  about: Array<[string, string]>;
  builtAt: string;
  appVersion: string;
  summary: ExportTable;
  tickets: ExportTable;
}

const HOUR_MS = 3_600_000;

function hours(ms: number): number {
  return ms / HOUR_MS;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock in `zone`. Intl, one formatter per zone, rather than a luxon DateTime per
 * instant: a year's export has tens of thousands of instants, and this is ten times faster.
 */
function wall(iso: string | null, zone: string): string | null {
  if (iso === null) return null;
  let format = wallFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(zone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(new Date(iso))) part[type] = value;
  return `${part['year']}-${part['month']}-${part['day']}T${part['hour']}:${part['minute']}`;
}

/** Pause reasons that occur anywhere in the report, in the regulation's order. */
function reasonsIn(report: ComplianceReport): PauseReason[] {
  const present = new Set(report.cells.flatMap((cell) => cell.paused.map((p) => p.reason)));
  return PAUSE_REASONS.filter((reason) => present.has(reason));
}

function summaryTable(
  report: ComplianceReport,
  labels: ExportLabels,
  organization: (id: string) => ExportOrganization,
): ExportTable {
  const s = labels.summary;
  const reasons = reasonsIn(report);
  const columns: ExportColumn[] = [
    { header: s.organization, kind: 'text', width: 32 },
    { header: s.zone, kind: 'text', width: 18 },
    { header: s.priority, kind: 'text', width: 10 },
    { header: s.tickets, kind: 'count', width: 9 },
    { header: s.reactionMet, kind: 'count', width: 11 },
    { header: s.reactionBreached, kind: 'count', width: 11 },
    { header: s.reactionShare, kind: 'share', width: 11 },
    { header: s.resolutionMet, kind: 'count', width: 11 },
    { header: s.resolutionBreached, kind: 'count', width: 11 },
    { header: s.resolutionShare, kind: 'share', width: 11 },
    { header: s.reactionMedian, kind: 'hours', width: 11 },
    { header: s.reactionP90, kind: 'hours', width: 11 },
    { header: s.resolutionMedian, kind: 'hours', width: 11 },
    { header: s.resolutionP90, kind: 'hours', width: 11 },
    { header: s.pausedTotal, kind: 'hours', width: 13 },
    ...reasons.map((reason): ExportColumn => ({
      header: fill(s.pausedBy, { reason: labels.reasons[reason] }),
      kind: 'hours',
      width: 14,
    })),
    { header: s.extensions, kind: 'count', width: 11 },
    { header: s.extensionHours, kind: 'hours', width: 11 },
    { header: s.fixDates, kind: 'count', width: 11 },
    { header: s.openAtEnd, kind: 'count', width: 12 },
  ];
  const stat = (value: ReportCell['reactionMedian']) => (value === null ? null : hours(value.ms));
  const rows = report.cells.map((cell): ExportValue[] => {
    const org = organization(cell.organizationId);
    const pausedOf = (reason: PauseReason) =>
      hours(cell.paused.find((p) => p.reason === reason)?.ms ?? 0);
    return [
      org.name,
      org.timeZone,
      `P${cell.priority}`,
      cell.tickets.count,
      cell.reactionMet.count,
      cell.reactionBreached.count,
      cell.reactionShareMet,
      cell.resolutionMet.count,
      cell.resolutionBreached.count,
      cell.resolutionShareMet,
      stat(cell.reactionMedian),
      stat(cell.reactionP90),
      stat(cell.resolutionMedian),
      stat(cell.resolutionP90),
      hours(cell.paused.reduce((sum, p) => sum + p.ms, 0)),
      ...reasons.map(pausedOf),
      cell.extensions.count,
      cell.extensions.hours,
      cell.fixDateAnswers.count,
      cell.openAtEnd.count,
    ];
  });
  return { columns, rows };
}

function ticketTable(
  report: ComplianceReport,
  labels: ExportLabels,
  language: ExportLanguage,
  organization: (id: string) => ExportOrganization,
): ExportTable {
  const t = labels.tickets;
  const clockColumns = (clock: 'reaction' | 'resolution'): ExportColumn[] => [
    { header: t[`${clock}Verdict`], kind: 'text', width: 14 },
    { header: t[`${clock}Counted`], kind: 'hours', width: 11 },
    { header: t[`${clock}Target`], kind: 'hours', width: 11 },
    { header: t[`${clock}Due`], kind: 'instant', width: 17 },
    { header: t[`${clock}Stopped`], kind: 'instant', width: 17 },
  ];
  const columns: ExportColumn[] = [
    { header: t.number, kind: 'text', width: 12 },
    { header: t.title, kind: 'text', width: 48 },
    { header: t.organization, kind: 'text', width: 32 },
    { header: t.priority, kind: 'text', width: 14 },
    { header: t.created, kind: 'instant', width: 17 },
    ...clockColumns('reaction'),
    ...clockColumns('resolution'),
  ];
  const clockValues = (clock: ClockLine, zone: string): ExportValue[] => [
    labels.verdicts[clock.verdict],
    hours(clock.elapsedMs),
    hours(clock.targetMs),
    wall(clock.dueAt, zone),
    wall(clock.stoppedAt, zone),
  ];
  const collator = new Intl.Collator(language);
  const lines = Object.values(report.lines).sort(
    (a, b) =>
      collator.compare(organization(a.organizationId).name, organization(b.organizationId).name) ||
      a.priority - b.priority ||
      (a.number ?? Infinity) - (b.number ?? Infinity) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const rows = lines.map((line: TicketLine): ExportValue[] => {
    const org = organization(line.organizationId);
    return [
      line.number === null ? labels.noNumber : String(line.number),
      line.title,
      org.name,
      `P${line.priority}`,
      wall(line.createdAt, org.timeZone),
      ...clockValues(line.reaction, org.timeZone),
      ...clockValues(line.resolution, org.timeZone),
    ];
  });
  const withZone = columns.map((column) =>
    column.kind === 'instant'
      ? { ...column, header: `${column.header} ${labels.localTime}` }
      : column,
  );
  return { columns: withZone, rows };
}

/** The rows every export format writes, built once from the report. */
export function buildReportExport(report: ComplianceReport, request: ExportRequest): ReportExport {
  const labels = exportLabels(request.language);
  const known = new Map(request.organizations.map((o) => [o.id, o]));
  // An organization missing from the local copy still gets a row: named by its id, in UTC.
  const organization = (id: string): ExportOrganization =>
    known.get(id) ?? { id, name: id, timeZone: 'UTC' };
  const shownIds = [
    ...new Set([
      ...request.organizationIds,
      ...report.cells.map((c) => c.organizationId),
      ...Object.values(report.lines).map((l) => l.organizationId),
    ]),
  ];
  const organizations = shownIds.map(organization).sort((a, b) => a.name.localeCompare(b.name));
  const organizationList = organizations.map((o) => `${o.name} (${o.timeZone})`).join('; ');
  const period = periodLabel(report.period, request.language);
  const builtAt = DateTime.fromJSDate(request.builtAt, { zone: request.deviceZone }).toFormat(
    'dd.MM.yyyy HH:mm ZZ',
  );
  const a = labels.about;
  const about: Array<[string, string]> = [
    [a.report, labels.title],
    [a.period, period],
    [
      a.organizations,
      request.organizationIds.length === 0
        ? `${a.allOrganizations}: ${organizationList}`
        : organizationList,
    ],
    [
      a.priorities,
      request.priorities.length === 0
        ? a.allPriorities
        : [...request.priorities]
            .sort()
            .map((p) => `P${p}`)
            .join(', '),
    ],
    [a.rule, a.ruleText],
    [a.zones, a.zonesText],
    [a.builtAt, builtAt],
    [a.appVersion, request.appVersion],
    ...(report.unevaluable.length > 0
      ? [[a.unevaluable, report.unevaluable.map((u) => u.ticketId).join(', ')] as [string, string]]
      : []),
  ];
  return {
    language: request.language,
    labels,
    title: labels.title,
    period,
    organizations,
    about,
    builtAt,
    appVersion: request.appVersion,
    summary: summaryTable(report, labels, organization),
    tickets: ticketTable(report, labels, request.language, organization),
  };
}
