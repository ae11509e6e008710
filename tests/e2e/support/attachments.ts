import type { Page } from '@playwright/test';

/*
 * Files as an engineer gives them to the ticket page: a screenshot pasted from the clipboard, a
 * file picked, and the small real documents the previews draw.
 */

/**
 * Pastes a screenshot the way Chromium delivers one from the clipboard: a paste event whose
 * DataTransfer holds a PNG File named "image.png", at the page (the focus outside any field).
 * The PNG is drawn in the page: `width`×`height`, a filled rectangle in `colour`.
 */
export async function pasteScreenshot(
  page: Page,
  options: { width?: number; height?: number; colour?: string } = {},
): Promise<void> {
  await page.evaluate(
    async ({ width, height, colour }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.fillStyle = colour;
      context.fillRect(20, 20, width - 40, height / 3);
      context.fillStyle = '#1c2430';
      context.font = '20px sans-serif';
      context.fillText('Ошибка PK-1042: не удалось сохранить карточку', 24, height / 2 + 30);
      const blob = await new Promise<Blob>((resolve) =>
        canvas.toBlob((b) => resolve(b!), 'image/png'),
      );
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'image.png', { type: 'image/png' }));
      (document.activeElement instanceof HTMLElement
        ? document.activeElement
        : document.body
      ).blur();
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    {
      width: options.width ?? 640,
      height: options.height ?? 360,
      colour: options.colour ?? '#c62828',
    },
  );
}

/** A one-page PDF with a line of text, offsets computed so that any reader opens it. */
export function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Picks files through the ticket's (or the intake's) «Прикрепить файлы…» input. */
export async function pickFiles(
  page: Page,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
): Promise<void> {
  await page.getByTestId('attach-input').setInputFiles(files);
}

export const LOG_TEXT = [
  '2026-12-07 14:05:01.112 INFO  Запуск модуля регистратуры',
  '2026-12-07 14:05:03.540 ERROR PK-1042: нарушение ограничения уникальности (card_id)',
  '2026-12-07 14:05:03.541 ERROR   at CardRepository.save (cards.ts:88)',
  '',
].join('\r\n');

/**
 * Marks every file stored on this computer as sent, as the uploader does once the ERP holds it:
 * lets a layout test show both states without waiting for an upload.
 */
export async function markStoredFilesSent(page: Page, sha256s: 'all' | string[] = 'all') {
  await page.evaluate(async (which) => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('an IndexedDB request failed'));
      });
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      if (db.objectStoreNames.contains('blobs')) {
        const store = db.transaction('blobs', 'readwrite').objectStore('blobs');
        const rows = (await request(store.getAll())) as Array<{ sha256: string; state: string }>;
        for (const row of rows)
          if (which === 'all' || which.includes(row.sha256))
            await request(store.put({ ...row, state: 'sent' }));
      }
      db.close();
    }
  }, sha256s);
}
