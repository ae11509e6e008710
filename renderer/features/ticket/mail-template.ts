import type { Ticket } from '@shared/domain/ticket';
import { PAUSE_REASONS_WITH_EMAIL, type PauseReason } from '@shared/sla';
import { formatDateTime, offsetLabel } from './sla-format';

/*
 * The e-mails the regulation asks for, prefilled for the engineer's mail client: after a pause
 * for a reason that requires telling the user (§5), and the result of the work, sent to the
 * address the request came from (§4). Always in Russian: they go to the customer.
 */

export interface MailDraft {
  to: string;
  subject: string;
  body: string;
  /** `mailto:` URL (RFC 6068) with subject and body. */
  href: string;
}

export type MailTicket = Pick<
  Ticket,
  'number' | 'title' | 'reporterEmail' | 'account' | 'createdAt'
>;

const SIGNATURE = ['С уважением,', 'служба технической поддержки «Digit PROконтакт»'];

/** The reasons after which §5 says the user is told by e-mail (`PAUSE_REASONS_WITH_EMAIL`). */
type MailedPauseReason = 'user_side_fault' | 'third_party_fault' | 'awaiting_user_action';

/** Why the work stopped, in the regulation's words (§5). */
const PAUSE_REASON_TEXT: Record<MailedPauseReason, string> = {
  user_side_fault:
    'по результатам диагностики неисправность находится в зоне ответственности пользователя',
  third_party_fault:
    'по результатам диагностики неисправность находится в зоне ответственности третьих лиц (провайдера связи, поставщика электропитания и т. п.)',
  awaiting_user_action: 'для продолжения работ необходимо выполнить действия с вашей стороны',
};

const PAUSE_NEXT_STEP: Record<MailedPauseReason, string> = {
  user_side_fault:
    'Устранение неисправностей на стороне пользователя не входит в зону ответственности разработчика. Если после устранения причины на вашей стороне неисправность сохранится, ответьте, пожалуйста, на это письмо.',
  third_party_fault:
    'Устранение неисправностей на стороне третьих лиц не входит в зону ответственности разработчика. Пожалуйста, обратитесь к ним и ответьте на это письмо, когда причина будет устранена.',
  awaiting_user_action:
    'Работы будут возобновлены после выполнения этих действий: пожалуйста, сообщите нам об этом ответом на это письмо.',
};

export function mailtoHref(to: string, subject: string, body: string): string {
  // encodeURIComponent leaves nothing a mail client could misread; line breaks are CRLF (RFC 6068).
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${query}`;
}

/** «№ 1042 «Не формируется отчёт»», or just the title while the ERP has not numbered it. */
function ticketReference(ticket: MailTicket): string {
  return ticket.number === null ? `«${ticket.title}»` : `№ ${ticket.number} «${ticket.title}»`;
}

function inZone(iso: string, timeZone: string): string {
  return `${formatDateTime(iso, timeZone, 'ru-RU').replace(', ', ' в ')} (${offsetLabel(iso, timeZone, 'ru')})`;
}

function draft(to: string, subject: string, lines: string[]): MailDraft {
  const body = lines.join('\n');
  return { to, subject, body, href: mailtoHref(to, subject, body) };
}

export function pauseNeedsMail(reason: PauseReason): reason is MailedPauseReason {
  return PAUSE_REASONS_WITH_EMAIL.includes(reason) && reason in PAUSE_REASON_TEXT;
}

/** The e-mail §5 requires after a pause for this reason; null when the reason needs none. */
export function pauseMail(
  ticket: MailTicket,
  pause: { reason: PauseReason; note?: string | null; at: string },
  timeZone: string,
): MailDraft | null {
  const { reason } = pause;
  if (!pauseNeedsMail(reason)) return null;
  const note = pause.note?.trim();
  return draft(ticket.reporterEmail, `Заявка ${ticketReference(ticket)}: работы приостановлены`, [
    'Здравствуйте!',
    '',
    `Работы по заявке ${ticketReference(ticket)} от ${inZone(ticket.createdAt, timeZone)} (учётная запись ${ticket.account}) приостановлены ${inZone(pause.at, timeZone)}.`,
    '',
    `Причина: ${PAUSE_REASON_TEXT[reason]}.`,
    ...(note ? ['', `Комментарий специалиста: ${note}`] : []),
    '',
    PAUSE_NEXT_STEP[reason],
    '',
    'Время приостановки работ не входит в срок устранения неисправности (раздел 5 Положения о технической поддержке).',
    '',
    ...SIGNATURE,
  ]);
}

/** The result of the work, to the address the request came from (§4). */
export function resultMail(
  ticket: MailTicket,
  resolution: { result: string; at: string },
  timeZone: string,
): MailDraft {
  return draft(ticket.reporterEmail, `Заявка ${ticketReference(ticket)}: работы завершены`, [
    'Здравствуйте!',
    '',
    `Сообщаем о результате работ по заявке ${ticketReference(ticket)} от ${inZone(ticket.createdAt, timeZone)} (учётная запись ${ticket.account}).`,
    '',
    'Результат:',
    resolution.result.trim(),
    '',
    `Работы завершены ${inZone(resolution.at, timeZone)}. Если неисправность повторится, ответьте, пожалуйста, на это письмо.`,
    '',
    ...SIGNATURE,
  ]);
}
