import type { DataroomFormat } from '@sealbridge/contracts';

const startsWith = (bytes: Buffer, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How many leading bytes the sniffer wants (an Office zip names its parts in its first local headers). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The format of an upload from its first bytes — never from its name or declared type. A zip is Word or Excel only
 * if its parts say so (word/… or xl/…); an OLE2 file (old .doc/.xls) is told apart by its stream names, and only
 * when they are not in the first bytes by the file name's extension. Null: refuse it.
 */
export function sniffFormat(head: Buffer, fileName: string): DataroomFormat | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, ZIP)) {
    const text = head.toString('latin1');
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
    return null;
  }
  if (startsWith(head, OLE2)) {
    const text = head.toString('latin1');
    if (text.includes('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t')) return 'doc';
    if (text.includes('W\0o\0r\0k\0b\0o\0o\0k') || text.includes('B\0o\0o\0k\0')) return 'xls';
    const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
    return extension === 'xls' ? 'xls' : extension === 'doc' ? 'doc' : null;
  }
  return null;
}

export const isOffice = (format: DataroomFormat) => format === 'docx' || format === 'xlsx' || format === 'doc' || format === 'xls';
export const isImage = (format: DataroomFormat) => format === 'jpeg' || format === 'png';

export const MEDIA_TYPES: Record<DataroomFormat, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};
