import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/user';
import { identityEn, identityRu } from '../../../../renderer/features/identity/identity-messages';
import {
  describeRefusal,
  isMine,
  personLabel,
  type People,
} from '../../../../renderer/features/identity/people';

// How the screens name people: "you" for me, the team's name for others, and a refusal about
// who has a ticket in words of the interface language.

const team = new Map<string, User>([
  ['andreev', { id: 'andreev', name: 'Андреев Павел', active: true, version: 1 }],
  ['belova', { id: 'belova', name: 'Белова Марина (Петрова)', active: true, version: 2 }],
]);
const people: People = {
  me: { id: 'andreev', name: 'Андреев Павел', checkedAt: '2026-11-25T07:00:00Z' },
  team,
  loaded: true,
};

async function translator(lng: 'ru' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: {
      ru: { translation: { identity: identityRu } },
      en: { translation: { identity: identityEn } },
    },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('people on screen', () => {
  it.each([
    ['the signed-in user', 'andreev', true],
    ['this device’s user before the ERP said who', '@me', true],
    ['a colleague', 'belova', false],
    ['nobody', null, false],
  ])('%s is mine: %s', (_case, id, mine) => {
    expect(isMine(id, people.me)).toBe(mine);
  });

  it('names a colleague by the team’s current name, someone unknown by the recorded one', () => {
    expect(personLabel('belova', people, 'вы')).toBe('Белова Марина (Петрова)');
    expect(personLabel('andreev', people, 'вы')).toBe('вы');
    expect(personLabel('kim', people, 'вы', 'Ким Денис')).toBe('Ким Денис');
    // A ticket from before ids holds a name where the id goes: it reads as that name.
    expect(personLabel('Демо-инженер', people, 'вы')).toBe('Демо-инженер');
  });
});

describe('describeRefusal', () => {
  const taken = {
    code: 'assigned_elsewhere',
    message: 'react: Белова Марина has already taken this ticket into work',
    holder: { id: 'belova', name: 'Белова Марина' },
  };
  it.each([
    ['ru', taken, 'Заявку уже взял(а) в работу Белова Марина (Петрова).'],
    ['en', taken, 'Белова Марина (Петрова) has already taken this ticket into work.'],
    [
      'ru',
      { code: 'assignment_changed', message: '…', holder: null },
      'Исполнитель уже сменился: сейчас у заявки нет исполнителя.',
    ],
    [
      'ru',
      {
        code: 'assignment_changed',
        message: '…',
        holder: { id: 'andreev', name: 'Андреев Павел' },
      },
      'Исполнитель уже сменился: сейчас заявка у вас.',
    ],
    [
      'en',
      { code: 'assignment_changed', message: '…', holder: { id: 'kim', name: 'Ким Денис' } },
      'The assignee has changed meanwhile: Ким Денис has the ticket now.',
    ],
    // Anything else keeps the ERP's own words.
    [
      'ru',
      { code: 'invalid_transition', message: 'pause: already paused' },
      'pause: already paused',
    ],
  ] as const)('%s: %o → %s', async (lng, error, text) => {
    expect(describeRefusal(error, people, await translator(lng))).toBe(text);
  });
});
