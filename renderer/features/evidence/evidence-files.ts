import { buildEvidencePack, canonicalEvidenceJson, type EvidenceInput } from '@shared/evidence';
import { sha256OfBytes } from '../attachments/data/content-hash';
import { renderEvidencePdf } from './evidence-pdf';

export interface EvidenceFiles {
  /** "zayavka-1042_dokazatelstva": the two files differ only in extension. */
  baseName: string;
  json: Uint8Array<ArrayBuffer>;
  sha256: string;
  pdf: Uint8Array;
}

/** Latin file names (Cyrillic ones break on some mail servers and archives the customer uses). */
export function evidenceBaseName(ticket: { number: number | null; id: string }): string {
  return `zayavka-${ticket.number ?? ticket.id}_dokazatelstva`;
}

/** The pack as canonical JSON, its SHA-256, and the PDF that prints the hash and carries the JSON. */
export async function buildEvidenceFiles(input: EvidenceInput): Promise<EvidenceFiles> {
  const pack = buildEvidencePack(input);
  const text = canonicalEvidenceJson(pack);
  const json = new TextEncoder().encode(text);
  const sha256 = await sha256OfBytes(json);
  const baseName = evidenceBaseName(input.ticket);
  const pdf = await renderEvidencePdf({
    pack,
    json: text,
    sha256,
    jsonFileName: `${baseName}.json`,
    generatedAt: input.generatedAt,
  });
  return { baseName, json, sha256, pdf };
}
