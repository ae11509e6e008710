/** Texts about people: who is signed in, and conflicts that name who has a ticket. */
export const identityRu = {
  signedInAs: 'Вход в ERP:',
  signedInHint: 'ERP знает ваш токен доступа как {{who}}',
  unknown: 'пользователь не определён',
  unknownHint:
    'ERP ещё не сообщила, чей это токен доступа: нет связи или токен не подходит. Действия сохраняются и уйдут в ERP от имени владельца токена.',
  me: 'вы',
  conflicts: {
    assignedElsewhere: 'Заявку уже взял(а) в работу {{name}}.',
    changedTo: 'Исполнитель уже сменился: сейчас заявка у исполнителя {{name}}.',
    changedToMe: 'Исполнитель уже сменился: сейчас заявка у вас.',
    changedToNobody: 'Исполнитель уже сменился: сейчас у заявки нет исполнителя.',
  },
};

export const identityEn: typeof identityRu = {
  signedInAs: 'Signed in to the ERP as',
  signedInHint: 'The ERP knows your access token as {{who}}',
  unknown: 'user not known yet',
  unknownHint:
    'The ERP has not said yet whose access token this is: no connection, or the token is refused. Actions are kept and reach the ERP as the token owner’s.',
  me: 'you',
  conflicts: {
    assignedElsewhere: '{{name}} has already taken this ticket into work.',
    changedTo: 'The assignee has changed meanwhile: {{name}} has the ticket now.',
    changedToMe: 'The assignee has changed meanwhile: you have the ticket now.',
    changedToNobody: 'The assignee has changed meanwhile: nobody has the ticket now.',
  },
};
