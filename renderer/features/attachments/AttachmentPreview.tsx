import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewKind } from '@shared/files/sniff-type';
import { openAttachment, type AttachmentItem, type OpenOutcome } from './data';
import { PdfPages } from './PdfPages';
import { saveBlob } from '../../lib/save-blob';

/**
 * A file shown inside the app: a raster image through a blob: URL, a PDF drawn by pdf.js, any
 * other type only offered for saving. Its content comes from this computer, or is downloaded
 * first (the dialog says so while it waits).
 */
export function AttachmentPreview({
  item,
  onClose,
}: {
  item: AttachmentItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const kind = previewKind(item.type);

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    close.current?.focus();
    return () => node?.close();
  }, []);

  useEffect(() => {
    let current = true;
    void openAttachment(item.sha256).then((result) => current && setOutcome(result));
    return () => {
      current = false;
    };
  }, [item.sha256]);

  return (
    <dialog
      ref={dialog}
      className="attachment-preview"
      aria-labelledby="attachment-preview-title"
      data-testid="attachment-preview"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="attachment-preview__head">
        <h2 className="attachment-preview__title" id="attachment-preview-title">
          {t('attachments.preview.title', { name: item.name })}
        </h2>
        <div className="attachment-preview__actions">
          {outcome?.ok && (
            <button
              type="button"
              className="button"
              onClick={() => saveBlob(outcome.blob, item.name)}
            >
              {t('attachments.save')}
            </button>
          )}
          <button type="button" className="button button--primary" ref={close} onClick={onClose}>
            {t('attachments.preview.close')}
          </button>
        </div>
      </header>
      <div className="attachment-preview__body" aria-live="polite">
        {outcome === null && (
          <p className="attachment-preview__message" data-testid="attachment-loading">
            {item.local === 'remote'
              ? t('attachments.preview.downloading')
              : t('attachments.preview.loading')}
          </p>
        )}
        {outcome && !outcome.ok && (
          <p className="attachment-preview__message" role="alert">
            {outcome.code === 'offline'
              ? t('attachments.preview.offline')
              : outcome.code === 'not_found'
                ? t('attachments.preview.notFound')
                : t('attachments.preview.failed', { message: outcome.message })}
          </p>
        )}
        {outcome?.ok && kind === 'image' && <BlobImage blob={outcome.blob} alt={item.name} />}
        {outcome?.ok && kind === 'pdf' && <PdfPages blob={outcome.blob} />}
        {outcome?.ok && kind === 'save' && (
          <p className="attachment-preview__message">
            {t('attachments.preview.saveOnly', { type: item.type })}
          </p>
        )}
      </div>
    </dialog>
  );
}

function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const image = useRef<HTMLImageElement>(null);
  // The URL lives exactly as long as the element shows it.
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    if (image.current) image.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return <img ref={image} className="attachment-preview__image" alt={alt} />;
}
