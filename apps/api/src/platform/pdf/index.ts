/** A4 text documents in Noto Sans SC (pdf-lib + fontkit); imports no module. */
export { createTextPdf, woffToSfnt, type TextPdf } from './text-pdf.ts';
