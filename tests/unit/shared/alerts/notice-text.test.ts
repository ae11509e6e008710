import { describe, expect, it } from 'vitest';
import {
  durationInWords,
  ruPlural,
  summaryNoticeText,
  ticketNoticeText,
  type NoticeFacts,
} from '@shared/alerts/notice-text';

const HOUR = 3_600_000;

describe('notification texts', () => {
  it.each([
    [1, 'минута'],
    [2, 'минуты'],
    [5, 'минут'],
    [11, 'минут'],
    [14, 'минут'],
    [21, 'минута'],
    [22, 'минуты'],
    [111, 'минут'],
  ])('Russian plural of %i is «%s»', (n, word) =>
    expect(ruPlural(n, 'минута', 'минуты', 'минут')).toBe(word),
  );

  it.each([
    [15 * 60_000, 'ru', '15 минут'],
    [2 * HOUR, 'ru', '2 часа'],
    [5 * HOUR + 60_000, 'ru', '5 часов 1 минута'],
    [30_000, 'ru', '1 минута'],
    [HOUR + 30 * 60_000, 'en', '1 hour 30 minutes'],
  ] as const)('%i ms in words (%s) is «%s»', (ms, locale, words) =>
    expect(durationInWords(ms, locale)).toBe(words),
  );

  // P2 reaction: 4 working hours; 75 % reached with 1 working hour left, due 18:00 MSK
  // (15:00Z) on Wed 25.11.2026; the notice is shown at 17:00 MSK the same day.
  const p2: NoticeFacts = {
    number: 4521,
    organization: 'АО «Янтарный морской терминал»',
    priority: 2,
    clock: 'reaction',
    level: 0.75,
    targetMs: 4 * HOUR,
    dueAtMs: Date.parse('2026-11-25T15:00:00Z'),
    workingHours: true,
    onTime: true,
  };
  const shownAt = Date.parse('2026-11-25T14:00:00Z');

  it('names the ticket, organization, priority and the working time left', () => {
    expect(ticketNoticeText(p2, shownAt, 'Europe/Moscow', 'ru')).toEqual({
      title: 'П2 · №4521 · 75 % срока реакции',
      body: 'АО «Янтарный морской терминал»\nОсталось 1 час рабочего времени — срок в 18:00 МСК.',
    });
    expect(ticketNoticeText(p2, shownAt, 'Europe/Moscow', 'en')).toEqual({
      title: 'P2 · #4521 · 75% of the reaction time used',
      body: 'АО «Янтарный морской терминал»\n1 hour of working time left — due at 18:00 UTC+3.',
    });
  });

  it('gives only the deadline when a working-hours alert is shown late', () => {
    const late = ticketNoticeText(
      { ...p2, onTime: false },
      shownAt + HOUR / 2,
      'Europe/Moscow',
      'ru',
    );
    expect(late.body).toBe('АО «Янтарный морской терминал»\nСрок в 18:00 МСК.');
  });

  it('shows a deadline on another day with its date', () => {
    const text = ticketNoticeText({ ...p2, level: 1 }, shownAt + 24 * HOUR, 'Europe/Moscow', 'ru');
    expect(text.title).toBe('П2 · №4521 · срок реакции истёк');
    expect(text.body).toBe('АО «Янтарный морской терминал»\nСрок истёк в 25.11 18:00 МСК.');
  });

  it('calls a ticket the ERP has not numbered yet a new one', () => {
    expect(ticketNoticeText({ ...p2, number: null }, shownAt, 'Europe/Moscow', 'ru').title).toBe(
      'П2 · новая заявка · 75 % срока реакции',
    );
  });

  it('summarizes many tickets in two lines', () => {
    expect(summaryNoticeText({ breached: [1, 2, 3, 4, 5, 6], warning: [7] }, 'ru')).toEqual({
      title: 'Сроки по 7 заявкам',
      body: 'Срок истёк: №1, №2, №3, №4 и ещё 2\nСрок на исходе: №7',
    });
    expect(summaryNoticeText({ breached: [], warning: [21] }, 'en')).toEqual({
      title: 'Deadlines on 1 ticket',
      body: 'Running out: #21',
    });
  });
});
