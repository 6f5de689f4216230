/**
 * Mutations of any text file, as hand editing and copying between programs damage them: cut
 * short, stray bytes, text pasted in, lines deleted, doubled or swapped, saved as UTF-16, emptied.
 * None is certain to make a file invalid by itself (the generators that use them decide).
 */
import fc from 'fast-check';
import type { Mutation, Outcome } from './types.js';

/** Fragments that mean something to the template engine, for prose and values. */
export const TEMPLATE_BITS = [
  '{{',
  '}}',
  '{{proposals.totl}}',
  '{{percent proposals.total 9}}',
  '{{#each x}}',
  '{{/if}}',
  '{{> report}}',
  '{{constructor}}',
  '{{lookup this "constructor"}}',
  '{{{',
  '\\{{',
  '{{!',
  '{{yoy 1 0}}',
  '{{previous.proposals.total}}',
];

export const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('“', '”', '：', '\u3000', '\u200b', '\ufeff', '\u0000', '\t', '\r', '\n', '#', ':', '-', '&', '*', '!', '%', '@', '`', '|', '>', '{', '}', '[', ']', ',', '"', "'", '\\', '中', '𠀀', '\ud800', '<!--', '-->', '**'),
    maxLength: 8,
  }),
  fc.constantFrom(...TEMPLATE_BITS),
);

export const nat = fc.nat({ max: 1_000_000 });

/** What copying does to any file's bytes: cut short, stray bytes, emptied. */
export const BYTE_MUTATIONS = {
  truncate: fc.record({ op: fc.constant('truncate'), at: nat }),
  injectBytes: fc.record({ op: fc.constant('injectBytes'), at: nat, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  empty: fc.constant({ op: 'empty' }),
};

export const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  BYTE_MUTATIONS.truncate,
  BYTE_MUTATIONS.injectBytes,
  fc.record({ op: fc.constant('insertText'), at: nat, text: unicodeText }),
  fc.record({ op: fc.constant('deleteLines'), at: nat, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('duplicateLines'), at: nat, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('swapLines'), at: nat, other: nat }),
  fc.constant({ op: 'utf16' }),
  BYTE_MUTATIONS.empty,
);

/** Applies a byte mutation; undefined for an op it does not know. */
export function applyByteMutation(bytes: Buffer, m: Mutation): Outcome | undefined {
  const n = (key: string) => m[key] as number;
  switch (m.op) {
    case 'truncate':
      return { bytes: bytes.subarray(0, bytes.length === 0 ? 0 : n('at') % bytes.length), applied: true, breaks: false };
    case 'injectBytes': {
      const at = n('at') % (bytes.length + 1);
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes as Uint8Array), bytes.subarray(at)]), applied: true, breaks: false };
    }
    case 'empty':
      return { bytes: Buffer.alloc(0), applied: true, breaks: false };
    default:
      return undefined;
  }
}

/** Applies a text mutation (byte mutations included); undefined for an op it does not know. */
export function applyTextMutation(bytes: Buffer, m: Mutation): Outcome | undefined {
  const byByte = applyByteMutation(bytes, m);
  if (byByte) return byByte;
  const text = bytes.toString('utf8');
  const out = (t: string): Outcome => ({ bytes: Buffer.from(t, 'utf8'), applied: true, breaks: false });
  const n = (key: string) => m[key] as number;
  switch (m.op) {
    case 'insertText': {
      const at = n('at') % (text.length + 1);
      return out(text.slice(0, at) + (m.text as string) + text.slice(at));
    }
    case 'deleteLines':
    case 'duplicateLines': {
      const lines = text.split('\n');
      const at = n('at') % lines.length;
      const taken = lines.slice(at, at + n('count'));
      if (m.op === 'deleteLines') lines.splice(at, n('count'));
      else lines.splice(at, 0, ...taken);
      return out(lines.join('\n'));
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = n('at') % lines.length;
      const b = n('other') % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return out(lines.join('\n'));
    }
    case 'utf16':
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), applied: true, breaks: false };
    default:
      return undefined;
  }
}
