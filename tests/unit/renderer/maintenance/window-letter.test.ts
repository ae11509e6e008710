import { describe, expect, it } from 'vitest';
import { windowNoticeMail } from '../../../../renderer/features/maintenance/window-letter';

const organization = {
  name: 'ООО «Ромашка»',
  timeZone: 'Europe/Moscow',
  contactEmails: ['it@romashka.ru', 'boss@romashka.ru'],
};
// 2027-01-12T16:00Z–20:00Z is 19:00–23:00 in Moscow (UTC+3, no DST).
const window = {
  startsAt: '2027-01-12T16:00:00.000Z',
  endsAt: '2027-01-12T20:00:00.000Z',
  unavailable: 'Отчёты по звонкам и выгрузка в «1С»',
  mode: 'normal' as const,
  override: null,
};

describe('windowNoticeMail', () => {
  it('tells the customer when (their clock), the mode and what will be unavailable', () => {
    const mail = windowNoticeMail(window, organization);
    expect(mail.to).toBe('it@romashka.ru, boss@romashka.ru');
    expect(mail.subject).toBe('Плановые технические работы 12.01.2027 с 19:00 до 23:00 (UTC+3)');
    expect(mail.body).toBe(
      [
        'Здравствуйте!',
        '',
        'Сообщаем, что в системе «Digit PROконтакт» у ООО «Ромашка» запланированы технические работы 12.01.2027 с 19:00 до 23:00 (UTC+3), время указано местное.',
        '',
        'Система будет работать в штатном режиме: доступны все функции, кроме перечисленных ниже.',
        '',
        'На время работ будет недоступно:',
        'Отчёты по звонкам и выгрузка в «1С»',
        '',
        'Если это время вам не подходит, пожалуйста, ответьте на это письмо.',
        '',
        'С уважением,',
        'служба технической поддержки «Digit PROконтакт»',
      ].join('\n'),
    );
    const [address, query] = mail.href.slice('mailto:'.length).split('?');
    expect(decodeURIComponent(address!)).toBe(mail.to);
    expect(new URLSearchParams(query).get('subject')).toBe(mail.subject);
  });

  it('in Vladivostok the same instants are the next morning', () => {
    // 16:00Z is 02:00 the next day in Vladivostok (UTC+10).
    const mail = windowNoticeMail(window, { ...organization, timeZone: 'Asia/Vladivostok' });
    expect(mail.subject).toBe('Плановые технические работы 13.01.2027 с 02:00 до 06:00 (UTC+10)');
  });

  it('an override is told as a fact, its reason stays with the support side', () => {
    const mail = windowNoticeMail(
      { ...window, mode: 'autonomous', override: { reason: 'Иванов в отпуске с понедельника' } },
      organization,
    );
    expect(mail.body).toContain('Система будет работать в автономном режиме');
    expect(mail.body).toContain('Работы проводятся в ваше рабочее время в порядке исключения.');
    expect(mail.body).not.toContain('Иванов');
  });
});
