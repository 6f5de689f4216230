/**
 * What a file is, from its first bytes rather than its name: government systems export HTML
 * tables named .xls, users rename a CSV to .xlsx, and an encrypted .xlsx is no zip at all. The
 * extension only decides whether to warn that it does not fit.
 */
import type { SpreadsheetFormat } from './types.js';

export type Container = 'zip' | 'cfb' | 'text' | 'refused';

export interface Sniffed {
  container: Container;
  /** For refused files: what they are and what to do, in Chinese. */
  what?: string;
  advice?: string;
}

const RESAVE = '在 Excel 或 WPS 中打开它，“另存为”→文件类型选“Excel 工作簿（*.xlsx）”，把另存的文件放进年度文件夹。';

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { container: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { container: 'cfb' };
  // BIFF2–4 worksheets (Excel 2.x–4.0) are bare record streams: a BOF record, type 0x0009/0x0209/0x0409.
  if (bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04) && bytes[3] === 0x00) return refused('这是 Excel 4.0 或更早的旧格式', RESAVE);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refused('这是 PDF 文件', '表格数据要用 Excel 文件（.xlsx、.xls）或 CSV 文件；请从原系统导出 Excel 格式。');
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return refused('这是 Excel 2003 XML 表格', RESAVE);
    if (/^<(!doctype html|html|table|meta|head|body|style)\b/.test(head) || head.includes('<table')) {
      return refused('这是网页（HTML）格式的表格，许多系统导出的“.xls”其实是这种文件', RESAVE);
    }
    return refused('这是 XML 文件', RESAVE);
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return refused('这是 RTF 文档', RESAVE);
  return { container: 'text' };
}

/** What a zip holds, from its part names. */
export function zipKind(names: readonly string[]): { format: 'xlsx' } | Sniffed {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  if (lower.has('xl/workbook.xml') || [...lower].some((n) => /^xl\/[^/]*workbook[^/]*\.xml$/.test(n))) return { format: 'xlsx' };
  if (lower.has('xl/workbook.bin')) return refused('这是 Excel 二进制工作簿（.xlsb）', RESAVE);
  if (lower.has('content.xml') && lower.has('mimetype')) return refused('这是 OpenDocument 表格（.ods）', RESAVE);
  if (lower.has('word/document.xml')) return refused('这是 Word 文档（.docx）', '请把表格复制到 Excel 中，保存为 .xlsx。');
  if (lower.has('ppt/presentation.xml')) return refused('这是 PowerPoint 演示文稿', '请把表格复制到 Excel 中，保存为 .xlsx。');
  return refused('这是一个 zip 压缩包，不是 Excel 工作簿', '解压后把其中的 .xlsx 文件放进年度文件夹。');
}

/** What a compound (OLE) file holds, from its stream names. */
export function containerKind(streams: readonly string[]): { format: 'xls' } | { encrypted: true } | Sniffed {
  const names = new Set(streams);
  if (names.has('Workbook')) return { format: 'xls' };
  if (names.has('Book')) return OLD_EXCEL;
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return { encrypted: true };
  if (names.has('WordDocument')) return refused('这是 Word 97-2003 文档（.doc）', '请把表格复制到 Excel 中，保存为 .xlsx。');
  return refused('这是 Office 旧格式文件，但其中没有工作表', RESAVE);
}

/**
 * Excel 5.0/95 (BIFF5) keeps text in the code page of the machine that saved it, which the file
 * does not always say; read without it, Chinese comes out garbled. Refused, never misread.
 */
export const OLD_EXCEL = refused('这是 Excel 5.0/95 格式的旧文件，其中的中文无法可靠地读取', RESAVE);

/** Whether a Workbook stream is BIFF8 (Excel 97–2003): its BOF record says version 0x0600. */
export function isBiff8(stream: Uint8Array): boolean {
  return stream[0] === 0x09 && stream[1] === 0x08 && stream[4] === 0x00 && stream[5] === 0x06;
}

/** How formats are named to users, and the extensions that fit each. */
export const FORMAT_NAMES: Record<SpreadsheetFormat, string> = {
  xlsx: ' Excel 工作簿（.xlsx）',
  xls: ' Excel 97-2003 工作簿（.xls）',
  csv: ' CSV 文本',
};

const EXTENSIONS: Record<SpreadsheetFormat, readonly string[]> = {
  xlsx: ['.xlsx', '.xlsm'],
  xls: ['.xls', '.et'],
  csv: ['.csv', '.txt', '.tsv'],
};

/** The file's extension when it does not fit its content; undefined when it does (or is none we know). */
export function mismatchedExtension(file: string, format: SpreadsheetFormat): string | undefined {
  const match = /\.[^./\\]+$/.exec(file);
  const extension = match?.[0].toLowerCase();
  if (!extension) return undefined;
  return EXTENSIONS[format].includes(extension) ? undefined : extension;
}

function refused(what: string, advice: string): Sniffed {
  return { container: 'refused', what, advice };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
