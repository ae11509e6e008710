import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailDraft } from '../ticket/mail-template';
import { copyText } from '../../lib/clipboard';

/** The prefilled notice to the customer's contacts, shown after planning and from a window. */
export function NoticeLetter({ mail, onClose }: { mail: MailDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  // The form that had the focus was submitted: the letter is the next step.
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <section
      className="maintenance-letter"
      aria-labelledby="window-letter-title"
      data-testid="window-letter"
    >
      <h2 className="maintenance-letter__title" id="window-letter-title">
        {t('maintenance.notice.title')}
      </h2>
      <dl className="maintenance-letter__head">
        <dt>{t('maintenance.notice.to')}</dt>
        <dd>{mail.to || t('maintenance.notice.noContacts')}</dd>
        <dt>{t('maintenance.notice.subject')}</dt>
        <dd data-testid="window-letter-subject">{mail.subject}</dd>
      </dl>
      <pre className="maintenance-letter__body" data-testid="window-letter-body">
        {mail.body}
      </pre>
      <div className="maintenance-letter__buttons">
        <a className="button button--primary" href={mail.href} ref={link}>
          {t('maintenance.notice.open')}
        </a>
        <button
          type="button"
          className="button"
          onClick={() => void copyText(`${mail.subject}\n\n${mail.body}`).then(setCopied)}
        >
          {t('maintenance.notice.copy')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('maintenance.notice.close')}
        </button>
        {copied && <span role="status">{t('maintenance.notice.copied')}</span>}
      </div>
    </section>
  );
}
