/**
 * Files as Windows editors save them: GBK, UTF-16 with a byte-order mark, UTF-8 with a BOM.
 * They are read correctly (the report is the same as from UTF-8) and each one is named in a
 * warning that says which encoding was read and how to re-save the file as UTF-8. Then the
 * decoder itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/load/decode.js';
import { copyFixture, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

/** A GBK encoder for the test, built from the platform's GB18030 decoder (two-byte range). */
function gbkEncoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // unassigned pair
      }
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`no GBK code for ${ch}`);
        bytes.push(...pair);
      }
    }
    return Buffer.from(bytes);
  };
}

async function reencode(file: string, encode: (text: string) => Buffer): Promise<void> {
  await writeFile(file, encode(await readFile(file, 'utf8')));
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('data files in other encodings', () => {
  it('reads GBK and UTF-16 files correctly and says how to re-save them as UTF-8', async () => {
    const data = await copyFixture('minimal');
    await reencode(path.join(data, '2023', 'proposals.yaml'), gbkEncoder());
    await reencode(path.join(data, '2023', 'narrative.md'), utf16le);
    // The file really is GBK now: read as UTF-8 it would be garbage.
    const raw = await readFile(path.join(data, '2023', 'proposals.yaml'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();

    const run = await report(['validate', '2023', '--data', data, '--format', 'json']);
    expect(run.code).toBe(0);
    const encoding = jsonDiagnostics(run.stdout).filter((d) => d.code === 'RPT110');
    expect(encoding.map((d) => path.basename(d.file!)).sort()).toEqual(['narrative.md', 'proposals.yaml']);
    expect(encoding.every((d) => d.severity === 'warning')).toBe(true);
    expect(encoding.find((d) => d.file!.endsWith('proposals.yaml'))!.message).toContain('GBK');
    expect(encoding.find((d) => d.file!.endsWith('narrative.md'))!.message).toContain('UTF-16');
    expect(encoding[0]!.hint).toContain('另存为 UTF-8');

    // Warnings fail only under --strict.
    expect((await report(['validate', '2023', '--data', data, '--strict'])).code).toBe(1);
  });

  it('builds the same report as from UTF-8 files', async () => {
    const plain = await copyFixture('minimal');
    const mixed = await copyFixture('minimal');
    await reencode(path.join(mixed, '2023', 'proposals.yaml'), gbkEncoder());
    await reencode(path.join(mixed, '2023', 'narrative.md'), utf16le);
    await reencode(path.join(mixed, 'organization.yaml'), utf8bom);
    const a = await tempDir();
    const b = await tempDir();
    expect((await report(['build', '2023', '--data', plain, '--out', a, '--format', 'md'])).code).toBe(0);
    const run = await report(['build', '2023', '--data', mixed, '--out', b, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('带 BOM 的 UTF-8');
    const [x, y] = await Promise.all([readFile(path.join(a, '2023', 'report.md'), 'utf8'), readFile(path.join(b, '2023', 'report.md'), 'utf8')]);
    expect(y).toBe(x);
    expect(y).toContain('### （二）助力民生改善'); // from the UTF-16 narrative
    expect(y).toContain('涉及民生和社会事业领域提案3件'); // counted from the GBK proposals
  });

  it('places a problem in a GBK file at its line, and quotes the line as the loader read it', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'proposals.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('category: 经济建设', 'category: 经济发展'));
    await reencode(file, gbkEncoder());
    const run = await report(['validate', '2023', '--data', data], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^2023\/proposals\.yaml:5:\d+ 错误 RPT306/m);
    expect(run.stderr).toMatch(/^ +5 │ .*category: 经济发展/m);
  });

  it('gives no encoding warning for plain UTF-8', async () => {
    const data = await copyFixture('minimal');
    const run = await report(['validate', '2023', '--data', data, '--format', 'json']);
    expect(run.stdout).not.toContain('RPT110');
  });
});

describe('decode', () => {
  const text = 'proposals:\n  - {id: P1, title: 关于养老服务的建议}\n';
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decode(Buffer.from(text, 'utf8'))).toEqual({ text });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decode(bom)).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 with a byte-order mark', () => {
    expect(decode(utf16le(text))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('reads GBK bytes as GB18030 instead of misreading them', () => {
    // “关于养老” in GBK.
    const gbk = Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xd1, 0xf8, 0xc0, 0xcf]);
    expect(decode(gbk)).toEqual({ text: '关于养老', encoding: 'gb18030' });
  });
  it('refuses bytes that are no text', () => {
    expect(decode(Buffer.from('abc\u0000def\u0000ghi', 'utf8')).error).toContain('NUL');
    expect(decode(Buffer.from([0x80, 0xff, 0x80, 0xff, 0x30])).error).toBeDefined();
  });
});
