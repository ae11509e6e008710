import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { EvidencePack } from '@shared/evidence';
import { renderPdf } from '../../lib/pdf/render-pdf';
import { quote } from '../../lib/quotes';
import { instantText, NBSP } from './evidence-pdf-format';
import { asOfWords } from './evidence-pdf-words';
import {
  ledgerSection,
  pausesSection,
  requestSection,
  timelineSection,
  verdictSection,
} from './evidence-pdf-sections';

export interface EvidencePdfInput {
  pack: EvidencePack;
  /** The canonical JSON the hash is of: embedded in the PDF, so the PDF alone carries the pack. */
  json: string;
  sha256: string;
  jsonFileName: string;
  /** When the pack was made: printed, not part of the JSON (a resolved ticket's JSON never changes). */
  generatedAt: string;
}

export function evidenceTitle(pack: EvidencePack): string {
  return pack.request.number === null
    ? 'Материалы по заявке без номера'
    : `Материалы по заявке №${NBSP}${pack.request.number}`;
}

function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function evidenceDocument(input: EvidencePdfInput): TDocumentDefinitions {
  const { pack, sha256 } = input;
  const zone = pack.request.organization.timeZone;
  const title = evidenceTitle(pack);
  return {
    info: { title, subject: `SHA-256 JSON: ${sha256}` },
    files: {
      evidence: {
        src: `data:application/json;base64,${base64OfText(input.json)}`,
        name: input.jsonFileName,
        description: 'Материалы по заявке в машиночитаемом виде (канонический JSON, RFC 8785)',
      },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `SHA-256 JSON: ${sha256}`, fontSize: 7 },
        {
          text: `стр.${NBSP}${page} из${NBSP}${pages}`,
          alignment: 'right',
          width: 70,
          fontSize: 8,
        },
      ],
      margin: [40, 16, 40, 0],
    }),
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
    },
    content: [
      { text: title, style: 'title' },
      {
        text: `${pack.request.organization.name} — ${quote(pack.request.title, 'ru')}`,
        margin: [0, 0, 0, 4],
      },
      {
        text: [
          asOfWords(pack.asOfBasis),
          ` Момент расчёта: ${instantText(pack.asOf, zone)}. Сформировано: ${instantText(input.generatedAt, zone)}.`,
        ],
        margin: [0, 0, 0, 6],
      },
      ...verdictSection(pack),
      ...requestSection(pack),
      ...timelineSection(pack),
      ...pausesSection(pack),
      ...ledgerSection(pack.clocks.reaction, pack),
      ...ledgerSection(pack.clocks.resolution, pack),
      { text: 'Проверка подлинности', style: 'heading' },
      {
        text: [
          `Файл ${input.jsonFileName} (вложен в этот PDF) — те же материалы в каноническом виде JSON (RFC 8785). Его SHA-256 напечатан внизу каждой страницы; проверка: `,
          { text: `sha256sum ${input.jsonFileName}`, font: 'Roboto', bold: true },
          '. Любое изменение записи меняет сумму.',
        ],
        margin: [0, 0, 0, 4],
      },
      {
        text: `Версия программы: ${pack.software.appVersion}. Производственный календарь: ${pack.software.calendar.name} (${pack.software.calendar.id}), данные за годы: ${pack.software.calendar.yearsWithData?.join(', ') ?? 'не требуются'}.${pack.schedule.assumedYears.length > 0 ? ` Без данных календаря (будни минус постоянные праздники) посчитаны годы: ${pack.schedule.assumedYears.join(', ')}.` : ''}`,
      },
    ],
  };
}

export function renderEvidencePdf(input: EvidencePdfInput): Promise<Uint8Array> {
  return renderPdf(evidenceDocument(input));
}
