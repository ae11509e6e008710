import { describe, expect, it } from 'vitest';
import { PAUSE_REASONS } from '../../../../shared/sla';
import {
  fixDateMail,
  mailtoHref,
  pauseMail,
  resultMail,
  type MailTicket,
} from '../../../../renderer/features/ticket/mail-template';

const ticket: MailTicket = {
  number: 1042,
  title: 'Не формируется отчёт по обращениям',
  reporterEmail: 'petrova.ai@yantar-terminal.ru',
  account: 'petrova.ai',
  createdAt: '2026-01-12T08:15:00Z',
};
// Kaliningrad is UTC+2 all year: 08:15Z is 10:15 there.
const ZONE = 'Europe/Kaliningrad';

function decode(href: string) {
  const url = new URL(href);
  return {
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject'),
    body: url.searchParams.get('body'),
  };
}

describe('pause e-mail (§5)', () => {
  it('is drafted for the three reasons the user is told about and the two that wait on a request', () => {
    const mailed = PAUSE_REASONS.filter((reason) =>
      pauseMail(ticket, { reason, at: '2026-01-12T09:00:00Z' }, ZONE),
    );
    expect(mailed).toEqual([
      'user_side_fault',
      'third_party_fault',
      'awaiting_user_action',
      'awaiting_user_info',
      'awaiting_third_party_info',
    ]);
  });

  it("asks for the information the pause waits on, with the engineer's note as the request", () => {
    const mail = pauseMail(
      ticket,
      {
        reason: 'awaiting_third_party_info',
        note: 'Журнал ошибок АТС за 11.01.2026.',
        at: '2026-01-12T09:05:00Z',
      },
      ZONE,
    )!;
    expect(mail.subject).toBe(
      'Заявка № 1042 «Не формируется отчёт по обращениям»: нужна дополнительная информация',
    );
    // 08:15Z is 10:15 in Kaliningrad (UTC+2, МСК−1: letters name zones from Moscow).
    expect(mail.body).toContain(
      'Для устранения неисправности по заявке № 1042 «Не формируется отчёт по обращениям» от 12.01.2026 в 10:15 (МСК−1) (учётная запись petrova.ai) нам необходима дополнительная информация от третьих лиц.',
    );
    expect(mail.body).toContain('Что нужно:\nЖурнал ошибок АТС за 11.01.2026.\n');
    // 09:05Z is 11:05 in Kaliningrad (UTC+2).
    expect(mail.body).toContain(
      'Работы приостановлены 12.01.2026 в 11:05 (МСК−1) до получения ответа',
    );
  });

  it('quotes the ticket, the reason, the note and the time in the customer zone', () => {
    const mail = pauseMail(
      ticket,
      {
        reason: 'awaiting_user_action',
        note: 'Перезапустите службу обмена.',
        at: '2026-01-12T09:05:00Z',
      },
      ZONE,
    )!;
    expect(mail.to).toBe('petrova.ai@yantar-terminal.ru');
    expect(mail.subject).toBe(
      'Заявка № 1042 «Не формируется отчёт по обращениям»: работы приостановлены',
    );
    expect(mail.body).toContain(
      'Работы по заявке № 1042 «Не формируется отчёт по обращениям» от 12.01.2026 в 10:15 (МСК−1) (учётная запись petrova.ai) приостановлены 12.01.2026 в 11:05 (МСК−1).',
    );
    expect(mail.body).toContain(
      'Причина: для продолжения работ необходимо выполнить действия с вашей стороны.',
    );
    expect(mail.body).toContain('Комментарий специалиста: Перезапустите службу обмена.');
    expect(mail.body).toContain('Время приостановки работ не входит в срок');
    expect(decode(mail.href)).toEqual({
      to: mail.to,
      subject: mail.subject,
      body: mail.body.replace(/\n/g, '\r\n'),
    });
  });

  it('names a ticket the ERP has not numbered yet by its title', () => {
    const mail = pauseMail(
      { ...ticket, number: null },
      { reason: 'user_side_fault', at: '2026-01-12T09:00:00Z' },
      ZONE,
    )!;
    expect(mail.subject).toBe('Заявка «Не формируется отчёт по обращениям»: работы приостановлены');
  });
});

describe('result e-mail (§4)', () => {
  it('goes to the address the request came from, with the result verbatim', () => {
    const mail = resultMail(
      ticket,
      {
        result: 'Исправлен шаблон отчёта.\nПроверено с пользователем.',
        at: '2026-01-13T07:30:00Z',
      },
      ZONE,
    );
    expect(mail.to).toBe(ticket.reporterEmail);
    expect(mail.subject).toBe(
      'Заявка № 1042 «Не формируется отчёт по обращениям»: работы завершены',
    );
    expect(mail.body).toContain(
      'Результат:\nИсправлен шаблон отчёта.\nПроверено с пользователем.\n',
    );
    expect(mail.body).toContain('Работы завершены 13.01.2026 в 09:30 (МСК−1).');
  });
});

describe('P4 answer with the update date (Table 1)', () => {
  it('names the release date and keeps the ticket open until the update ships', () => {
    const mail = fixDateMail(
      ticket,
      { releaseDate: '2026-02-20', at: '2026-01-13T07:30:00Z' },
      ZONE,
    );
    expect(mail.to).toBe(ticket.reporterEmail);
    expect(mail.subject).toBe(
      'Заявка № 1042 «Не формируется отчёт по обращениям»: дата обновления',
    );
    expect(mail.body).toContain(
      'ошибка будет исправлена в обновлении ПО «Digit PROконтакт», выход которого запланирован на 20.02.2026.',
    );
    expect(mail.body).toContain('Заявка остаётся открытой до выхода обновления');
    // 07:30Z is 09:30 in Kaliningrad (UTC+2).
    expect(mail.body).toContain('Ответ дан 13.01.2026 в 09:30 (МСК−1).');
  });
});

describe('quotes inside subjects and bodies', () => {
  const quotedTitle = { ...ticket, title: 'Не открывается карточка «Обращение»' };
  const letters = [
    [
      'pause',
      pauseMail(quotedTitle, { reason: 'user_side_fault', at: '2026-01-12T09:00:00Z' }, ZONE)!,
    ],
    [
      'information request',
      pauseMail(quotedTitle, { reason: 'awaiting_user_info', at: '2026-01-12T09:00:00Z' }, ZONE)!,
    ],
    [
      'fix date',
      fixDateMail(quotedTitle, { releaseDate: '2026-02-20', at: '2026-01-12T09:00:00Z' }, ZONE),
    ],
    ['result', resultMail(quotedTitle, { result: 'Готово.', at: '2026-01-12T09:00:00Z' }, ZONE)],
  ] as const;

  it.each(letters)("%s: a title's own «…» become „…“ inside «…»", (_name, mail) => {
    expect(mail.subject).toContain('«Не открывается карточка „Обращение“»');
    expect(mail.body).toContain('«Не открывается карточка „Обращение“»');
    expect(`${mail.subject}\n${mail.body}`).not.toMatch(/«[^»]*«/u);
  });
});

describe('mailto links', () => {
  it('encode everything a mail client could misread', () => {
    expect(mailtoHref('a@b.ru', 'Тема & ? #', 'строка 1\nстрока 2')).toBe(
      'mailto:a@b.ru?subject=%D0%A2%D0%B5%D0%BC%D0%B0%20%26%20%3F%20%23&body=%D1%81%D1%82%D1%80%D0%BE%D0%BA%D0%B0%201%0D%0A%D1%81%D1%82%D1%80%D0%BE%D0%BA%D0%B0%202',
    );
  });
});
