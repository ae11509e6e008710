import type { ComplianceReport, ReportCell } from '@shared/reports';
import { normalizeQuotes } from '../../../lib/quotes';
import { mailtoHref, SIGNATURE, type MailDraft } from '../../ticket/mail-template';
import { periodLabel } from './period-label';

/*
 * The monthly letter to a customer's contacts: the headline numbers per priority in words, the
 * report itself attached (by hand after a `mailto:`, or already in the .eml draft). Always in
 * Russian, like every letter that goes to a customer.
 */

export interface LetterOrganization {
  id: string;
  name: string;
  timeZone: string;
  contactEmails: readonly string[];
}

/**
 * The organization a monthly letter goes to: the report must be of exactly one, ticked or the
 * only one this computer knows; null otherwise.
 */
export function letterOrganizationOf<T extends { id: string }>(
  organizationIds: readonly string[],
  organizations: readonly T[],
): T | null {
  const ids = organizationIds.length > 0 ? organizationIds : organizations.map((o) => o.id);
  if (ids.length !== 1) return null;
  return organizations.find((o) => o.id === ids[0]) ?? null;
}

const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });

function clockLine(label: string, met: number, breached: number): string {
  const decided = met + breached;
  if (decided === 0) return `${label}: сроки в периоде не истекали`;
  return `${label} в срок: ${met} из ${decided} (${percent.format(met / decided)})`;
}

function priorityLine(cell: ReportCell): string {
  const parts = [
    `заявок — ${cell.tickets.count}`,
    clockLine('реакция', cell.reactionMet.count, cell.reactionBreached.count),
    clockLine('решение', cell.resolutionMet.count, cell.resolutionBreached.count),
  ];
  if (cell.openAtEnd.count > 0) parts.push(`в работе на конец периода — ${cell.openAtEnd.count}`);
  return `— приоритет P${cell.priority}: ${parts.join('; ')}.`;
}

/** «за ноябрь 2026 г.», «за IV квартал 2026 г.», «за период с … по … включительно». */
export function letterPeriod(report: ComplianceReport): string {
  const label = periodLabel(report.period, 'ru');
  return report.period.kind === 'custom' ? `за период ${label}` : `за ${label}`;
}

export function monthlyLetter(
  report: ComplianceReport,
  organization: LetterOrganization,
): MailDraft {
  const to = organization.contactEmails.join(', ');
  const subject = `Отчёт о соблюдении сроков поддержки ${letterPeriod(report)}`;
  const cells = report.cells.filter((cell) => cell.organizationId === organization.id);
  const lines = [
    'Здравствуйте!',
    '',
    `Направляем отчёт о соблюдении сроков технической поддержки ПО «Digit PROконтакт» ${letterPeriod(report)} для организации ${normalizeQuotes(organization.name, 'ru')}. Сроки считаются в рабочих часах по Положению о технической поддержке, в часовом поясе организации (${organization.timeZone}).`,
    '',
    ...(cells.length === 0
      ? ['В этом периоде по заявкам организации сроки не истекали и не были выполнены.']
      : ['Основные показатели:', ...cells.map(priorityLine)]),
    '',
    'Подробный отчёт с перечнем заявок — во вложении (PDF и XLSX). Если по какой-либо заявке у вас есть вопросы, ответьте, пожалуйста, на это письмо.',
    '',
    ...SIGNATURE,
  ];
  const body = lines.join('\n');
  return { to, subject, body, href: mailtoHref(to, subject, body) };
}
