/**
 * An organisation maps its own column names and wordings once, in organization.yaml under
 * organization: (sheetHeaders, sheetValues); written at the top of the file, it is told where
 * they belong, once.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportRun } from '../../src/pipeline.js';
import { BuildSession } from '../../src/session.js';
import { CACHE_FOLDER } from '../../src/load/parse-cache.js';
import { organizationYaml, tempDir, writeFiles } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const ORGANIZATION = organizationYaml('县', ['经济建设']);
const LEDGER = ['案号,案由,第一提案人,类别,审查意见,委员意见', 'P1,关于甲的提案,张三,经济建设,转办,', 'P2,关于乙的提案,李四,经济建设,立案,不作评价', 'P3,关于丙的提案,王五,经济建设,立案,满意', ''].join('\n');

async function validate(organization: string) {
  const cwd = await tempDir();
  await writeFiles(cwd, { 'data/organization.yaml': organization, 'data/2024/提案台账.csv': LEDGER });
  const run = await report(['validate', '2024', '--format', 'json'], { cwd });
  return { cwd, found: jsonDiagnostics(run.stdout).filter((d) => d.file !== 'data/2024') };
}

/** A folder with the ledger, checked again and again in one session (as build --watch does): how many wordings are refused each time. */
async function session() {
  const cwd = await tempDir();
  await writeFiles(cwd, { 'data/organization.yaml': ORGANIZATION, 'data/2024/提案台账.csv': LEDGER });
  const request = { kind: 'annual' as const, dataDirs: ['data'], year: 2024, cwd, session: new BuildSession() };
  return { cwd, valueProblems: () => checkReportRun(request).diagnostics.filter((d) => d.code === 'RPT203').length };
}

describe('sheetHeaders and sheetValues', () => {
  it('in one session (build --watch), a ledger is checked again when organization.yaml maps its wordings, and not before', async () => {
    const { cwd, valueProblems } = await session();
    expect(valueProblems()).toBe(1);
    expect(valueProblems()).toBe(1);
    await writeFile(path.join(cwd, 'data', 'organization.yaml'), ORGANIZATION + '  sheetValues: {proposals: {review: {转办: 转来信}}}\n');
    expect(valueProblems()).toBe(0);
    await writeFile(path.join(cwd, 'data', 'organization.yaml'), ORGANIZATION);
    expect(valueProblems()).toBe(1);
  });

  it("across runs, the ledger's checked rows the parse cache kept are taken only for the same settings", async () => {
    const cwd = await tempDir();
    const mapped = ORGANIZATION + '  sheetValues: {proposals: {review: {转办: 转来信}}}\n';
    await writeFiles(cwd, { 'data/organization.yaml': mapped, 'data/2024/提案台账.csv': LEDGER });
    // validate keeps entries in the cache folder a build makes.
    await mkdir(path.join(cwd, 'out', CACHE_FOLDER), { recursive: true });
    const valueProblems = async () => jsonDiagnostics((await report(['validate', '2024', '--format', 'json'], { cwd })).stdout).filter((d) => d.code === 'RPT203').length;
    expect(await valueProblems()).toBe(0);
    // Its checked rows are kept (clean, with the mapping).
    const kept = await Promise.all((await readdir(path.join(cwd, 'out', CACHE_FOLDER))).map((f) => readFile(path.join(cwd, 'out', CACHE_FOLDER, f), 'utf8')));
    expect(kept.some((text) => text.includes('"headerRows":['))).toBe(true);
    expect(await valueProblems()).toBe(0);
    // The mapping taken out: the rows kept with it are not the answer; the ledger is checked again.
    await writeFile(path.join(cwd, 'data', 'organization.yaml'), ORGANIZATION);
    expect(await valueProblems()).toBe(1);
    await writeFile(path.join(cwd, 'data', 'organization.yaml'), mapped);
    expect(await valueProblems()).toBe(0);
  });

  it('in one session, a ledger saved with other contents is read again; one saved unchanged is not', async () => {
    const { cwd, valueProblems } = await session();
    expect(valueProblems()).toBe(1);
    // The same bytes written again: what the session read stands.
    await writeFile(path.join(cwd, 'data', '2024', '提案台账.csv'), LEDGER);
    expect(valueProblems()).toBe(1);
    // P1's 转办 corrected to 立案, same length: read again, so the problem is gone.
    await writeFile(path.join(cwd, 'data', '2024', '提案台账.csv'), LEDGER.replace('转办', '立案'));
    expect(valueProblems()).toBe(0);
  });

  it('without them: the hints give the exact line to add under organization:', async () => {
    const { found } = await validate(ORGANIZATION);
    const column = found.find((d) => d.code === 'RPT721')!;
    expect(column.message).toBe('不认识的列名“委员意见”，这一列没有读取：其中 2 个单元格的内容不会进入报告');
    expect(column.hint).toContain('  sheetHeaders: {proposals: {委员意见: 字段名}}');
    const value = found.find((d) => d.code === 'RPT203')!;
    expect(value.hint).toContain('  sheetValues: {proposals: {review: {转办: 立案}}}');
  });

  it('with them, once: the column and the wordings are read', async () => {
    const { cwd, found } = await validate(
      ORGANIZATION + '  sheetHeaders: {proposals: {委员意见: satisfaction}}\n  sheetValues: {proposals: {review: {转办: 转来信}, satisfaction: {不作评价: ""}}}\n',
    );
    expect(found.filter((d) => d.severity !== 'info')).toEqual([]);
    const stats = await report(['stats', '2024', 'proposals', '--json'], { cwd });
    const figures = (JSON.parse(stats.stdout) as { figures: Record<string, { value: unknown }> }).figures;
    expect([figures['proposals.byReview.转来信']!.value, figures['proposals.responded']!.value, figures['proposals.answered']!.value]).toEqual([1, 1, 1]);
  });

  it('refuses a wording mapped to a value the field does not have, at its place in organization.yaml', async () => {
    const { found } = await validate(ORGANIZATION + '  sheetValues: {proposals: {review: {转办: 转交}}}\n');
    const refused = found.filter((d) => d.file === 'data/organization.yaml');
    expect(refused.map((d) => [d.code, d.line])).toEqual([['RPT203', 11]]);
  });

  it('says once where sheetHeaders belongs when it is written at the top of the file', async () => {
    const { found } = await validate(ORGANIZATION + 'sheetHeaders:\n  proposals:\n    委员意见: satisfaction\n');
    const inOrganization = found.filter((d) => d.file === 'data/organization.yaml');
    expect(inOrganization.map((d) => [d.code, d.line, d.message])).toEqual([['RPT745', 11, '“sheetHeaders”写在了文件的最外层，应写在“organization:”下']]);
  });
});
