/**
 * The hardening issue's template items, driven through the engine itself (createEngine, the
 * helpers, problemToDiagnostic) rather than the CLI on bundled data. Each case was a stack
 * trace, a hang, garbage in the report or an English library message before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine, KNOWN_HELPERS, RENDER_LIMITS, TemplateError, type TemplateProblem } from '../../src/render/engine.js';
import { problemToDiagnostic } from '../../src/render/problems.js';
import { RELATED, TEMPLATE_LIMITS } from '../../src/render/template-scan.js';
import type { CitableContext } from '../../src/compute/context.js';
import { ROOT } from '../helpers/fixture.js';

const context = {
  x: 2305,
  rate: 0.927,
  zero: 0,
  text: '加快发展',
  list: ['甲', '乙'],
  proposals: { handledRate: 0.927, total: 189 },
  organization: { name: '云州市' },
  nums: Array.from({ length: 100 }, (_, i) => i),
};

/** The problem a template gives, or the error it throws if that is not a TemplateError. */
function problemOf(template: string, pieces: Record<string, string> = {}, ctx: unknown = context): TemplateProblem {
  const engine = createEngine(() => Object.keys(pieces));
  try {
    for (const [name, text] of Object.entries(pieces)) engine.hb.registerPartial(name, engine.compile(text, name) as unknown as Handlebars.Template);
    engine.compile(template, 'piece')(ctx);
  } catch (error) {
    if (error instanceof TemplateError) return error.problem;
    throw error;
  }
  throw new Error(`expected a template problem for ${template.slice(0, 80)}`);
}

function render(template: string, ctx: unknown = context): string {
  return createEngine().compile(template, 'piece')(ctx);
}

/** Words of Handlebars' own messages, which must never reach a user. */
const LIBRARY_WORDS = /Parse error|Expecting|Lexical error|doesn't match|Cannot read|is not a function|Maximum call stack|Invalid path|undefined \(reading/;

describe('1. no code read from disk is evaluated', () => {
  it('has no new Function or eval anywhere in src', () => {
    const src = path.join(ROOT, 'src');
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\bnew Function\b|(?<![.\w])eval\s*\(/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('compiles from the template text', () => {
    expect(render('提案{{proposals.total}}件')).toBe('提案189件');
  });
});

describe('2. deep nesting is refused before Handlebars parses, at the place the limit is passed', () => {
  it('2,000 nested sub-expressions (a stack overflow before)', () => {
    const template = `第一行\n合计{{sum ${'(sum '.repeat(2000)}1${' 1)'.repeat(2000)}}}`;
    const p = problemOf(template);
    // The 31st "(" on line 2: "合计{{sum " is 8 characters, each "(sum " 5.
    expect(p).toMatchObject({ kind: 'too-deep', line: 2, column: 9 + 5 * TEMPLATE_LIMITS.nesting });
  });

  it('5,000 nested {{#if}} (17.7 s before RPT501 without a line)', () => {
    const template = `${'{{#if x}}\n'.repeat(5000)}a${'{{/if}}'.repeat(5000)}`;
    expect(problemOf(template)).toMatchObject({ kind: 'too-deep', line: TEMPLATE_LIMITS.nesting + 1, column: 1 });
  });

  it('in prose, as a Chinese diagnostic at the line and column', () => {
    const p = problemOf(`{{sum ${'(sum '.repeat(100)}1${')'.repeat(100)}}}`);
    const d = problemToDiagnostic(p, { file: 'narrative.yaml', line: p.line, column: p.column }, context as unknown as CitableContext, true);
    expect(d).toMatchObject({ code: 'RPT513', file: 'narrative.yaml', line: 1 });
    expect(d.message).toContain(`${TEMPLATE_LIMITS.nesting} 层`);
  });

  it('still renders ordinary nesting', () => {
    expect(render('{{#each list}}{{#if this}}{{quote this}}{{/if}}{{/each}}{{sum (sum 1 (diff 5 2)) 1}}')).toBe('“甲”“乙”5');
  });
});

describe('3. size: templates, prose and output are bounded', () => {
  it('a template over the size limit is refused unparsed, at the line where the limit is passed', () => {
    const line = `${'文'.repeat(99)}\n`;
    const template = line.repeat(Math.ceil((TEMPLATE_LIMITS.chars + 1000) / line.length));
    const p = problemOf(template);
    expect(p).toMatchObject({ kind: 'too-large', line: Math.floor(TEMPLATE_LIMITS.chars / line.length) + 1 });
    const d = problemToDiagnostic(p, { file: 'opening.hbs', line: p.line, column: p.column }, context as unknown as CitableContext, false);
    expect(d).toMatchObject({ code: 'RPT511', file: 'opening.hbs' });
    expect(d.message).toMatch(/^模板片段有 \d+ 个字符，超过了上限/);
  });

  it('prose with too many citations is refused at the first one over the limit', () => {
    const p = problemOf('提案{{x}}件，'.repeat(TEMPLATE_LIMITS.tags + 5));
    expect(p).toMatchObject({ kind: 'too-many-tags', line: 1, column: 2 + 9 * TEMPLATE_LIMITS.tags + 1 });
    expect(problemToDiagnostic(p, {}, context as unknown as CitableContext, true).message).toContain('这段文字');
  });

  it('four nested {{#each}} stop at the budget, placed in the template (643 MB of report.md before)', () => {
    const template = '第一行\n{{#each nums}}{{#each @root.nums}}{{#each @root.nums}}{{#each @root.nums}}提案{{this}}件{{/each}}{{/each}}{{/each}}{{/each}}';
    const p = problemOf(template);
    expect(['too-much-output', 'too-many-steps']).toContain(p.kind);
    expect(p).toMatchObject({ source: 'piece', line: 2 });
    expect(p.column).toBeGreaterThan(1);
  });

  it('a long text printed again and again stops at the output budget, at the {{…}} that prints it', () => {
    const ctx = { ...context, long: '长'.repeat(100_000), many: Array.from({ length: 60 }, (_, i) => i) };
    const p = problemOf('{{#each many}}\n  {{@root.long}}{{/each}}', {}, ctx);
    expect(p).toMatchObject({ kind: 'too-much-output', line: 2, column: 3 });
    expect(problemToDiagnostic(p, {}, ctx as unknown as CitableContext, false).message).toContain(String(RENDER_LIMITS.output));
  });

  it('partials that multiply (each including the next twice) stop at the step budget, at a {{> …}}', () => {
    const pieces: Record<string, string> = {};
    for (let i = 0; i < 22; i++) pieces[`p${i}`] = i === 21 ? 'x' : `{{> p${i + 1}}}{{> p${i + 1}}}`;
    const p = problemOf('{{> p0}}', pieces);
    expect(p.kind).toBe('partials-too-deep');
    // Within the depth limit, 3^15 partial calls is far past the step budget.
    const shallow: Record<string, string> = {};
    for (let i = 0; i < 16; i++) shallow[`q${i}`] = i === 15 ? '' : `{{> q${i + 1}}}{{> q${i + 1}}}{{> q${i + 1}}}`;
    const q = problemOf('{{> q0}}', shallow);
    expect(q).toMatchObject({ kind: 'too-many-steps' });
    expect(q.line).toBe(1);
  });
});

describe('4. helpers refuse arguments outside their domain, at the argument (RPT505)', () => {
  it.each([
    ['{{approx 232 -10}}', 14, '取整单位'],
    ['{{approx 999999999999999}}', 10, '1 万亿'],
    ['{{approx x 10 5}}', 15, '后缀'],
    ['{{approx x 0}}', 12, '取整单位'],
    ['{{percent x}}', 11, '比例'],
    ['{{percent rate 99}}', 16, '小数位数'],
    ['{{yoy 5 -1}}', 9, '上年'],
    ['{{sum}}', 1, '至少 2 个'],
    ['{{sum 1}}', 1, '至少 2 个'],
    ['{{date "0000-01-01"}}', 8, '1900—2100'],
    ['{{date "2023-02-30"}}', 8, '日期'],
    ['{{cn 1.5}}', 6, '整数'],
    ['{{partNumber 0}}', 14, '1 到 99'],
    ['{{join list ""}}', 13, '分隔符'],
    ['{{quote ""}}', 9, '文字'],
    ['{{quoteEach proposals}}', 13, '列表'],
  ])('%s', (template, column, words) => {
    const p = problemOf(`占比${template}`);
    expect(p).toMatchObject({ kind: 'helper', line: 1, column: column + 2 });
    expect(p.detail).toContain(words);
    const d = problemToDiagnostic(p, {}, context as unknown as CitableContext, false);
    expect(d.code).toBe('RPT505');
    expect(d.message).not.toMatch(LIBRARY_WORDS);
  });

  it('a value refused from the data names where it came from', () => {
    expect(problemOf('{{percent x}}').detail).toBe('第 1 个参数（比例）应为 0 到 1 之间的比例（0.614 即 61.4%），实际是“2305”（来自 x）');
  });

  it('a zero previous year is a figure the data cannot supply, not a template mistake', () => {
    expect(problemOf('{{yoy x zero}}')).toMatchObject({ kind: 'unavailable', subject: 'zero', column: 9 });
  });

  it('still prints every documented form', () => {
    expect(
      render(
        '{{percent rate}} {{percent rate 1}} {{approx x}} {{approx 437 10 "多"}} {{approx 437 "多"}} {{approx 43 100}} {{approx 999999999999}} ' +
          '{{approxWord 104}} {{yoy 189 176}} {{yoy 95 100}} {{sum 1 2 3}} {{diff 3 5}} {{cn 2023}} {{partNumber 2}}{{sectionNumber 5}} ' +
          '{{date "2023-01-03"}} {{monthDay "2023-12-18"}} {{month "2023-03-01"}} {{join list}} {{join list "和"}} {{wan 29050000}} {{spaced "郭伦"}}',
      ),
    ).toBe('92.7% 92.7% 2000余 430多 400多 43 900000000000余 百余 增长7.4% 下降5.0% 6 -2 二千零二十三 二、（五） 2023年1月3日 12月18日 3月 甲、乙 甲和乙 2905 郭\u3000伦');
  });
});

describe('5. a name that does not resolve is an error in every argument position', () => {
  it.each([
    ['{{percent proposals.handledRate proposals.typo}}', 33],
    ['{{approx x proposals.typo}}', 12],
    ['{{approx x 10 proposals.typo}}', 15],
    ['{{yoy 5 4 proposals.typo}}', 11],
    ['{{join list proposals.typo}}', 13],
    ['{{sum 1 2 proposals.typo}}', 11],
    ['{{lookup organization proposals.typo}}', 23],
    ['{{percent (lookup proposals proposals.typo)}}', 29],
  ])('%s', (template, column) => {
    const p = problemOf(template);
    expect(p).toMatchObject({ kind: 'missing-field', subject: 'proposals.typo', line: 1, column });
    const d = problemToDiagnostic(p, { file: 'narrative.yaml', line: 1, column }, context as unknown as CitableContext, true);
    expect(d).toMatchObject({ code: 'RPT401' });
    expect(d.message).toContain('proposals.typo');
  });
});

describe('6. only the documented helpers exist', () => {
  afterEach(() => vi.restoreAllMocks());

  it('{{log}} is unknown and writes nothing to stderr', () => {
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(problemOf('a{{log "秘密" proposals}}b')).toMatchObject({ kind: 'unknown-helper', subject: 'log', line: 1, column: 2 });
    expect(problemOf('{{#if x}}{{log x}}{{/if}}').kind).toBe('unknown-helper');
    expect([written.mock.calls, logged.mock.calls, errors.mock.calls]).toEqual([[], [], []]);
  });

  it('are exactly the genre’s and if, unless, each, with, lookup', () => {
    expect(KNOWN_HELPERS).toEqual(
      ['approx', 'approxWord', 'cn', 'counts', 'date', 'diff', 'each', 'if', 'inc', 'items', 'join', 'lookup', 'month', 'monthDay', 'partNumber', 'percent', 'quote', 'quoteEach', 'sectionNumber', 'share', 'shares', 'spaced', 'sum', 'table', 'unless', 'wan', 'with', 'yoy'].sort(),
    );
  });

  it.each([
    ['{{#*inline "x"}}y{{/inline}}', 'syntax'],
    ['{{#proposals}}x{{/proposals}}', 'unknown-helper'],
    ['{{blockHelperMissing x}}', 'unknown-helper'],
    ['{{helperMissing x}}', 'unknown-helper'],
    ['{{#percent rate}}x{{/percent}}', 'helper'],
    ['{{if x}}', 'helper'],
    ['{{proposals.total 3}}', 'unknown-helper'],
    ['{{{{raw}}}}x{{{{/raw}}}}', 'syntax'],
  ])('refuses %s before running it', (template, kind) => {
    const p = problemOf(template);
    expect(p).toMatchObject({ kind, line: 1, column: 1 });
  });
});

describe('7. every template problem has its place, in Chinese', () => {
  it('{{lookup organization}} (RPT506 "Cannot read properties of undefined" without a line before)', () => {
    const p = problemOf('第一行\n  {{lookup organization}}');
    expect(p).toMatchObject({ kind: 'helper', subject: 'lookup', line: 2, column: 3 });
    expect(p.detail).toContain('需要 2 个参数，实际是 1 个');
  });

  it('a partial that includes itself is refused at its {{> name}}, before anything renders', () => {
    let read = 0;
    const watched = { get organization() {
      read++;
      return context.organization;
    } };
    const p = problemOf('{{organization.name}}{{> a}}', { a: '甲{{organization.name}}{{> b}}', b: '乙\n  {{> c}}', c: '{{> a}}' }, watched);
    expect(p).toMatchObject({ kind: 'partial-cycle', source: 'c', line: 1, column: 1, detail: 'a → b → c → a' });
    expect(read).toBe(0);
    const direct = problemOf('{{> a}}', { a: '{{#each list}}\n{{> a}}{{/each}}' });
    expect(direct).toMatchObject({ kind: 'partial-cycle', source: 'a', line: 2, column: 1, detail: 'a → a' });
    expect(problemToDiagnostic(direct, {}, context as unknown as CitableContext, false).code).toBe('RPT516');
  });

  it.each([
    ['{{#each list}}x{{/eahc}}', 1, 16, '{{/eahc}} 与第 1 行第 1 列的 {{#each}} 不配对；是否想写 {{/each}}？'],
    ['{{#eahc list}}x{{/each}}', 1, 1, '{{#eahc}} 与第 1 行第 16 列的 {{/each}} 不配对；是否想写 {{#each}}？'],
    ['{{#each list}}\n{{#if x}}\n{{/each}}', 2, 1, '{{#if}} 没有闭合：在第 3 行第 1 列遇到了 {{/each}}，之前应有 {{/if}}'],
    ['{{#if x}}\n{{/each}}', 2, 1, '{{/each}} 与第 1 行第 1 列的 {{#if}} 不配对；应写成 {{/if}}'],
    ['正文\n{{#each list}}', 2, 1, '{{#each}} 没有对应的 {{/each}}'],
    ['正文{{x\n更多正文', 1, 3, '“{{”没有用“}}”闭合'],
    ['正文{{x}} 又{{y\n{{z}}', 1, 10, '“{{”没有用“}}”闭合'],
    ['{{/each}}', 1, 1, '{{/each}} 前面没有对应的 {{#each}}'],
    ['正文{{else}}', 1, 3, '{{else}} 只能写在 {{#if}}、{{#each}} 等块之中'],
    ['{{sum 1 (diff 2 3}}', 1, 9, '“(”没有对应的“)”'],
    ['{{x}}}', 1, 4, '多了一个“}”：{{ 用 }} 闭合（只有 {{{ 才用 }}}）'],
    ['很长很长很长很长很长很长很长很长很长很长很长很长的文字 {{}}', 1, 31, '“}}”之前缺少内容'],
    ['{{!-- 注释', 1, 1, '注释 {{!-- 没有用 --}} 结束'],
    ['{{a.this}}', 1, 3, '名称“a.this”写法有误：this、..、. 只能写在名称的开头'],
  ])('%s', (template, line, column, detail) => {
    const p = problemOf(template);
    // The other tag of a pair is named where the caller knows the text's place in its file.
    const shown = p.related ? p.detail.replace(RELATED, `第 ${p.related.line} 行第 ${p.related.column} 列`) : p.detail;
    expect({ ...p, detail: shown }).toMatchObject({ kind: 'syntax', line, column, detail });
  });

  it('a misspelt helper gets a suggestion (RPT510)', () => {
    const p = problemOf('{{#eahc list}}x{{/eahc}}');
    expect(p).toMatchObject({ kind: 'misspelt-helper', subject: 'eahc', detail: 'each', line: 1, column: 1 });
    const d = problemToDiagnostic(p, {}, context as unknown as CitableContext, false);
    expect(d).toMatchObject({ code: 'RPT510', message: '模板中使用了未知的函数“eahc”，是否想写“each”？' });
  });

  it('a blank in the output is placed where it is printed or written (RPT508 had no file or line)', () => {
    const p = problemOf('第一行\n前文{{text}}', {}, { text: '数据 undefined 数据' });
    expect(p).toMatchObject({ kind: 'blank', subject: 'text', line: 2, column: 3, detail: '数据 undefined 数据' });
    expect(problemOf('第一行\n有 NaN 的模板')).toMatchObject({ kind: 'blank', line: 2, column: 3 });
    expect(problemOf('就{{quoteEach list}}协商', {}, { list: ['甲', '[object Object]'] })).toMatchObject({ kind: 'blank', line: 1, column: 14, detail: '“甲”“[object Object]”' });
    expect(problemToDiagnostic(p, {}, context as unknown as CitableContext, false).code).toBe('RPT508');
  });

  it('no Handlebars message reaches a user, and every problem has a line and column', () => {
    const broken = [
      '{{', '}}', '{{}}', '{{x', '{{#}}', '{{/}}', '{{#each}}{{/each}}', '{{#if}}{{/if}}', '{{> }}', '{{x y=}}', '{{x (}}', '{{x )}}',
      '{{"a"}}', '{{5}}', '{{x.[y}}', '{{x "y}}', "{{x 'y}}", '{{#each list as |a}}{{/each}}', '{{#each list as |a b c|}}{{/each}}',
      '{{@}}', '{{../x}}', '{{x..y}}', '{{x/this}}', '{{&}}', '{{{x}}', '{{^}}', '{{else}}', '{{#if x}}{{else}}{{else}}{{/if}}',
      '{{> (x)}}', '{{#> x}}{{/y}}', '\u0000{{x}}', '{{x\u0000}}', '{{x}}\u0000', '{{#with}}{{/with}}', '{{lookup}}', '{{lookup a b c}}',
    ];
    for (const template of broken) {
      let p: TemplateProblem;
      try {
        p = problemOf(template, { x: 'x' });
      } catch {
        continue; // renders fine: nothing to say
      }
      expect(p.detail, template).not.toMatch(LIBRARY_WORDS);
      expect(p.line, template).toBeGreaterThanOrEqual(1);
      expect(p.column, template).toBeGreaterThanOrEqual(1);
      const d = problemToDiagnostic(p, {}, context as unknown as CitableContext, false);
      expect(`${d.message}${d.hint ?? ''}`, template).not.toMatch(LIBRARY_WORDS);
    }
  });
});
