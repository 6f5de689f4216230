/**
 * Generated documentation is current: `npm run docs` would change neither the README's reference
 * sections nor docs/errors.md. When this fails, run `npm run docs` and commit what it wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETIRED_CODES } from '../../src/diagnostics/catalogue.js';
import { catalogue } from '../../src/diagnostics/entries.js';
import { errorReference } from '../../src/docs/errors.js';
import { README_SECTIONS, withReference } from '../../src/docs/reference.js';
import { ROOT } from '../helpers/fixture.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('generated documentation', () => {
  it('the README holds the reference tables the declarations generate (npm run docs changes nothing)', () => {
    const readme = read('README.md');
    for (const name of Object.keys(README_SECTIONS)) expect(readme).toContain(`<!-- 自动生成：${name} -->`);
    expect(withReference(readme) === readme, 'README.md is out of date: run npm run docs').toBe(true);
  });

  it('docs/errors.md is what the catalogue generates (npm run docs changes nothing)', () => {
    expect(read('docs/errors.md') === errorReference(), 'docs/errors.md is out of date: run npm run docs').toBe(true);
  });

  it('every code is listed once, with a fix; no code is both given and retired', () => {
    const codes = Object.values(catalogue).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const doc = read('docs/errors.md');
    for (const code of codes) expect(doc).toContain(`| ${code} |`);
    for (const code of Object.keys(RETIRED_CODES)) expect(codes).not.toContain(code);
    const withoutFix = Object.values(catalogue).filter((e) => !('hint' in e)).map((e) => e.code);
    expect(withoutFix).toEqual([]);
  });
});
