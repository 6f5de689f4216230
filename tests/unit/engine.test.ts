import { describe, expect, it } from 'vitest';
import { createEngine, TemplateError, type TemplateProblem } from '../../src/render/engine.js';

const context = {
  proposals: { total: 189, handledRate: 175 / 189, byCategory: { 民生和社会事业: { count: 116, share: 116 / 189 } } },
  information: { adoptionRate: null },
  meetings: { byTag: { 民生: { topics: ['甲', '乙'] } } },
  organization: { name: '云州市' },
};

function problem(template: string, partials: string[] = []): TemplateProblem {
  const engine = createEngine(() => partials);
  try {
    engine.compile(template, 'piece')(context);
  } catch (error) {
    if (error instanceof TemplateError) return error.problem;
    throw error;
  }
  throw new Error('expected a template problem');
}

describe('template engine', () => {
  it('renders figures with Chinese path segments and helpers', () => {
    const engine = createEngine();
    const out = engine.compile(
      '民生提案{{proposals.byCategory.民生和社会事业.count}}件，占比{{percent proposals.byCategory.民生和社会事业.share}}，就{{quoteEach meetings.byTag.民生.topics}}协商',
      'p',
    )(context);
    expect(out).toBe('民生提案116件，占比61.4%，就“甲”“乙”协商');
  });
  it('refuses a partial given more than one argument, at the first one, after the partials named are found', () => {
    expect(problem('甲\n{{> opening proposals}}{{> opening proposals information}}', ['opening'])).toMatchObject({ kind: 'syntax', detail: '{{> 片段名}} 之后最多写一个参数（片段使用的数据）', line: 2, column: 24 });
    expect(problem('{{#each meetings.byTag.民生.topics}}{{> opening this ../organization}}{{/each}}', ['opening'])).toMatchObject({ kind: 'syntax', line: 1, column: 35 });
    // A partial no folder has is said first, as Handlebars' compiler would.
    expect(problem('{{> opening proposals information}}{{> closing}}', ['opening'])).toMatchObject({ kind: 'missing-partial', subject: 'closing' });
    expect(problem('{{> opening proposals}}', ['opening'])).not.toMatchObject({ kind: 'syntax' });
  });
  it('names a missing figure and its position instead of printing a blank', () => {
    expect(problem('第一行\n共提出提案{{proposals.totl}}件')).toMatchObject({ kind: 'missing-field', subject: 'proposals.totl', line: 2, column: 6 });
    expect(problem('{{proposals.byCategory.教育.count}}')).toMatchObject({ kind: 'missing-field', subject: 'proposals.byCategory.教育.count' });
  });
  it('names a missing figure given to a helper, at any depth, at the argument', () => {
    expect(problem('占比{{percent proposals.byCategory.教育.share}}')).toMatchObject({
      kind: 'missing-field',
      subject: 'proposals.byCategory.教育.share',
      line: 1,
      column: 13,
    });
  });
  it('refuses a rate the data cannot supply', () => {
    expect(problem('采用率{{percent information.adoptionRate}}')).toMatchObject({ kind: 'unavailable', subject: 'information.adoptionRate' });
  });
  it('refuses an empty list or a missing list in #each', () => {
    expect(problem('{{#each meetings.byTag.教育.topics}}{{this}}{{/each}}')).toMatchObject({ kind: 'missing-field', subject: 'meetings.byTag.教育.topics' });
  });
  it('reports unknown helpers, missing partials and syntax errors with positions', () => {
    expect(problem('x {{percnt proposals.total}}')).toMatchObject({ kind: 'misspelt-helper', subject: 'percnt', detail: 'percent', line: 1, column: 3 });
    expect(problem('x {{frobnicate proposals.total}}')).toMatchObject({ kind: 'unknown-helper', subject: 'frobnicate', line: 1, column: 3 });
    expect(problem('a\n{{> nowhere}}', ['opening'])).toMatchObject({ kind: 'missing-partial', subject: 'nowhere', line: 2 });
    expect(problem('a\n{{#each x}}\n')).toMatchObject({ kind: 'syntax' });
  });
  it('refuses to print a whole group where a number is expected', () => {
    const p = problem('{{proposals.byCategory}}');
    expect(p).toMatchObject({ kind: 'render', subject: 'proposals.byCategory' });
    expect(p.detail).toContain('.count');
  });
  it('keeps prototypes out of reach', () => {
    expect(problem('{{organization.constructor}}')).toMatchObject({ kind: 'missing-field', subject: 'organization.constructor' });
    expect(problem('{{organization.__proto__}}')).toMatchObject({ kind: 'missing-field' });
  });
});

describe('genre helpers in templates', () => {
  it('turns quotation marks inside a quoted topic into single ones', () => {
    const engine = createEngine();
    expect(engine.compile('{{quote t}}{{quoteEach list}}', 'p')({ t: '加快“专精特新”企业培育', list: ['甲', '“乙”'] })).toBe('“加快‘专精特新’企业培育”“甲”“‘乙’”');
  });
});
