import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../lib/clipboard';

/**
 * Text the user typed into an action the ERP refused: shown in full, selectable, with a copy
 * button, so it is never lost with the action. When the clipboard refuses, the text is selected
 * and the user is told how to copy it themself.
 */
export function TypedTextBlock({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    const ok = await copyText(text);
    if (!ok) (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
    setCopied(ok ? 'yes' : 'no');
  };
  return (
    <div className="dead-letter__typed">
      <label className="dead-letter__typed-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="input dead-letter__typed-text"
        readOnly
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        value={text}
        data-testid="dead-letter-typed"
      />
      <div className="dead-letter__typed-actions">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {t('deadLetters.copy')}
        </button>
        <span role="status" className="dead-letter__copied">
          {copied === 'yes'
            ? t('deadLetters.copied')
            : copied === 'no'
              ? t('deadLetters.copyFailed')
              : ''}
        </span>
      </div>
    </div>
  );
}
