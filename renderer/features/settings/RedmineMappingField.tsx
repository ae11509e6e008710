import { useTranslation } from 'react-i18next';
import type { MappingIssue } from './redmine-mapping-form';

/**
 * The Redmine mapping as checked JSON: an admin copies ids from Redmine's pages, and one text
 * shows the whole mapping at once. Every problem is listed by field, in the page's language.
 */
export function RedmineMappingField({
  value,
  issues,
  onChange,
  onReset,
}: {
  value: string;
  issues: MappingIssue[];
  onChange: (text: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const invalid = issues.length > 0;
  return (
    <div className={`settings-field${invalid ? ' settings-field--invalid' : ''}`}>
      <label className="settings-field__label" htmlFor="settings-redmine-mapping">
        {t('settings.redmine.mapping')}
      </label>
      <textarea
        id="settings-redmine-mapping"
        className="settings-input settings-input--wide settings-mapping"
        rows={12}
        spellCheck={false}
        aria-describedby="settings-redmine-mapping-hint"
        aria-invalid={invalid}
        {...(invalid ? { 'aria-errormessage': 'settings-redmine-mapping-error' } : {})}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="settings-field__hint" id="settings-redmine-mapping-hint">
        {t('settings.redmine.mappingHint')}{' '}
        <button type="button" className="button button--small" onClick={onReset}>
          {t('settings.redmine.mappingReset')}
        </button>
      </p>
      {invalid && (
        <ul
          className="settings-field__error"
          id="settings-redmine-mapping-error"
          data-testid="settings-redmine-mapping-error"
        >
          {issues.map((issue, index) => (
            <li key={index}>{t(`settings.redmine.mappingIssues.${issue.code}`, { ...issue })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
