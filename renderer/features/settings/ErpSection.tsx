import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_KINDS, type ErpSettings } from '@shared/host/schemas';
import { ConnectionCheckResult } from './ConnectionCheckResult';
import type { AddressError, FieldError, TokenError } from './erp-form';
import { RedmineMappingField } from './RedmineMappingField';
import { SettingsField } from './SettingsField';
import { SettingsSection } from './SettingsSection';
import { formatSavedDay, hostOfAddress } from './settings-format';
import { useErpConnectionForm } from './useErpConnectionForm';

/**
 * The ERP connection: address and token saved together, in the order the host needs (address,
 * then the token bound to it), by one button; a check that tries what is typed before anything
 * is saved; the stored token only ever described, never shown.
 */
export function ErpSection({
  erp,
  onDirtyChange,
}: {
  erp: ErpSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useErpConnectionForm(erp);
  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);
  const errorText = (error: FieldError<AddressError | TokenError> | undefined) =>
    error && t(`settings.errors.${error.code}`, error.values ?? {});
  const { tokenStatus } = form;
  const working = form.busy !== null;
  const redmine = form.kind === 'redmine';
  // The stored credential is named as the saved ERP names it (the form's kind may be unsaved).
  const secret = { context: erp.kind === 'redmine' ? 'redmine' : undefined };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.connect();
  };

  return (
    <SettingsSection
      id="erp"
      lead={t('settings.erp.lead')}
      dirty={form.dirty}
      outcome={form.outcome}
      actions={
        <>
          <button
            type="submit"
            form="settings-erp-form"
            className="button button--primary"
            disabled={working || (erp.mode === 'configured' && !form.dirty)}
          >
            {form.busy === 'connect' ? t('settings.erp.connecting') : t('settings.erp.connect')}
          </button>
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => void form.runCheck()}
          >
            {form.busy === 'check' ? t('settings.erp.checking') : t('settings.erp.check')}
          </button>
          {form.dirty && (
            <button type="button" className="button button--quiet" onClick={form.discard}>
              {t('settings.cancel')}
            </button>
          )}
        </>
      }
    >
      <p className="settings-erp__current" data-testid="settings-erp-current">
        {t('settings.erp.current')}:{' '}
        <strong>
          {erp.mode === 'configured' && erp.baseUrl !== null
            ? hostOfAddress(erp.baseUrl)
            : erp.mode === 'demo'
              ? t('settings.erp.currentDemo')
              : t('settings.erp.currentUnset')}
        </strong>
      </p>
      <form id="settings-erp-form" className="settings-erp__fields" noValidate onSubmit={submit}>
        <div className="settings-field">
          <span className="settings-field__label" id="settings-erp-kind-label">
            {t('settings.redmine.kind')}
          </span>
          <div
            className="settings-languages"
            role="radiogroup"
            aria-labelledby="settings-erp-kind-label"
          >
            {ERP_KINDS.map((kind) => (
              <label key={kind} className="settings-check">
                <input
                  type="radio"
                  name="settings-erp-kind"
                  value={kind}
                  checked={form.kind === kind}
                  onChange={() => form.setKind(kind)}
                />
                {t(`settings.redmine.kinds.${kind}`)}
              </label>
            ))}
          </div>
        </div>
        <SettingsField
          id="settings-erp-address"
          label={t('settings.erp.address')}
          hint={redmine ? t('settings.redmine.addressHint') : t('settings.erp.addressHint')}
          error={errorText(form.errors.address)}
        >
          {(control) => (
            <input
              {...control}
              className="settings-input settings-input--wide"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={redmine ? 'https://redmine.example.ru/' : 'https://erp.example.ru/api/'}
              value={form.address}
              onChange={(event) => form.setAddress(event.target.value)}
            />
          )}
        </SettingsField>
        <SettingsField
          id="settings-erp-token"
          label={redmine ? t('settings.redmine.key') : t('settings.erp.token')}
          hint={
            redmine
              ? t('settings.redmine.keyHint')
              : tokenStatus?.present
                ? t('settings.erp.tokenKeepHint')
                : t('settings.erp.tokenHint')
          }
          error={errorText(form.errors.token)}
        >
          {(control) => (
            <input
              {...control}
              className="settings-input settings-input--wide"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={form.token}
              onChange={(event) => form.setToken(event.target.value)}
            />
          )}
        </SettingsField>
        {redmine && (
          <RedmineMappingField
            value={form.mapping}
            issues={form.mappingIssues}
            onChange={form.setMapping}
            onReset={form.resetMapping}
          />
        )}
      </form>
      {erp.mode === 'configured' && tokenStatus && (
        <p className="settings-erp__token" data-testid="settings-erp-token-status">
          {tokenStatus.present && tokenStatus.origin !== null ? (
            <>
              {tokenStatus.savedAt
                ? t('settings.erp.tokenSaved', {
                    ...secret,
                    host: hostOfAddress(tokenStatus.origin),
                    date: formatSavedDay(tokenStatus.savedAt, i18n.language),
                  })
                : t('settings.erp.tokenSavedUndated', {
                    ...secret,
                    host: hostOfAddress(tokenStatus.origin),
                  })}
              <button
                type="button"
                className="button button--small"
                disabled={working}
                onClick={() => void form.removeToken()}
              >
                {t('settings.erp.tokenRemove', secret)}
              </button>
            </>
          ) : (
            t('settings.erp.tokenNone', secret)
          )}
        </p>
      )}
      {form.check && <ConnectionCheckResult check={form.check} />}
      <div className="settings-erp__demo">
        <p>
          {t('settings.erp.demoNote')}
          {erp.mode !== 'unset' && <> {t('settings.erp.switchNote')}</>}
        </p>
        {erp.mode !== 'demo' && (
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => void form.switchToDemo()}
          >
            {t('settings.erp.useDemo')}
          </button>
        )}
      </div>
    </SettingsSection>
  );
}
