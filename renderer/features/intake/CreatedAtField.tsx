import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { formatInZone } from '../../lib/format';
import { useDeviceZone } from '../../lib/device-zone';
import { useNow } from '../../lib/useNow';
import { instantOfWallTime, utcOffsetLabel, wallTimeOf, zonesDiffer } from './created-at';
import { Field } from './Field';
import type { FieldError } from './intake-form';

interface CreatedAtFieldProps {
  /** null: "now", the moment of registration. */
  value: string | null;
  organization: Organization | undefined;
  error: FieldError | undefined;
  onChange: (value: string | null) => void;
}

/**
 * When the customer reported the fault, on the customer's wall clock: the SLA clocks start there,
 * not when the engineer got round to typing it in.
 */
export function CreatedAtField({ value, organization, error, onChange }: CreatedAtFieldProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const engineerZone = useDeviceZone();
  const zone = organization?.timeZone ?? engineerZone;
  const shown = value ?? wallTimeOf(now, zone);
  const wall = instantOfWallTime(shown, zone);
  const at = wall.ok ? wall.ms : now;
  const showYours = organization !== undefined && wall.ok && zonesDiffer(zone, engineerZone, at);

  const note = (
    <p className="intake-field__note" data-testid="intake-created-at-note">
      {value === null && <span>{t('intake.createdAt.nowHint')}</span>}
      {organization && (
        <span>
          {t('intake.createdAt.inZone', { zone, offset: utcOffsetLabel(zone, at, i18n.language) })}
        </span>
      )}
      {showYours && (
        <span>
          {t('intake.createdAt.yours', {
            time: formatInZone(new Date(at).toISOString(), engineerZone, i18n.language),
            offset: utcOffsetLabel(engineerZone, at, i18n.language),
          })}
        </span>
      )}
    </p>
  );

  return (
    <Field field="createdAt" hint={t('intake.hints.createdAt')} error={error} note={note}>
      {(control) => (
        <div className="intake-time">
          <input
            {...control}
            className="intake-input intake-time__input"
            type="datetime-local"
            step={60}
            max={wallTimeOf(now, zone)}
            value={shown}
            onChange={(event) => onChange(event.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={value === null}
            onClick={() => onChange(null)}
          >
            {t('intake.createdAt.now')}
          </button>
        </div>
      )}
    </Field>
  );
}
