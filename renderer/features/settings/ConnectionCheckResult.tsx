import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { resolvedTimeZone } from '@shared/clock/device-zone';
import { PROTOCOL_VERSION } from '@shared/erp/protocol';
import { dateTimeSecondsText } from '@shared/format/instant-text';
import type { ConnectionCheck } from './connection-check';
import { RedmineCheckFindings } from './RedmineCheckFindings';
import { clockRelation, formatDurationShort } from './settings-format';

/** «Проверить подключение»'s answer: who the token belongs to and the clocks, or what is wrong. */
export function ConnectionCheckResult({ check }: { check: ConnectionCheck }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (check.kind === 'connected') {
    const relation = clockRelation(check.offsetMs);
    const amount = formatDurationShort(check.offsetMs, locale);
    return (
      <div
        className="connection-check connection-check--ok"
        role="status"
        data-testid="connection-check"
      >
        <p className="connection-check__title">{t('settings.check.okTitle')}</p>
        <dl className="connection-check__facts">
          <dt>{t('settings.check.user')}</dt>
          <dd data-testid="connection-check-user">
            {check.user.name}
            {check.user.email ? ` · ${check.user.email}` : ''}
          </dd>
          <dt>{t('settings.check.serverTime')}</dt>
          <dd data-testid="connection-check-time">
            {dateTimeSecondsText(Date.parse(check.serverTime), resolvedTimeZone(), locale)}
          </dd>
          <dt>{t('settings.check.clock')}</dt>
          <dd data-testid="connection-check-clock">
            {relation === 'same'
              ? t('settings.check.clockSame')
              : t(
                  relation === 'ahead' ? 'settings.check.clockAhead' : 'settings.check.clockBehind',
                  {
                    amount,
                  },
                )}{' '}
            <span className="connection-check__aside">
              ({t('settings.check.roundTrip', { ms: check.roundTripMs })})
            </span>
          </dd>
        </dl>
        <p className="connection-check__note">{t('settings.check.clockNote')}</p>
        {check.redmine && <RedmineCheckFindings report={check.redmine} />}
      </div>
    );
  }
  return (
    <div
      className="connection-check connection-check--failed"
      role="alert"
      data-testid="connection-check"
    >
      <p className="connection-check__title">{t('settings.check.failTitle')}</p>
      <p data-testid="connection-check-problem">{problemText(t, check)}</p>
      {check.detail !== '' && check.kind !== 'not_configured' && check.kind !== 'failed' && (
        <p className="connection-check__aside">
          {t('settings.check.answer', { detail: check.detail })}
        </p>
      )}
    </div>
  );
}

function problemText(t: TFunction, check: Exclude<ConnectionCheck, { kind: 'connected' }>): string {
  switch (check.kind) {
    case 'wrong_version':
      return check.serverVersion === null
        ? t('settings.check.kinds.wrong_version_426')
        : t('settings.check.kinds.wrong_version', {
            server: check.serverVersion,
            client: PROTOCOL_VERSION,
          });
    case 'not_protocol': {
      const shape = check.bodyShape === null ? null : t(`settings.check.shapes.${check.bodyShape}`);
      const what =
        check.status === 200 || check.status === null
          ? (shape ?? '')
          : shape === null
            ? t('settings.check.shapes.status', { status: check.status })
            : t('settings.check.shapes.statusShape', { status: check.status, shape });
      return t('settings.check.kinds.not_protocol', { what });
    }
    case 'busy':
    case 'server_error':
      return t(`settings.check.kinds.${check.kind}`, { status: check.status });
    default:
      return t(`settings.check.kinds.${check.kind}`, { detail: check.detail });
  }
}
