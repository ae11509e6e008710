import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockSkewOf } from '@shared/clock/corrected-clock';
import { useNowEvery } from '../../lib/useNow';
import { formatAgo } from '../diagnostics/diagnostics-format';
import { formatClockSkew } from './skew-format';
import { useClockOffset } from './useClockOffset';
import './clock.css';

/**
 * While this computer's clock is more than two minutes off the ERP's, every page says so, which
 * way and by how much: the deadlines on screen are right (they run on ERP time), but the clock in
 * the taskbar is not, and the engineer should know why the two disagree. It can be collapsed to
 * one line, never dismissed: it goes away only when the clock is right again.
 */
export function ClockSkewBanner() {
  const { t, i18n } = useTranslation();
  const offset = useClockOffset();
  const erpNow = useNowEvery(60_000);
  const [collapsed, setCollapsed] = useState(false);
  const skew = clockSkewOf(offset);
  if (!skew || !offset) return null;

  const amount = formatClockSkew(skew.magnitudeMs, i18n.language, (count) =>
    t('clock.days', { count }),
  );
  // `measuredAt` is this computer's clock; shifted by the offset it is on the ERP's, like `erpNow`.
  const measured = formatAgo(erpNow - (offset.measuredAt + offset.offsetMs), i18n.language);
  return (
    <section
      className={`banner banner--warn clock-banner${collapsed ? ' clock-banner--collapsed' : ''}`}
      data-testid="clock-skew-banner"
      data-direction={skew.direction}
      aria-label={t(skew.direction === 'behind' ? 'clock.behindShort' : 'clock.aheadShort', {
        amount,
      })}
    >
      <div className="banner__text">
        {collapsed ? (
          <strong>
            {t(skew.direction === 'behind' ? 'clock.behindShort' : 'clock.aheadShort', { amount })}
          </strong>
        ) : (
          <>
            <strong data-testid="clock-skew-text">
              {t(skew.direction === 'behind' ? 'clock.behind' : 'clock.ahead', { amount })}
            </strong>{' '}
            <span className="clock-banner__hint">{t('clock.hint', { when: measured })}</span>
          </>
        )}
      </div>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={!collapsed}
        onClick={() => setCollapsed((value) => !value)}
      >
        {collapsed ? t('clock.expand') : t('clock.collapse')}
      </button>
    </section>
  );
}
