import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { doc, FIXTURE } from './docx-xml.js';

afterEach(() => {
  vi.useRealTimers();
});

/** The entries of a zip as its local file headers give them: name and DOS date/time. */
function zipEntries(bytes: Uint8Array): { name: string; dosTime: number; dosDate: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
    entries.push({ name, dosTime: view.getUint16(offset + 10, true), dosDate: view.getUint16(offset + 12, true) });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return entries;
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
