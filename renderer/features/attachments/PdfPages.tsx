import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// More pages than this are not drawn: a preview, not a reader (the file can be saved).
const MAX_PAGES = 20;
const PAGE_WIDTH = 860;

/**
 * Draws a PDF's pages onto canvases with pdf.js: no browser plugin, no script from the file
 * (scripting and XFA off, no eval), no text layer or links to click.
 */
export function PdfPages({ blob }: { blob: Blob }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const task = pdfjs.getDocument({
          data: new Uint8Array(await blob.arrayBuffer()),
          isEvalSupported: false,
          enableXfa: false,
          useWasm: false,
          disableFontFace: true,
          useSystemFonts: false,
        });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        if (cancelled) return;
        setPages(pdf.numPages);
        for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES); number += 1) {
          const page = await pdf.getPage(number);
          if (cancelled || !holder.current) return;
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: PAGE_WIDTH / base.width });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-pages__page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute(
            'aria-label',
            t('attachments.preview.page', { page: number, pages: pdf.numPages }),
          );
          holder.current.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
      } catch (error) {
        if (!cancelled) setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
    const node = holder.current;
    return () => {
      cancelled = true;
      node?.replaceChildren();
      void destroy?.();
    };
  }, [blob, t]);

  if (problem)
    return (
      <p className="attachment-preview__message" role="alert">
        {t('attachments.preview.pdfFailed', { message: problem })}
      </p>
    );
  return (
    <div
      className="pdf-pages"
      ref={holder}
      data-testid="pdf-pages"
      data-pages={pages ?? undefined}
    />
  );
}
