import type { Ticket } from '@shared/domain/ticket';
import { PAUSE_REASONS_WITH_EMAIL, type PauseReason } from '@shared/sla';
import { quote } from '../../lib/quotes';
import { formatDateTime, offsetLabel } from './sla-format';

/*
 * The e-mails the regulation asks for, prefilled for the engineer's mail client: after a pause
 * for a reason that requires telling the user (§5), the request for information a pause waits on
 * (§5: "пользователю был отправлен запрос"), the P4 answer naming the update's date (Table 1), and
 * the result of the work, sent to the address the request came from (§4). Always in Russian: they
 * go to the customer. A title's own quotes are nested („…“ inside «…»), never «…«…»…».
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

export const SIGNATURE = ['С уважением,', 'служба технической поддержки «Digit PROконтакт»'];

/** The reasons after which §5 says the user is told by e-mail (`PAUSE_REASONS_WITH_EMAIL`). */
type NotifiedPauseReason = 'user_side_fault' | 'third_party_fault' | 'awaiting_user_action';

/** The reasons whose pause waits on a request the user was sent (§5): the letter is the request. */
type RequestPauseReason = 'awaiting_user_info' | 'awaiting_third_party_info';

type MailedPauseReason = NotifiedPauseReason | RequestPauseReason;

/** Why the work stopped, in the regulation's words (§5). */
const PAUSE_REASON_TEXT: Record<NotifiedPauseReason, string> = {
  user_side_fault:
    'по результатам диагностики неисправность находится в зоне ответственности пользователя',
  third_party_fault:
    'по результатам диагностики неисправность находится в зоне ответственности третьих лиц (провайдера связи, поставщика электропитания и т. п.)',
  awaiting_user_action: 'для продолжения работ необходимо выполнить действия с вашей стороны',
};

const PAUSE_NEXT_STEP: Record<NotifiedPauseReason, string> = {
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

/** What the pause waits on, as the letter's opening sentence around the ticket's reference. */
const REQUESTED_INFO: Record<RequestPauseReason, (reference: string) => string> = {
  awaiting_user_info: (reference) =>
    `Для продолжения работ по заявке ${reference} нам необходима дополнительная информация с вашей стороны.`,
  awaiting_third_party_info: (reference) =>
    `Для устранения неисправности по заявке ${reference} нам необходима дополнительная информация от третьих лиц. Пожалуйста, запросите её и перешлите нам.`,
};

/** «№ 1042 „Не формируется отчёт“», or just the title while the ERP has not numbered it. */
function ticketReference(ticket: MailTicket): string {
  const title = quote(ticket.title, 'ru');
  return ticket.number === null ? title : `№ ${ticket.number} ${title}`;
}

function inZone(iso: string, timeZone: string): string {
  return `${formatDateTime(iso, timeZone, 'ru-RU').replace(', ', ' в ')} (${offsetLabel(iso, timeZone, 'ru')})`;
}

function draft(to: string, subject: string, lines: string[]): MailDraft {
  const body = lines.join('\n');
  return { to, subject, body, href: mailtoHref(to, subject, body) };
}

function isNotified(reason: PauseReason): reason is NotifiedPauseReason {
  return PAUSE_REASONS_WITH_EMAIL.includes(reason) && reason in PAUSE_REASON_TEXT;
}

/** A pause for this reason waits on a request sent to the user: the letter asks for it. */
export function pauseIsRequest(reason: PauseReason): reason is RequestPauseReason {
  return reason in REQUESTED_INFO;
}

export function pauseNeedsMail(reason: PauseReason): reason is MailedPauseReason {
  return isNotified(reason) || pauseIsRequest(reason);
}

/**
 * The e-mail a pause for this reason goes with: the notice §5 requires, or the request for
 * information the pause waits on; null when the reason needs none.
 */
export function pauseMail(
  ticket: MailTicket,
  pause: { reason: PauseReason; note?: string | null; at: string },
  timeZone: string,
): MailDraft | null {
  const { reason } = pause;
  const note = pause.note?.trim();
  if (pauseIsRequest(reason)) return infoRequestMail(ticket, reason, note, pause.at, timeZone);
  if (!isNotified(reason)) return null;
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

function infoRequestMail(
  ticket: MailTicket,
  reason: RequestPauseReason,
  note: string | undefined,
  at: string,
  timeZone: string,
): MailDraft {
  return draft(
    ticket.reporterEmail,
    `Заявка ${ticketReference(ticket)}: нужна дополнительная информация`,
    [
      'Здравствуйте!',
      '',
      REQUESTED_INFO[reason](
        `${ticketReference(ticket)} от ${inZone(ticket.createdAt, timeZone)} (учётная запись ${ticket.account})`,
      ),
      ...(note ? ['', 'Что нужно:', note] : []),
      '',
      `Работы приостановлены ${inZone(at, timeZone)} до получения ответа; время ожидания не входит в срок устранения неисправности (раздел 5 Положения о технической поддержке). Пожалуйста, ответьте на это письмо.`,
      '',
      ...SIGNATURE,
    ],
  );
}

/**
 * The P4 answer (Table 1): the date of the update that will fix the error. The ticket stays open
 * until the update ships; the result follows then.
 */
export function fixDateMail(
  ticket: MailTicket,
  answer: { releaseDate: string; at: string },
  timeZone: string,
): MailDraft {
  const [year, month, day] = answer.releaseDate.split('-');
  const date = `${day}.${month}.${year}`;
  return draft(ticket.reporterEmail, `Заявка ${ticketReference(ticket)}: дата обновления`, [
    'Здравствуйте!',
    '',
    `По заявке ${ticketReference(ticket)} от ${inZone(ticket.createdAt, timeZone)} (учётная запись ${ticket.account}) сообщаем: ошибка будет исправлена в обновлении ПО «Digit PROконтакт», выход которого запланирован на ${date}.`,
    '',
    'Заявка остаётся открытой до выхода обновления; после его установки мы сообщим о результате работ. Если неисправность мешает работе сильнее, чем описано в заявке, ответьте, пожалуйста, на это письмо.',
    '',
    `Ответ дан ${inZone(answer.at, timeZone)}.`,
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
