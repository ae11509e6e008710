import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, test } from 'vitest';
import { canonicalEvidenceJson, buildEvidencePack } from '../../../../shared/evidence';
import { sha256OfBytes } from '../../../../renderer/features/attachments/data/content-hash';
import {
  buildEvidenceFiles,
  evidenceBaseName,
} from '../../../../renderer/features/evidence/evidence-files';
import {
  durationText,
  instantText,
} from '../../../../renderer/features/evidence/evidence-pdf-format';
import { extractPdfText } from '../../../fixtures/pdf-text';
import {
  newYearTicket,
  ORGANIZATION,
  PENDING_COMMENT_ID,
  USERS,
} from '../../../fixtures/evidence/new-year-ticket';

const input = {
  ticket: newYearTicket(),
  organization: ORGANIZATION,
  users: (id: string) => USERS.find((user) => user.id === id),
  pendingCommandIds: new Set([PENDING_COMMENT_ID]),
  generatedAt: '2027-02-01T09:00:00.000Z',
  appVersion: '0.1.0',
};

// pdf.js gives non-breaking spaces back as they are; a reader's eye (and this test) sees spaces.
const readable = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

describe('evidence PDF of ticket № 1042', async () => {
  const files = await buildEvidenceFiles(input);
  const pages = await extractPdfText(files.pdf);
  const all = readable(pages.map((page) => page.text).join(' '));

  test('the JSON file is the canonical pack, and the hash is its SHA-256', async () => {
    const text = new TextDecoder().decode(files.json);
    expect(text).toBe(canonicalEvidenceJson(buildEvidencePack(input)));
    expect(files.sha256).toBe(await sha256OfBytes(files.json));
    expect(files.baseName).toBe('zayavka-1042_dokazatelstva');
    expect(evidenceBaseName({ number: null, id: 't-9' })).toBe('zayavka-t-9_dokazatelstva');
  });

  test('every page is A4 and its footer carries the hash and «стр. N из M»', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.width).toBeCloseTo(595.28, 1);
      const text = readable(page.text);
      expect(text).toContain(`SHA-256 JSON: ${files.sha256}`);
      expect(text).toContain(`стр. ${index + 1} из ${pages.length}`);
    });
  });

  test('the title, the request, each record’s action time in the customer’s zone', () => {
    expect(all).toContain('Материалы по заявке № 1042');
    expect(all).toContain('«Не формируется отчёт „Остатки“»');
    // 05:00Z is 10:00 in Yekaterinburg (UTC+5, no DST).
    expect(all).toContain('29.12.2026 10:00:00 UTC+05:00');
    for (const entry of buildEvidencePack(input).timeline)
      expect(all).toContain(readable(instantText(entry.at, ORGANIZATION.timeZone)));
    expect(all).toContain('время скорректировано ERP');
    expect(all).toContain('не записано');
    expect(all).toContain('не отправлено');
  });

  test('the pause, the skipped holidays and the verdict per clock', () => {
    expect(all).toContain('запрошена дополнительная информация у пользователя');
    expect(all).toContain(readable(durationText(7 * 3_600_000)));
    expect(all).toContain('праздничные дни 04.01.2027 08.01.2027');
    expect(all).toMatch(/Время реакции срок соблюдён 8 ч 00 мин 1 ч 00 мин/);
    expect(all).toMatch(
      /Время решения срок соблюдён 40 ч 00 мин 25 ч 00 мин 14\.01\.2027 12:00:00/,
    );
  });

  test('the PDF carries the JSON as an embedded file', async () => {
    const document = await getDocument({ data: files.pdf.slice() }).promise;
    const attachments = (await document.getAttachments()) as Record<
      string,
      { filename: string; content: Uint8Array }
    >;
    await document.destroy();
    const [embedded] = Object.values(attachments);
    expect(embedded?.filename).toBe('zayavka-1042_dokazatelstva.json');
    expect(new TextDecoder().decode(embedded?.content)).toBe(new TextDecoder().decode(files.json));
  });
});
