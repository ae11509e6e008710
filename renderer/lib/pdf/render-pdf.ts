import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type * as PdfMakeModule from 'pdfmake/build/pdfmake';

/*
 * PDF documents (report export, evidence pack) through pdfmake: declarative tables that break
 * across A4 pages by themselves, and Roboto embedded (its Cyrillic included), so a PDF reads the
 * same on any machine with no font installed. Loaded on first use: the library and its fonts are
 * ≈1.6 MB, which the queue never needs.
 */

type PdfMake = typeof PdfMakeModule;

let loading: Promise<PdfMake> | null = null;

async function loadPdfMake(): Promise<PdfMake> {
  const [pdfMake, fonts] = await Promise.all([
    import('pdfmake/build/pdfmake'),
    import('pdfmake/build/vfs_fonts'),
  ]);
  // The UMD builds arrive as `default` under Vite and as the module itself under Node.
  const library: PdfMake = 'default' in pdfMake ? pdfMake.default : pdfMake;
  library.addVirtualFileSystem('default' in fonts ? fonts.default : fonts);
  return library;
}

/** A4 portrait with margins a printer keeps, Roboto 9.5 pt: what every document here starts from. */
export const A4_DEFAULTS = {
  pageSize: 'A4',
  pageMargins: [40, 40, 40, 48],
  defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
} satisfies Partial<TDocumentDefinitions>;

/** Renders a document to PDF bytes; works in the renderer and in Node (tests). */
export async function renderPdf(document: TDocumentDefinitions): Promise<Uint8Array> {
  loading ??= loadPdfMake();
  const pdfMake = await loading;
  const buffer = await pdfMake.createPdf({ ...A4_DEFAULTS, ...document }).getBuffer();
  return new Uint8Array(buffer);
}
