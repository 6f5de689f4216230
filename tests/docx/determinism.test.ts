import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { doc, FIXTURE } from './docx-xml.js';
import { localEntries } from '../helpers/docx.js';

afterEach(() => {
  vi.useRealTimers();
});

/** The entries of a zip as its local file headers give them: name and DOS date/time. */
function zipEntries(bytes: Uint8Array): { name: string; dosTime: number; dosDate: number }[] {
  return localEntries(bytes).map((e) => ({ name: e.name, dosTime: e.dosDateTime & 0xffff, dosDate: e.dosDateTime >>> 16 }));
}

describe('renderDocx output', () => {
  it('is byte-identical for the same input, even when the clock moves on', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:20:30Z'));
    const first = await renderDocx(doc(FIXTURE));
    vi.setSystemTime(new Date('2031-11-12T23:59:58Z'));
    const second = await renderDocx(doc(FIXTURE));
    expect(second.byteLength).toBeGreaterThan(10_000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('dates every zip entry meta.date and starts with [Content_Types].xml', async () => {
    const entries = zipEntries(await renderDocx(doc(FIXTURE)));
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 8; // 2024-01-08
    for (const entry of entries) expect(entry).toMatchObject({ dosDate, dosTime: 0 });
  });

  it('changes when the date changes', async () => {
    const a = await renderDocx(doc(FIXTURE));
    const b = await renderDocx(doc(FIXTURE, { date: '2024-01-09' }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
