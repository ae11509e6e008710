import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewKind } from '@shared/files/sniff-type';
import { ZonedTime } from '../ticket/ZonedTime';
import { openAttachment, type AttachmentItem } from './data';
import { saveBlob } from '../../lib/save-blob';
import { useFileSize } from './useFileSize';

interface AttachmentRowProps {
  item: AttachmentItem;
  zone: string;
  authorText: string;
  onOpen: () => void;
  onDetach: () => void;
}

/** One file of the ticket: what it is, who attached it when, where its content is. */
export function AttachmentRow({ item, zone, authorText, onOpen, onDetach }: AttachmentRowProps) {
  const { t } = useTranslation();
  const size = useFileSize();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const drawable = previewKind(item.type) !== 'save';

  const save = async () => {
    setSaving(true);
    setProblem(null);
    const result = await openAttachment(item.sha256);
    setSaving(false);
    if (result.ok) saveBlob(result.blob, item.name);
    else
      setProblem(
        result.code === 'offline'
          ? t('attachments.preview.offline')
          : result.code === 'not_found'
            ? t('attachments.preview.notFound')
            : t('attachments.preview.failed', { message: result.message }),
      );
  };

  return (
    <li className="attachment" data-testid="attachment" data-local={item.local}>
      <div className="attachment__main">
        <span className="attachment__name" title={item.name}>
          {item.name}
        </span>
        <span className="attachment__meta">
          {size(item.size)} · {authorText} · <ZonedTime iso={item.at} zone={zone} />
        </span>
        {problem && (
          <span className="attachment__problem" role="alert">
            {problem}
          </span>
        )}
      </div>
      <span
        className={`attachment__state attachment__state--${item.local}`}
        data-testid="attachment-state"
      >
        {t(`attachments.state.${item.local}`)}
      </span>
      <div className="attachment__actions">
        {drawable && (
          <button
            type="button"
            className="button button--small"
            onClick={onOpen}
            aria-label={`${t('attachments.open')}: ${item.name}`}
          >
            {t('attachments.open')}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => void save()}
          disabled={saving}
          aria-busy={saving}
          aria-label={`${t('attachments.save')}: ${item.name}`}
        >
          {saving ? t('attachments.preview.loading') : t('attachments.save')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={onDetach}
          aria-label={`${t('attachments.detach')}: ${item.name}`}
        >
          {t('attachments.detach')}
        </button>
      </div>
    </li>
  );
}
