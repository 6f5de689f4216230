// renderPdf: the report document → a PDF laid out to GB/T 9704 (22 lines of 28 characters on a
// full page, fonts embedded, "— 1 —" page numbers), made by the Typst compiler packaged for Node
// (@myriaddreamin/typst-ts-node-compiler, prebuilt per platform, an optional dependency), loaded
// only when a PDF is asked for. No LibreOffice or Word needed; no network; no clock (the PDF's date
// is the report's). Reads the font folders to find fonts; writes nothing.
import { breakDisplayLines, type ReportDocument } from '../document.js';
import { fontsUsed, layoutForScript } from '../docx/fonts.js';
import { DEFAULT_LAYOUT, type Layout } from '../../domain/layout.js';
import type { FontFiles } from './font-files.js';
import { indexFonts, OPEN_CJK, resolveFont, systemFontDirs, type ResolvedFont } from './font-index.js';
import { typstSource } from './typst-source.js';

/** An official font that is not installed, and the font the PDF uses instead. */
export interface MissingFont {
  font: string;
  substitute: string;
}

export interface PdfOutput {
  bytes: Uint8Array;
  /** Fonts the layout names that are not on this machine (the lead turns each into RPT611). */
  missingFonts: MissingFont[];
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
    };
  };
}

/** Loads the compiler; a platform without its prebuilt binary ends in PdfError, not a stack trace. */
async function loadTypst(): Promise<TypstModule> {
  try {
    // An optional dependency, left out of the bundle: loaded from node_modules when a PDF is asked for.
    return (await import('@myriaddreamin/typst-ts-node-compiler')) as unknown as TypstModule;
  } catch (error) {
    throw new PdfError('engine-unavailable', error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

const SANS_HINT = /黑|hei|sans|gothic/i;

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
      if (!found) unresolved.push(name);
    }
    if (!found) continue; // a Latin font with nothing installed: Typst's own fonts serve
    fonts.set(name, found);
    if (found.used !== name) missing.push({ font: name, substitute: found.used });
  }
  // A Chinese font with no fallback installed takes another Chinese font of the layout that is.
  const anyChinese = [...fonts.entries()].find(([name]) => eastAsian.has(name))?.[1];
  for (const name of unresolved) {
    if (!anyChinese) throw new PdfError('no-cjk-font', name);
    fonts.set(name, { ...anyChinese, requested: name });
    missing.push({ font: name, substitute: anyChinese.used });
  }
  return { fonts, missing };
}

export async function renderPdf(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, options: PdfOptions = {}): Promise<PdfOutput> {
  const scripted = layoutForScript(layout, doc.meta.script);
  const { fonts, missing } = resolveFonts(scripted, doc.meta.script, options.fontDirs ?? systemFontDirs(), options.fontFiles);
  const { NodeCompiler } = await loadTypst();
  const dirs = [...new Set([...fonts.values()].flatMap((f) => f.files.map((file) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))))))].sort();
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: dirs }] });
  const source = typstSource(breakDisplayLines(doc, scripted), scripted, fonts);
  const compiled = compiler.compile({ mainFileContent: source });
  const diagnostics = compiled.takeDiagnostics();
  const result = compiled.result;
  if (!result) {
    const messages = diagnostics ? compiler.fetchDiagnostics(diagnostics).map((d) => d.message ?? '') : [];
    throw new PdfError('compile-failed', [...new Set(messages)].slice(0, 3).join('；') || '排版引擎未给出原因');
  }
  // Untagged: the tagged structure carries no more than the text, and is a third of the file.
  const bytes = compiler.pdf(result, { pdfTags: false });
  compiler.evictCache(10);
  return { bytes: new Uint8Array(bytes), missingFonts: missing };
}
