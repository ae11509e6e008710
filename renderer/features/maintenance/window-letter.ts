import type { Organization } from '@shared/domain/ticket';
import type { MaintenanceMode, MaintenanceWindow } from '@shared/maintenance';
import { mailtoHref, type MailDraft } from '../ticket/mail-template';
import { intervalText } from './window-text';

/*
 * The notice a planned window goes with (regulation §2, §5), prefilled for the engineer's mail
 * client like the pause and resolve letters: always Russian (it goes to the customer), times on
 * the customer's clock with the offset from UTC, the mode in the regulation's words.
 *
 * An override's reason is not in the letter: it is the support side's record of why the rule was
 * broken (it may name an internal incident or a colleague) and it stays on the window for a
 * dispute. The customer is told the fact instead — that the work falls into their working hours
 * as an exception — and the engineer may add more in the mail client.
 */

const SIGNATURE = ['С уважением,', 'служба технической поддержки «Digit PROконтакт»'];

/** §2 of the regulation, as the customer should read it. */
const MODE_TEXT: Record<MaintenanceMode, string> = {
  normal:
    'Система будет работать в штатном режиме: доступны все функции, кроме перечисленных ниже.',
  autonomous:
    'Система будет работать в автономном режиме (техническое обслуживание, перенастройка, обновление, резервное копирование): часть функций может быть недоступна.',
};

export type NoticeWindow = Pick<
  MaintenanceWindow,
  'startsAt' | 'endsAt' | 'unavailable' | 'mode' | 'override'
>;

export function windowNoticeMail(
  window: NoticeWindow,
  organization: Pick<Organization, 'name' | 'timeZone' | 'contactEmails'>,
): MailDraft {
  const when = intervalText(window, organization.timeZone, 'ru');
  const subject = `Плановые технические работы ${when}`;
  const to = organization.contactEmails.join(', ');
  const lines = [
    'Здравствуйте!',
    '',
    `Сообщаем, что в системе «Digit PROконтакт» у ${organization.name} запланированы технические работы ${when}, время указано местное.`,
    '',
    MODE_TEXT[window.mode],
    '',
    'На время работ будет недоступно:',
    window.unavailable.trim(),
    ...(window.override
      ? ['', 'Работы проводятся в ваше рабочее время в порядке исключения.']
      : []),
    '',
    'Если это время вам не подходит, пожалуйста, ответьте на это письмо.',
    '',
    ...SIGNATURE,
  ];
  const body = lines.join('\n');
  return { to, subject, body, href: mailtoHref(to, subject, body) };
}
