// renderPdf: the report document → a PDF laid out to GB/T 9704 (22 lines of 28 characters on a
// full page, fonts embedded, "— 1 —" page numbers), made by the Typst compiler packaged for Node
// (@myriaddreamin/typst-ts-node-compiler, prebuilt per platform, an optional dependency), loaded
// only when a PDF is asked for. No LibreOffice or Word needed; no network; no clock (the PDF's date
// is the report's). Reads the font folders to find fonts; writes nothing.
import type { ReportDocument } from '../blocks.js';
import { breakDisplayLines } from '../display-lines.js';
import { fontsUsed, layoutForScript } from '../docx/fonts.js';
import { DEFAULT_LAYOUT, type Layout } from '../../domain/layout.js';
import type { FontFiles } from './font-files.js';
import { uncoveredCharacters, type UncoveredCharacter } from './font-coverage.js';
import { indexFonts, OPEN_CJK, resolveFont, systemFontDirs, type ResolvedFont } from './font-index.js';
import { NARROW } from './line-break.js';
import { latinWidthProbe, typstSource } from './typst-source.js';

/** An official font that is not installed, and the font the PDF uses instead. */
export interface MissingFont {
  font: string;
  substitute: string;
  /** What the font sets, in the secretariat's words (正文、表格文字): which styles got the substitute. */
  styles: string;
}

/** The parts of the report each kind of paragraph and run is, as a secretary names them. */
const STYLE_NAMES: Record<string, string> = {
  title: '标题', subtitle: '副标题', speaker: '报告人', salutation: '称呼', body: '正文', heading1: '一级标题',
  heading2: '二级标题', heading3: '三级标题', table: '表格文字', tableHeader: '表头', caption: '表题',
  annexNote: '附件说明', annexLabel: '附件标识', lead: '段首句', runIn: '段内标题', pageNumber: '页码',
};

/** The styles (by their Chinese names) that set text in a font. */
function stylesUsing(font: string, layout: Layout): string {
  const eastAsian = [...Object.values(layout.paragraphs), ...Object.values(layout.runs), layout.pageNumber].some((p) => p.eastAsiaFont === font);
  if (!eastAsian) return '数字和西文';
  const users = [
    ...Object.entries(layout.paragraphs).filter(([, p]) => p.eastAsiaFont === font || p.latinFont === font).map(([k]) => k),
    ...Object.entries(layout.runs).filter(([, r]) => r.eastAsiaFont === font || r.latinFont === font).map(([k]) => k),
    ...(layout.pageNumber.eastAsiaFont === font || layout.pageNumber.latinFont === font ? ['pageNumber'] : []),
  ];
  return users.map((k) => STYLE_NAMES[k] ?? k).join('、');
}

export interface PdfOutput {
  bytes: Uint8Array;
  /** Fonts the layout names that are not on this machine (the lead turns each into RPT611). */
  missingFonts: MissingFont[];
  /** Characters of the report that no font of the PDF has (drawn blank; RPT616). */
  uncovered: UncoveredCharacter[];
}

export interface PdfOptions {
  /** Folders to look for fonts in; the system's and the user's font folders by default. */
  fontDirs?: readonly string[];
  /** How font folders and files are read (the disk by default). */
  fontFiles?: FontFiles;
}

export type PdfFailure = 'engine-unavailable' | 'no-cjk-font' | 'compile-failed';

/** Why no PDF could be made; `detail` is for the diagnostic (RPT610, RPT612, RPT613). */
export class PdfError extends Error {
  constructor(
    readonly reason: PdfFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'PdfError';
  }
}

interface TypstModule {
  NodeCompiler: {
    create(args?: { fontArgs?: Array<{ fontPaths: string[] }> }): {
      compile(opts: { mainFileContent: string }): {
        result: unknown;
        takeDiagnostics(): unknown;
        takeError?(): unknown;
        hasError(): boolean;
      };
      fetchDiagnostics(error: unknown): Array<{ message?: string; severity?: string }>;
      pdf(doc: unknown, opts?: { pdfTags?: boolean; creationTimestamp?: number }): Uint8Array;
      evictCache(maxAge: number): void;
      query(doc: unknown, args: { selector: string; field?: string }): unknown;
    };
  };
}

/** Loads the compiler; a platform without its prebuilt binary ends in PdfError, not a stack trace. */
async function loadTypst(): Promise<TypstModule> {
  try {
    // An optional dependency, left out of the bundle: loaded from node_modules when a PDF is asked for.
    return (await import('@myriaddreamin/typst-ts-node-compiler')) as unknown as TypstModule;
  } catch (error) {
    // The engine's own words are English: the user is told which of the two situations it is.
    const missing = (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND';
    throw new PdfError('engine-unavailable', missing ? '没有安装（这个可选组件在安装时被跳过）' : '它的本机组件无法加载（本机的系统或处理器不受支持，或安装不完整）');
  }
}

const SANS_HINT = /黑|hei|sans|gothic/i;

/** A serif Typst carries inside itself: digits ½ em and % as wide as in Times New Roman. */
export const ENGINE_SERIF = 'New Computer Modern';

/** Finds every font of the layout, falling back as the layout says and then to open CJK fonts. */
export function resolveFonts(
  layout: Layout,
  script: 'hans' | 'hant',
  dirs: readonly string[],
  io?: FontFiles,
): { fonts: Map<string, ResolvedFont>; missing: MissingFont[] } {
  const index = indexFonts(dirs, io);
  const fonts = new Map<string, ResolvedFont>();
  const missing: MissingFont[] = [];
  const latin = new Set([...Object.values(layout.paragraphs).map((p) => p.latinFont), ...Object.values(layout.runs).map((r) => r.latinFont)]);
  const eastAsian = new Set([...Object.values(layout.paragraphs).map((p) => p.eastAsiaFont), ...Object.values(layout.runs).map((r) => r.eastAsiaFont), layout.pageNumber.eastAsiaFont]);
  const unresolved: string[] = [];
  for (const name of fontsUsed(layout)) {
    let found = resolveFont(name, layout, index);
    if (!found && (eastAsian.has(name) || !latin.has(name))) {
      const open = SANS_HINT.test(name) ? (script === 'hant' ? OPEN_CJK.sansHant : OPEN_CJK.sans) : script === 'hant' ? OPEN_CJK.serifHant : OPEN_CJK.serif;
      for (const candidate of open) {
        const hit = resolveFont(candidate, { ...layout, fontFallbacks: {} }, index);
        if (hit) {
          found = { ...hit, requested: name };
          break;
        }
      }
      if (!found) {
        unresolved.push(name);
        continue;
      }
    }
    // A Latin font with nothing of its chain installed takes the serif built into the engine,
    // the same on every machine (never whatever else happens to be installed).
    if (!found) found = { requested: name, used: ENGINE_SERIF, family: ENGINE_SERIF, hasBold: true, files: [] };
    fonts.set(name, found);
    if (found.used !== name) missing.push({ font: name, substitute: found.used, styles: stylesUsing(name, layout) });
  }
  // A Chinese font with no fallback installed takes another Chinese font of the layout that is.
  const anyChinese = [...fonts.entries()].find(([name]) => eastAsian.has(name))?.[1];
  for (const name of unresolved) {
    if (!anyChinese) throw new PdfError('no-cjk-font', name);
    fonts.set(name, { ...anyChinese, requested: name });
    missing.push({ font: name, substitute: anyChinese.used, styles: stylesUsing(name, layout) });
  }
  return { fonts, missing };
}

/** The layout's fonts that only ever set Latin text. */
function latinOnly(layout: Layout): string[] {
  const eastAsian = new Set([...Object.values(layout.paragraphs).map((p) => p.eastAsiaFont), ...Object.values(layout.runs).map((r) => r.eastAsiaFont), layout.pageNumber.eastAsiaFont, layout.pageNumber.latinFont]);
  return [...new Set(Object.values(layout.paragraphs).map((p) => p.latinFont))].filter((name) => !eastAsian.has(name));
}

type Compiler = ReturnType<TypstModule['NodeCompiler']['create']>;

/** Asks the engine for the widths of digits and figure punctuation in each Latin face it will
 * use, so that the lines are broken with the face actually set (Times New Roman, Liberation
 * Serif, or the engine's own serif). */
function measureLatin(compiler: Compiler, fonts: Map<string, ResolvedFont>, names: readonly string[]): void {
  const present = names.filter((n) => fonts.has(n));
  if (present.length === 0) return;
  const compiled = compiler.compile({ mainFileContent: latinWidthProbe(present.map((n) => fonts.get(n)!.family)) });
  compiled.takeDiagnostics();
  if (!compiled.result) return;
  const values = compiler.query(compiled.result, { selector: '<widths>', field: 'value' }) as unknown;
  const table = Array.isArray(values) ? (values[0] as unknown) : undefined;
  if (!Array.isArray(table)) return;
  const keys = Object.keys(NARROW);
  present.forEach((name, i) => {
    const row = table[i] as unknown;
    if (!Array.isArray(row) || row.length !== keys.length || !row.every((w) => typeof w === 'number' && w > 0)) return;
    fonts.set(name, { ...fonts.get(name)!, narrow: Object.fromEntries(keys.map((k, j) => [k, Math.round((row[j] as number) * 1000) / 1000])) });
  });
}

export async function renderPdf(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, options: PdfOptions = {}): Promise<PdfOutput> {
  const scripted = layoutForScript(layout, doc.meta.script);
  const { fonts, missing } = resolveFonts(scripted, doc.meta.script, options.fontDirs ?? systemFontDirs(), options.fontFiles);
  const { NodeCompiler } = await loadTypst();
  const dirs = [...new Set([...fonts.values()].flatMap((f) => f.files.map((file) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))))))].sort();
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: dirs }] });
  measureLatin(compiler, fonts, latinOnly(scripted));
  const source = typstSource(breakDisplayLines(doc, scripted), scripted, fonts);
  const compiled = compiler.compile({ mainFileContent: source });
  const diagnostics = compiled.takeDiagnostics();
  const result = compiled.result;
  if (!result) {
    // Counted, not quoted: the engine speaks English, and the fault is the tool's, not the data's.
    const count = diagnostics ? compiler.fetchDiagnostics(diagnostics).length : 0;
    throw new PdfError('compile-failed', count > 0 ? `排版引擎报告了 ${count} 处错误` : '排版引擎未给出原因');
  }
  // Untagged: the tagged structure carries no more than the text, and is a third of the file.
  const bytes = compiler.pdf(result, { pdfTags: false });
  compiler.evictCache(10);
  const files = [...new Set([...fonts.values()].flatMap((f) => f.files))].sort();
  return { bytes: new Uint8Array(bytes), missingFonts: missing, uncovered: uncoveredCharacters(doc, files, options.fontFiles) };
}
