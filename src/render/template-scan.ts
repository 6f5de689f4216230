/**
 * A first pass over a template's text (a piece, or a prose string that cites figures), before
 * Handlebars sees it. Handlebars' parser copies its stack at every step (5,000 nested {{#if}}
 * took 17.7 s), its compiler recurses once per level (2,000 nested sub-expressions overflowed
 * the stack) and it keeps about 30 KB per {{…}} while compiling (900,000 characters of prose
 * took 3.5 GB). So size, the number of tags and the nesting are measured here, in one linear
 * pass that jumps from one `{{` to the next. The pass sees every block tag, so it also names,
 * in Chinese and where they are, the unclosed `{{`, the mismatched `{{/…}}` and the block left
 * open, which Handlebars reports as "Expecting 'CLOSE_RAW_BLOCK', … got 'EOF'".
 *
 * It follows Handlebars' lexer (escaped `\{{`, comments, strings, `[…]` segments, `}}}`); what
 * it lets through that Handlebars refuses is still refused by Handlebars, at its position.
 */
import { editDistance } from '../diagnostics/nearest.js';

export const TEMPLATE_LIMITS = {
  /** Characters in one piece or prose string. The built-in pieces have under 2,000; a paragraph a few hundred. */
  chars: 100_000,
  /** `{{…}}` tags in one piece or prose string; the built-in pieces have at most about 65. */
  tags: 2_000,
  /** Blocks inside blocks plus brackets inside brackets; real templates nest about 4 deep. */
  nesting: 30,
} as const;

export interface ScanProblem {
  kind: 'too-large' | 'too-many-tags' | 'too-deep' | 'syntax';
  detail: string;
  /** Where in the text (UTF-16 offset). */
  offset: number;
  /** The other tag of a mismatched pair, named in `detail` as {@link RELATED}. */
  related?: number;
}

/** Stands in `detail` for the place of the other tag, written out once the caller knows where the text sits in its file. */
export const RELATED = '{related}';

/** The known name closest to `name`, if it is close enough to be a slip of the keyboard. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(name.toLowerCase(), k.toLowerCase());
    if (distance <= Math.max(1, Math.floor(k.length / 3)) && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

interface OpenBlock {
  name: string;
  /** `#`, `^`, `#>` or `#*`: how it was opened, to quote it as written. */
  sigil: string;
  offset: number;
}

const BACKSLASH = 0x5c;

/** Where a quoted string or `[…]` segment starting at `from` ends (the offset after it), or -1 when it never does. */
function skipQuoted(text: string, from: number, close: string): number {
  for (let m = from + 1; m < text.length; m++) {
    if (text.charCodeAt(m) === BACKSLASH && text[m + 1] === close) m++;
    else if (text[m] === close) return m + 1;
  }
  return -1;
}

/** The name after a block sigil, as Handlebars compares it (quotes and brackets taken off). */
function readName(text: string, from: number): string {
  let k = from;
  while (k < text.length && /\s/.test(text[k]!)) k++;
  const first = text[k];
  if (first === '"' || first === "'" || first === '[') {
    const end = skipQuoted(text, k, first === '[' ? ']' : first);
    return end < 0 ? '' : text.slice(k + 1, end - 1);
  }
  const match = /^[^\s}~()|=]+/.exec(text.slice(k, k + 200));
  return match ? match[0] : '';
}

/**
 * The first problem in `text`, or undefined. `blocks` are the block helpers there are, to tell
 * which of two mismatched tags is the misspelt one.
 */
export function scanTemplate(text: string, blocks: readonly string[]): ScanProblem | undefined {
  const { chars, tags: maxTags, nesting } = TEMPLATE_LIMITS;
  if (text.length > chars) return { kind: 'too-large', detail: `${text.length}`, offset: chars };
  const stack: OpenBlock[] = [];
  let tags = 0;
  const quoteTag = (b: OpenBlock) => `{{${b.sigil}${b.name}}}`;
  for (let j = text.indexOf('{{'); j >= 0; j = text.indexOf('{{', j + 2)) {
    // `\{{` is text; `\\{{` is a backslash and then a tag.
    if (text.charCodeAt(j - 1) === BACKSLASH && text.charCodeAt(j - 2) !== BACKSLASH) continue;
    if (++tags > maxTags) return { kind: 'too-many-tags', detail: `${maxTags}`, offset: j };
    if (text.startsWith('{{{{', j)) {
      return { kind: 'syntax', detail: '不能使用 {{{{ }}}}（原样块）；要让“{{”原样出现在报告中，在它前面加反斜杠：\\{{', offset: j };
    }
    let k = j + 2;
    if (text[k] === '~') k++;
    if (text.startsWith('!--', k)) {
      const end = /--~?\}\}/g;
      end.lastIndex = k + 3;
      if (!end.test(text)) return { kind: 'syntax', detail: '注释 {{!-- 没有用 --}} 结束', offset: j };
      j = end.lastIndex - 2;
      continue;
    }
    if (text[k] === '!') {
      const end = text.indexOf('}}', k);
      if (end < 0) return { kind: 'syntax', detail: '注释 {{! 没有用 }} 结束', offset: j };
      j = end;
      continue;
    }
    let kind: 'open' | 'close' | 'else' | 'other' = 'other';
    let sigil = '';
    const rest = text.slice(k, k + 8);
    if (rest.startsWith('#>') || rest.startsWith('#*')) [kind, sigil] = ['open', rest.slice(0, 2)];
    else if (rest.startsWith('#')) [kind, sigil] = ['open', '#'];
    else if (rest.startsWith('/')) [kind, sigil] = ['close', '/'];
    else if (/^\^\s*~?\}\}/.test(text.slice(k, k + 40)) || /^\s*else(?![^\s~}])/.test(rest)) kind = 'else';
    else if (rest.startsWith('^')) [kind, sigil] = ['open', '^'];
    const triple = rest.startsWith('{');
    const name = kind === 'open' || kind === 'close' ? readName(text, k + sigil.length) : '';

    // To the end of the tag: strings and [segments] may hold `}}`; brackets nest.
    const brackets: number[] = [];
    let end = -1;
    for (let m = k; m < text.length; m++) {
      const c = text[m];
      if (c === '"' || c === "'" || c === '[') {
        const after = skipQuoted(text, m, c === '[' ? ']' : c);
        if (after < 0) return { kind: 'syntax', detail: c === '[' ? '“[”没有对应的“]”' : `引号 ${c} 没有闭合`, offset: m };
        m = after - 1;
      } else if (c === '(') {
        brackets.push(m);
        if (brackets.length + stack.length > nesting) return { kind: 'too-deep', detail: `${nesting}`, offset: m };
      } else if (c === ')') {
        if (brackets.pop() === undefined) return { kind: 'syntax', detail: '多了一个“)”', offset: m };
      } else if (c === '}' && text[m + 1] === '}') {
        end = m + 2 + (triple && text[m + 2] === '}' ? 1 : 0);
        break;
      } else if (c === '{' && text[m + 1] === '{') {
        break;
      }
    }
    if (end < 0) return { kind: 'syntax', detail: '“{{”没有用“}}”闭合', offset: j };
    const unclosed = brackets.pop();
    if (unclosed !== undefined) return { kind: 'syntax', detail: '“(”没有对应的“)”', offset: unclosed };

    if (kind === 'open') {
      stack.push({ name, sigil, offset: j });
      if (stack.length > nesting) return { kind: 'too-deep', detail: `${nesting}`, offset: j };
    } else if (kind === 'else') {
      if (stack.length === 0) return { kind: 'syntax', detail: '{{else}} 只能写在 {{#if}}、{{#each}} 等块之中', offset: j };
    } else if (kind === 'close') {
      const top = stack[stack.length - 1];
      if (!top) return { kind: 'syntax', detail: `{{/${name}}} 前面没有对应的 {{#${name}}}`, offset: j };
      if (top.name === name) {
        stack.pop();
      } else {
        const closing = `{{/${name}}}`;
        if (stack.some((b) => b.name === name)) {
          // {{#each}}{{#if}}…{{/each}}: the {{/if}} is missing, not the {{/each}} misspelt.
          return { kind: 'syntax', detail: `${quoteTag(top)} 没有闭合：在${RELATED}遇到了 ${closing}，之前应有 {{/${top.name}}}`, offset: top.offset, related: j };
        }
        const topKnown = top.sigil !== '#' || blocks.includes(top.name);
        const closeNear = nearest(name, blocks);
        if (!topKnown && blocks.includes(name)) {
          const guess = nearest(top.name, blocks) === name ? `；是否想写 {{#${name}}}？` : '';
          return { kind: 'syntax', detail: `${quoteTag(top)} 与${RELATED}的 ${closing} 不配对${guess}`, offset: top.offset, related: j };
        }
        const guess = closeNear === top.name || nearest(name, [top.name]) ? `；是否想写 {{/${top.name}}}？` : `；应写成 {{/${top.name}}}`;
        return { kind: 'syntax', detail: `${closing} 与${RELATED}的 ${quoteTag(top)} 不配对${guess}`, offset: j, related: top.offset };
      }
    }
    j = end - 2;
  }
  const open = stack[stack.length - 1];
  if (open) return { kind: 'syntax', detail: `${quoteTag(open)} 没有对应的 {{/${open.name}}}`, offset: open.offset };
  return undefined;
}
