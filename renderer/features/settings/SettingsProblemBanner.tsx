import { useTranslation } from 'react-i18next';
import type { SettingsProblem } from '@shared/host/schemas';
import { useUiStore } from '../../stores/useUiStore';

/** Says out loud that stored settings were unusable, so nobody wonders where theirs went. */
export function SettingsProblemBanner({ problem }: { problem: SettingsProblem }) {
  const { t } = useTranslation();
  const noticeId = `settings:${problem.source}`;
  const dismissed = useUiStore((state) => state.dismissedNotices.has(noticeId));
  const dismiss = useUiStore((state) => state.dismissNotice);
  if (dismissed) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <div className="banner__text">
        <strong>{t('settings.problemTitle')}</strong>{' '}
        {t('settings.problemBody', { source: problem.source, detail: problem.detail })}
        {problem.preservedAs && <> {t('settings.preserved', { path: problem.preservedAs })}</>}
      </div>
      <button type="button" className="button button--quiet" onClick={() => dismiss(noticeId)}>
        {t('settings.dismiss')}
      </button>
    </div>
  );
}
