/**
 * The parse cache in <out>/.report-cache/: outputs byte-identical with it, without it (--no-cache)
 * and with a damaged or edited entry; entries checked when read; nothing written by a failed
 * build, a dry run or validate without a cache folder.
 */
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FOLDER } from '../../src/load/parse-cache.js';
import { docxPart } from '../helpers/docx.js';
import { copyFixture, DATA, FIXTURES, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const FORMATS = ['--format', 'md,docx,html'];
/** A standing committee meeting in the bundled data's meetings.yaml, as its cache entry holds it: the report counts them. */
const STANDING = '"kind":"常委会议"';
/** A topic only 2023's meetings.yaml holds: the entry the report's meeting figures come from. */
const MEETINGS_2023 = '十届一次会议开幕大会';

async function outputs(out: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(path.join(out, '2023'))).sort()) files.set(name, await readFile(path.join(out, '2023', name)));
  return files;
}

async function build(data: string, out: string, ...more: string[]): Promise<Map<string, Buffer>> {
  const run = await report(['build', '2023', '--data', data, '--out', out, ...FORMATS, ...more]);
  expect(run.code, run.stderr).toBe(0);
  return outputs(out);
}

const entries = async (out: string) => (await readdir(path.join(out, CACHE_FOLDER))).filter((f) => f.endsWith('.json')).sort();

/** How the payloads of kinds of entry begin: a YAML file's value and its check, a year's figures and its checks. */
const YAML_VALUE = '{"clean":true,"value":';
const FILE_CHECKED = '{"keys":[';
const YEAR_FIGURES = '{"figures":{"year":2023,';
const YEAR_CHECKS = '{"found":[';

/** The entry whose payload holds `text` (and begins with `start`, when given): [file, header, payload]. */
async function entryHolding(out: string, text: string, start = ''): Promise<[string, string, string]> {
  for (const name of await entries(out)) {
    const file = path.join(out, CACHE_FOLDER, name);
    const whole = await readFile(file, 'utf8');
    const newline = whole.indexOf('\n');
    if (whole.includes(text) && whole.startsWith(start, newline + 1)) return [file, whole.slice(0, newline), whole.slice(newline + 1)];
  }
  throw new Error(`no entry holds ${text}`);
}

/** Removes the entries whose payload begins with `start`; their names. */
async function removeEntries(out: string, start: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await entries(out)) {
    const file = path.join(out, CACHE_FOLDER, name);
    const whole = await readFile(file, 'utf8');
    if (whole.startsWith(start, whole.indexOf('\n') + 1)) {
      await rm(file);
      removed.push(name);
    }
  }
  return removed;
}

/** `payload` under a header whose digest matches it: an entry edited by someone who knows the format. */
const forgedEntry = (header: string, payload: string) => `${JSON.stringify({ ...JSON.parse(header), sha256: createHash('sha256').update(payload).digest('hex') })}\n${payload}`;

/**
 * A copy of the bundled data, an output folder, and an edit the report shows (one meeting's
 * suggestions, `step` more each time): after each, a document no other build of this process made
 * (the process keeps the last one it made).
 */
async function editedCopy(step: number): Promise<{ mine: string; out: string; edit: () => Promise<void> }> {
  const mine = await tempDir('report-cache-data-');
  await cp(data, mine, { recursive: true });
  const meetings = path.join(mine, '2023', 'meetings.yaml');
  let suggestions = 6;
  const edit = async () => {
    const text = await readFile(meetings, 'utf8');
    await writeFile(meetings, text.replace(`提升政务服务效能\n    suggestions: ${suggestions}\n`, `提升政务服务效能\n    suggestions: ${(suggestions += step)}\n`));
  };
  return { mine, out: await tempDir(), edit };
}

let data: string;
let reference: Map<string, Buffer>;
beforeAll(async () => {
  // The bundled data: YAML files and two workbooks.
  data = await tempDir('report-cache-data-');
  await cp(DATA, data, { recursive: true });
  const out = await tempDir();
  reference = await build(data, out, '--no-cache');
  expect(await readdir(out)).toEqual(['2023']);
});

describe('the parse cache', () => {
  it('gives byte-identical outputs on a first run, a run served by the cache, and after an edit', async () => {
    const mine = await tempDir('report-cache-data-');
    await cp(data, mine, { recursive: true });
    const out = await tempDir();
    expect(await build(mine, out)).toEqual(reference);
    const kept = await entries(out);
    // One entry per YAML file and workbook of the years read.
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(await build(mine, out)).toEqual(reference);
    expect(await entries(out)).toEqual(kept);
    expect(await removeEntries(out, FILE_CHECKED)).toEqual([]);
    // A comment added to one file: its value's entry is new, and so are those of its year's checks
    // and figures (found by the year's files); the others serve. The year's files are checked
    // again, and the checks of those an earlier run read are kept: the next edit reads them.
    const meetings = path.join(mine, '2023', 'meetings.yaml');
    await appendFile(meetings, '# 已核对\n');
    expect(await build(mine, out)).toEqual(reference);
    const checkedFiles = (await readdir(path.join(data, '2023'))).filter((f) => f.endsWith('.yaml') && f !== 'meetings.yaml').length;
    expect((await entries(out)).length).toBe(kept.length + 3 + checkedFiles);
    // The next edit of the file: the others' checks serve, and only its own entries and its year's are new.
    const before = (await entries(out)).length;
    await appendFile(meetings, '# 再次核对\n');
    expect(await build(mine, out)).toEqual(reference);
    expect((await entries(out)).length).toBe(before + 3);
    expect(await removeEntries(out, FILE_CHECKED)).toHaveLength(checkedFiles);
  });

  it('is read: an entry forged with a matching digest changes the report (so a damaged one must be refused)', async () => {
    const out = await tempDir();
    await build(data, out);
    // The year's figures, kept, are counted from records that are never asked for: without them the
    // records are made from the files' values (a first build keeps no file's check), and the value is read.
    expect(await removeEntries(out, FILE_CHECKED)).toEqual([]);
    expect((await removeEntries(out, '{"figures":')).length).toBe(2);
    const [file, header, payload] = await entryHolding(out, MEETINGS_2023, YAML_VALUE);
    await writeFile(file, forgedEntry(header, payload.replace(STANDING, '"kind":"主席会议"')));
    const served = await build(data, out);
    expect(served.get('report.md')?.equals(reference.get('report.md')!)).toBe(false);
  });

  it("keeps each YAML file's check: read instead of checking the file again, and instead of its value", async () => {
    const out = await tempDir();
    await build(data, out);
    // Kept by a run that checks a file an earlier run read: here one whose year's checks are gone.
    await removeEntries(out, YEAR_CHECKS);
    expect(await build(data, out)).toEqual(reference);
    const [checkFile, checkHeader, checkPayload] = await entryHolding(out, MEETINGS_2023, FILE_CHECKED);
    // A file's value forged while its check is kept: not read, the report as it was, even when the
    // figures are counted again.
    const [valueFile, valueHeader, valuePayload] = await entryHolding(out, MEETINGS_2023, YAML_VALUE);
    const forgedValue = forgedEntry(valueHeader, valuePayload.replace(STANDING, '"kind":"主席会议"'));
    await writeFile(valueFile, forgedValue);
    await removeEntries(out, YEAR_FIGURES);
    expect(await build(data, out)).toEqual(reference);
    expect(await readFile(valueFile, 'utf8')).toBe(forgedValue);
    // The check forged: with the year's checks and figures kept, the build asks for no record, and
    // the report is as it was; once the figures are counted again, the report counts what the
    // forged check says (so it is what the build used).
    await writeFile(checkFile, forgedEntry(checkHeader, checkPayload.replace(STANDING, '"kind":"主席会议"')));
    expect(await build(data, out)).toEqual(reference);
    await removeEntries(out, YEAR_FIGURES);
    expect((await build(data, out)).get('report.md')?.equals(reference.get('report.md')!)).toBe(false);
    // A record at a negative index: refused, the file checked again from its value, here the forged one.
    await removeEntries(out, YEAR_FIGURES);
    const negative = checkPayload.replace(/("list":"meetings","records":\[.*?\],"indexes":\[)\d+/, '$1-1');
    expect(negative).not.toBe(checkPayload);
    await writeFile(checkFile, forgedEntry(checkHeader, negative));
    expect((await build(data, out)).get('report.md')?.equals(reference.get('report.md')!)).toBe(false);
    // That run kept what it checked and counted, from the forged value. With the value as it was and
    // no checks or figures kept, the outputs are the reference's again, and the file's check is kept afresh.
    await writeFile(valueFile, `${valueHeader}\n${valuePayload}`);
    await removeEntries(out, FILE_CHECKED);
    await removeEntries(out, YEAR_FIGURES);
    expect(await build(data, out)).toEqual(reference);
    expect(await readFile(checkFile, 'utf8')).toBe(`${checkHeader}\n${checkPayload}`);
  });

  it.each([
    ['an edited value', (header: string, payload: string) => `${header}\n${payload.replace(STANDING, '"kind":"主席会议"')}`],
    ['a truncated entry', (header: string, payload: string) => `${header}\n${payload.slice(0, payload.length / 2)}`],
    ['a header of junk', (_header: string, payload: string) => `{"format":1,"key":"x"\n${payload}`],
    ['a workbook entry of the wrong shape', (header: string, payload: string) => {
      // A row numbered 0.
      const wrong = payload.replace(/"rows":\[\[\d+,/, '"rows":[[0,');
      return `${JSON.stringify({ ...JSON.parse(header), sha256: createHash('sha256').update(wrong).digest('hex') })}\n${wrong}`;
    }],
    ["a file's kept check edited without its digest", (header: string, payload: string) => `${header}\n${payload.replace(STANDING, '"kind":"主席会议"')}`],
  ])('refuses %s: the file is parsed again, the outputs stay byte-identical', async (_what, damage) => {
    const out = await tempDir();
    await build(data, out);
    const checked = _what.includes('kept check');
    // A file's check is read only when the year's figures are counted, and its value only when it
    // is checked: without the entries kept of them, they are.
    await removeEntries(out, '{"figures":');
    if (checked) {
      // Kept by a run that checks the files an earlier run read.
      await removeEntries(out, YEAR_CHECKS);
      await build(data, out);
      await removeEntries(out, '{"figures":');
    } else for (const start of [FILE_CHECKED, YEAR_CHECKS]) await removeEntries(out, start);
    const [file, header, payload] = await entryHolding(out, _what.includes('workbook') ? '"rows":[[' : MEETINGS_2023, _what.includes('workbook') ? '' : checked ? FILE_CHECKED : YAML_VALUE);
    await writeFile(file, damage(header, payload));
    // A workbook's cells are read only when its rows are checked: without its kept rows, they are.
    if (_what.includes('workbook')) for (const name of await entries(out)) if ((await readFile(path.join(out, CACHE_FOLDER, name), 'utf8')).includes('"headerRows":[')) await rm(path.join(out, CACHE_FOLDER, name));
    expect(await build(data, out)).toEqual(reference);
    // The refused entry is written afresh.
    expect((await readFile(file, 'utf8')).endsWith(payload)).toBe(true);
  });

  it('is not written by --no-cache, a dry run, a failed build, or validate with no output folder', async () => {
    const out = await tempDir();
    await build(data, out, '--no-cache');
    expect(await readdir(out)).toEqual(['2023']);
    const dry = await tempDir();
    expect((await report(['build', '2023', '--data', data, '--out', dry, '--dry-run'])).code).toBe(0);
    expect(await readdir(dry)).toEqual([]);
    const broken = await copyFixture('minimal');
    await appendFile(path.join(broken, '2023', 'meetings.yaml'), 'oops: [\n');
    const failed = await tempDir();
    expect((await report(['build', '2023', '--data', broken, '--out', failed])).code).toBe(1);
    expect(await readdir(failed)).toEqual([]);
    const cwd = await tempDir();
    expect((await report(['validate', '2023', '--data', data], { cwd })).code).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('keeps the Word document a build made: the same report takes it, a changed one is made anew', async () => {
    const mine = await tempDir('report-cache-data-');
    await cp(data, mine, { recursive: true });
    const out = await tempDir();
    await build(mine, out);
    const [file, header, payload] = await entryHolding(out, '"docx":"UEsDB');
    expect(Buffer.from(JSON.parse(payload).docx, 'base64').equals(reference.get('report.docx')!)).toBe(true);
    // A document kept for these very inputs is what the next build writes (a forged one shows it is read) …
    const forgedDocx = Buffer.from(JSON.parse(payload).docx, 'base64');
    forgedDocx.writeUInt8(forgedDocx.readUInt8(forgedDocx.length - 1) ^ 1, forgedDocx.length - 1);
    const forged = JSON.stringify({ docx: forgedDocx.toString('base64') });
    await writeFile(file, `${JSON.stringify({ ...JSON.parse(header), sha256: createHash('sha256').update(forged).digest('hex') })}\n${forged}`);
    expect((await build(mine, out)).get('report.docx')?.equals(forgedDocx)).toBe(true);
    // … and one that is not a document, or does not match its digest, is refused: the document is made again.
    for (const damaged of [JSON.stringify({ docx: 'bm90IGEgemlw' }), payload.replace('"docx":"UEsDB', '"docx":"UEsDC')]) {
      const sha256 = damaged.includes('bm90') ? createHash('sha256').update(damaged).digest('hex') : JSON.parse(header).sha256;
      await writeFile(file, `${JSON.stringify({ ...JSON.parse(header), sha256 })}\n${damaged}`);
      expect(await build(mine, out)).toEqual(reference);
    }
    // An edit the report shows (one meeting's suggestions, 6 → 7: 139 → 140 in the text): a new document, as a build without the cache makes it.
    const meetings = path.join(mine, '2023', 'meetings.yaml');
    const text = await readFile(meetings, 'utf8');
    await writeFile(meetings, text.replace('提升政务服务效能\n    suggestions: 6\n', '提升政务服务效能\n    suggestions: 7\n'));
    const edited = await build(mine, out);
    expect(edited.get('report.md')?.toString()).toContain('会上提出意见建议140条');
    expect(edited.get('report.docx')?.equals(reference.get('report.docx')!)).toBe(false);
    expect(edited).toEqual(await build(mine, await tempDir(), '--no-cache'));
  });

  it('keeps the pieces the Word document was deflated in: a build after an edit deflates the pieces around it, takes the rest as kept, refuses them damaged', async () => {
    const { mine, out, edit } = await editedCopy(11);
    type Piece = [string, number, number, string];
    const keptPieces = async () => {
      const [file, header, payload] = await entryHolding(out, '{"pieces":[["');
      return { file, header, payload, pieces: JSON.parse(payload).pieces as Piece[] };
    };
    await edit();
    await build(mine, out);
    const first = await keptPieces();
    // An edit of one figure: one or two pieces of the report's text are new, the others (and every other part's) as kept.
    await edit();
    await build(mine, out);
    const second = await keptPieces();
    expect(second.file).toBe(first.file);
    const fresh = second.pieces.filter(([digest]) => !first.pieces.some(([d]) => d === digest));
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(second.pieces.length).toBeGreaterThan(10);
    /** The CRC-32 the document's central directory gives word/styles.xml. */
    const stylesCrc = (docx: Buffer) => {
      // A central directory entry: its CRC-32 at 16, its name at 46.
      const name = docx.indexOf('word/styles.xml', docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
      return docx.readUInt32LE(name - 46 + 16);
    };
    // word/styles.xml is one piece: its CRC-32 is the part's.
    const styles = second.pieces.find((p) => p[2] === stylesCrc(reference.get('report.docx')!))!;
    expect(styles).toBeDefined();
    // Forged with a matching digest (the styles' CRC-32 said to be 12345): the document made after an edit says it.
    await writeFile(second.file, forgedEntry(second.header, second.payload.replace(`"${styles[0]}",${styles[1]},${styles[2]},`, `"${styles[0]}",${styles[1]},12345,`)));
    await edit();
    expect(stylesCrc((await build(mine, out)).get('report.docx')!)).toBe(12345);
    // A CRC-32 past 32 bits: refused, every piece deflated again, as a build without the cache makes them, and kept afresh.
    const third = await keptPieces();
    await writeFile(third.file, forgedEntry(third.header, third.payload.replace(`,12345,`, ',4294967296,')));
    await edit();
    expect(await build(mine, out)).toEqual(await build(mine, await tempDir(), '--no-cache'));
    const fourth = await keptPieces();
    expect(fourth.payload).not.toContain('4294967296');
    expect(fourth.pieces.find((p) => p[0] === styles[0])?.[2]).toBe(styles[2]);
  });

  it("keeps the Word document's parts that the layout alone decides: a build after an edit takes them as kept, refuses them damaged", async () => {
    const { mine, out, edit } = await editedCopy(13);
    await edit();
    await build(mine, out);
    const [file, header, payload] = await entryHolding(out, '', '{"parts":[["[Content_Types].xml",');
    // docProps/app.xml forged with a matching digest: the document made after an edit holds it (so the kept parts are what the build used).
    const forged = payload.replace('docPropsVTypes\\"/>"]', 'docPropsVTypes\\"><Company>由缓存给出</Company></Properties>"]');
    expect(forged).not.toBe(payload);
    await writeFile(file, forgedEntry(header, forged));
    await edit();
    expect(docxPart((await build(mine, out)).get('report.docx')!, 'docProps/app.xml')).toContain('由缓存给出');
    // A part missing: refused, the parts made again as a build without the cache makes them, and kept afresh.
    const missing = payload.replace(/\["docProps\/app\.xml","(?:[^"\\]|\\.)*"\],/, '');
    expect(missing.length).toBeLessThan(payload.length);
    await writeFile(file, forgedEntry(header, missing));
    await edit();
    expect(await build(mine, out)).toEqual(await build(mine, await tempDir(), '--no-cache'));
    expect(await readFile(file, 'utf8')).toBe(`${header}\n${payload}`);
  });

  it("keeps the report's last Markdown and its blocks: read, checked, refused when damaged", async () => {
    const out = await tempDir();
    await build(data, out);
    const [file, header, payload] = await entryHolding(out, '{"markdown":"# ');
    expect(JSON.parse(payload).markdown).toContain('会上提出意见建议139条');
    // Forged with a matching digest: the clean Markdown written from the blocks says it (so they are what the build used).
    const forged = payload.replace('"kind":"body","inlines":[{"type":"text","text":"', '"kind":"body","inlines":[{"type":"text","text":"伪造');
    expect(forged).not.toBe(payload);
    await writeFile(file, forgedEntry(header, forged));
    expect((await build(data, out)).get('report.md')?.toString()).toContain('伪造');
    // A block of a kind no parse makes, or lines of a paragraph past the Markdown's end, digest matching: refused, the Markdown parsed again.
    for (const wrong of [payload.replace('"kind":"body"', '"kind":"aside"'), payload.replace(/("paragraphLines":\[(?:null,)*)\[\d+,\d+\]/, '$1[0,100000]')]) {
      expect(wrong).not.toBe(payload);
      await writeFile(file, forgedEntry(header, wrong));
      expect(await build(data, out)).toEqual(reference);
      expect((await readFile(file, 'utf8')).endsWith(payload)).toBe(true);
    }
  });

  it("keeps a year's figures with its checked records: read, with its exclusive groupings marked again, refused when a mark leads nowhere", async () => {
    const out = await tempDir();
    await build(data, out);
    const [file, header, payload] = await entryHolding(out, '', YEAR_FIGURES);
    // The exclusive groupings' shares balance to 100% (the report's 占…% of 办理结果): with their marks they are read as they were made.
    expect(payload).toContain('["proposals","byResult"]');
    expect(await build(data, out)).toEqual(reference);
    // The proposals received (提案232件), forged with a matching digest: the report prints the forged
    // number (so the kept figures are what the build used).
    const forged = payload.replace('"proposals":{"total":232,', '"proposals":{"total":9999,');
    expect(forged).not.toBe(payload);
    await writeFile(file, forgedEntry(header, forged));
    expect((await build(data, out)).get('report.md')?.toString()).toContain('提案9999件');
    // A mark whose path leads to no grouping: refused, the figures counted again and kept afresh.
    await writeFile(file, forgedEntry(header, payload.replace('["proposals","byResult"]', '["proposals","byNothing"]')));
    expect(await build(data, out)).toEqual(reference);
    expect(await readFile(file, 'utf8')).toBe(`${header}\n${payload}`);
  });

  it('keeps why a figure is missing with the figures: a ledger without a column gives the same messages served by the cache', async () => {
    const cwd = await tempDir();
    expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd })).code).toBe(0);
    await rm(path.join(cwd, 'data', '2024', 'proposals.yaml'));
    // No 办理结果 or 已办复 column: the 办复率 the narrative cites cannot be counted, and the warning names the column to add.
    await writeFile(path.join(cwd, 'data', '2024', '提案台账.csv'), '案号,案由,第一提案人,提案类别,审查意见\n1,关于加快乡村振兴的提案,张三,经济建设,立案\n2,关于发展特色产业的提案,李四,经济建设,不予立案\n');
    const plain = await report(['validate', '2024', '--no-cache'], { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).toContain('“proposals.answeredRate”现在还算不出：台账中没有“已办复”列');
    const out = path.join(cwd, 'out');
    await mkdir(path.join(out, CACHE_FOLDER), { recursive: true });
    expect(await report(['validate', '2024'], { cwd })).toEqual(plain);
    // Served by the kept figures, with their reasons marked again.
    expect(await report(['validate', '2024'], { cwd })).toEqual(plain);
    const [file, header, payload] = await entryHolding(out, '', '{"figures":{"year":2024,');
    expect(payload).toContain('"absent":[[["proposals"],[[');
    expect(payload).toContain('["answeredRate",{"column":"已办复"');
    // A reason whose path leads nowhere: the entry is refused, the figures counted again.
    await writeFile(file, forgedEntry(header, payload.replace('"absent":[[["proposals"]', '"absent":[[["proposals","byNothing"]')));
    expect(await report(['validate', '2024'], { cwd })).toEqual(plain);
  });

  it("serves a year's checked records with the same warnings at the same places, and checks them again when the settings change", async () => {
    // A new organisation's year as init makes it (empty lists, draft marks), with a meeting without its topic.
    const cwd = await tempDir('report-cache-year-');
    expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd })).code).toBe(0);
    const meetings = path.join(cwd, 'data', '2024', 'meetings.yaml');
    await writeFile(meetings, (await readFile(meetings, 'utf8')).replace('meetings: []', 'meetings:\n  - { id: M-01, kind: 月度协商会, date: 2024-03-18, topic: "" }'));
    const organization = path.join(cwd, 'data', 'organization.yaml');
    await writeFile(organization, (await readFile(organization, 'utf8')).replace('organization:\n', 'organization:\n  meetingKinds: [月度协商会]\n'));
    const plain = await report(['validate', '2024', '--format', 'json', '--no-cache'], { cwd });
    for (const code of ['RPT311', 'RPT313', 'RPT314']) expect(plain.stdout).toContain(`"code":"${code}"`);
    expect(plain.stdout).toContain('"file":"data/2024/meetings.yaml","line":15');
    await mkdir(path.join(cwd, 'out', CACHE_FOLDER), { recursive: true });
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
    // The year's checks kept; the next run asks for its records (the lists written empty ask after
    // them: RPT313), checks the files the run before read, and keeps their checks.
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
    const [file, header, payload] = await entryHolding(path.join(cwd, 'out'), '月度协商会', FILE_CHECKED);
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
    expect(await readFile(file, 'utf8')).toBe(`${header}\n${payload}`);
    // Without the meeting kind in the settings, the same files are checked again: the record is refused.
    await writeFile(organization, (await readFile(organization, 'utf8')).replace('  meetingKinds: [月度协商会]\n', ''));
    const refused = await report(['validate', '2024', '--format', 'json'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('meetingKinds');
  });

  it('joins kept file checks as it joins files checked now: a part a second file writes again is the same problem in the same place', async () => {
    const cwd = await tempDir('report-cache-join-');
    const mine = path.join(cwd, 'data');
    await cp(data, mine, { recursive: true });
    await writeFile(path.join(mine, '2023', 'zz-extra.yaml'), 'members:\n  total: 3\n');
    const args = ['validate', '2023', '--data', mine, '--format', 'json'];
    const plain = await report([...args, '--no-cache'], { cwd });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('"code":"RPT307","severity":"error"');
    const out = path.join(cwd, 'out');
    await mkdir(path.join(out, CACHE_FOLDER), { recursive: true });
    // Each file alone is clean: the first run keeps the values, the second each file's check (the
    // year, with its error, is checked every time), the third joins what was kept.
    for (let run = 0; run < 3; run++) expect(await report(args, { cwd })).toEqual(plain);
    // What is joined is what was kept: the second file's check forged to write nothing, the problem is gone.
    const [file, header, payload] = await entryHolding(out, '{"single":"members","value":{"total":3}', FILE_CHECKED);
    const forged = payload.replace(/^\{"keys":\[.*\],"writesSitting"/, '{"keys":[],"writesSitting"');
    expect(forged).not.toBe(payload);
    await writeFile(file, forgedEntry(header, forged));
    const served = await report(args, { cwd });
    expect(served.stdout).not.toContain('RPT307');
  });

  it("keeps a ledger's checked rows: the same messages at the same cells, and an entry forged with a matching digest is what is read", async () => {
    // A proposal-system export as it comes: a duplicate 案号 (a cross-record error, at its cell)
    // and lines on what was skipped and inferred, placed at rows and cells of the sheet.
    const cwd = await tempDir('report-cache-rows-');
    expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd })).code).toBe(0);
    await cp(path.join(FIXTURES, 'proposal-export', '提案管理系统导出.xlsx'), path.join(cwd, 'data', '2024', '提案管理系统导出.xlsx'));
    const plain = await report(['validate', '2024', '--format', 'json', '--no-cache'], { cwd });
    expect(plain.stdout).toContain('"cell":"B41"');
    // validate keeps entries in a cache folder a build made; made here by hand, as the build fails.
    await mkdir(path.join(cwd, 'out', CACHE_FOLDER), { recursive: true });
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
    const [file, header, payload] = await entryHolding(path.join(cwd, 'out'), '"headerRows":[');
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
    // The duplicate's row, 41, said to be row 42: the message moves, so the kept rows are what the run used.
    const forged = payload.replace('"row":41,', '"row":42,');
    expect(forged).not.toBe(payload);
    await writeFile(file, `${JSON.stringify({ ...JSON.parse(header), sha256: createHash('sha256').update(forged).digest('hex') })}\n${forged}`);
    const served = await report(['validate', '2024', '--format', 'json'], { cwd });
    expect(served.stdout).toContain('"cell":"B42"');
    expect(served.stdout).not.toContain('"cell":"B41"');
    // A damaged one (its digest no longer matches) is refused: the rows are checked again.
    await writeFile(file, `${header}\n${forged}`);
    expect(await report(['validate', '2024', '--format', 'json'], { cwd })).toEqual(plain);
  });

  it("reads none of a ledger's cells when its checked rows are kept, and what reading it said is still told", async () => {
    const out = await tempDir();
    await build(data, out);
    const holding = async (text: string) => {
      const found: string[] = [];
      for (const name of await entries(out)) if ((await readFile(path.join(out, CACHE_FOLDER, name), 'utf8')).includes(text)) found.push(name);
      return found;
    };
    const cells = await holding('"rows":[[');
    expect(cells.length).toBe(2);
    for (const name of cells) await rm(path.join(out, CACHE_FOLDER, name));
    // The rows kept: the same outputs, and the cells were not read (nor kept again).
    expect(await build(data, out)).toEqual(reference);
    expect(await holding('"rows":[[')).toEqual([]);
    // Without the kept rows the cells are read again, and kept.
    for (const name of await holding('"headerRows":[')) await rm(path.join(out, CACHE_FOLDER, name));
    expect(await build(data, out)).toEqual(reference);
    expect((await holding('"rows":[[')).length).toBe(2);
  });

  it('serves validate from the folder a build left, byte for byte the same messages', async () => {
    const cwd = await tempDir();
    await build(data, path.join(cwd, 'out'));
    const kept = await entries(path.join(cwd, 'out'));
    const cached = await report(['validate', '2023', '--data', data], { cwd });
    const plain = await report(['validate', '2023', '--data', data, '--no-cache'], { cwd });
    expect(cached).toEqual(plain);
    expect(await entries(path.join(cwd, 'out'))).toEqual(kept);
  });
});
