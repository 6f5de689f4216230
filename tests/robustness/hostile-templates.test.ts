/**
 * Hostile templates, through `--templates` as an editor would use it: a template cannot reach
 * prototypes or the file system, and a partial cannot come from outside the template folders.
 * Every refusal is a diagnostic placed in the template file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { copyFixture, tempDir } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';
import { report } from '../helpers/report.js';
import { parseTextDiagnostics, positionFailures } from './oracle.js';

let data: string;
beforeAll(async () => {
  data = await copyFixture('minimal');
});

/** A `--templates` folder whose `opening.hbs` is `text` after one ordinary line. */
async function templatesWithOpening(text: string, extra: (folder: string) => Promise<void>) {
  const work = await tempDir('report-tpl-');
  const templates = path.join(work, 'my-templates');
  await mkdir(path.join(templates, 'annual'), { recursive: true });
  await writeFile(path.join(templates, 'annual', 'opening.hbs'), `各位委员：\n${text}\n`);
  await extra(templates);
  return { work, templates, out: path.join(work, 'out') };
}

/** `report build --templates` through the command line. */
async function buildWithOpening(text: string, extra: (folder: string) => Promise<void> = async () => {}) {
  const { work, templates, out } = await templatesWithOpening(text, extra);
  const run = await report(['build', '2023', '--data', data, '--out', out, '--templates', templates, '--format', 'md'], { cwd: work });
  return { run, work, out, diagnostics: parseTextDiagnostics(run.stderr), markdown: undefined as string | undefined };
}

/** The same through the library (the pipeline with templatesDir), for the many small cases. */
async function renderWithOpening(text: string, extra: (folder: string) => Promise<void> = async () => {}) {
  const { work, templates, out } = await templatesWithOpening(text, extra);
  const result = await runAnnual(data, { templatesDir: templates, cwd: work });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return { run: { code: errors > 0 ? 1 : 0, stderr: '' }, work, out, diagnostics: result.diagnostics, markdown: result.report?.markdown };
}

interface Built {
  run: { code: number; stderr: string };
  work: string;
  out: string;
  diagnostics: Diagnostic[];
  markdown: string | undefined;
}

async function expectRefused(built: Built, code: string): Promise<void> {
  const { run, work, out, diagnostics, markdown } = built;
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误/);
  expect(diagnostics).toContainEqual(expect.objectContaining({ code, file: 'my-templates/annual/opening.hbs', line: 2 }));
  expect(positionFailures(diagnostics, work)).toEqual([]);
  expect(markdown).toBeUndefined();
  expect(existsSync(out)).toBe(false);
}

describe('hostile templates', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{this.__proto__.polluted}}',
    '{{@root.constructor}}',
    '{{organization.constructor.name}}',
    '{{lookup this "constructor"}}',
    '{{lookup organization "__proto__"}}',
    '{{lookup (lookup this "constructor") "name"}}',
    '{{#with (lookup this "constructor")}}{{name}}{{/with}}',
    '{{#each (lookup organization "__proto__")}}{{@key}}{{/each}}',
  ])('cannot reach a prototype: %s', async (template) => {
    await expectRefused(await renderWithOpening(template), 'RPT502');
  });

  it('cannot reach a prototype, through the CLI', async () => {
    await expectRefused(await buildWithOpening('{{lookup this "constructor"}}'), 'RPT502');
  });

  it('cannot call functions through prototypes (the 2019 Handlebars code-execution payload)', async () => {
    const marker = path.join(await tempDir('report-pwn-'), 'pwned');
    const payload = `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "return process.mainModule.require('fs').writeFileSync('${marker}', 'x');"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`;
    const { run, out, work, diagnostics } = await buildWithOpening(payload);
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(positionFailures(diagnostics, work)).toEqual([]);
  });

  it.each([
    ['{{> ../../etc/passwd}}', 'RPT503'],
    ['{{> "../../etc/passwd"}}', 'RPT503'],
    ['{{> /etc/passwd}}', 'RPT501'],
    ['{{> annual/opening}}', 'RPT503'],
    ['{{> sub/piece}}', 'RPT503'],
    ['{{> (lookup . "x")}}', 'RPT501'],
    ['{{#> ../../etc/passwd}}x{{/../../etc/passwd}}', 'RPT503'],
  ])('loads no partial from outside the template folders: %s', async (template, code) => {
    const built = await renderWithOpening(template, async (folder) => {
      // A piece in a subfolder is not a piece: only `<folder>/annual/*.hbs` and `<folder>/*.hbs` are.
      await mkdir(path.join(folder, 'sub'), { recursive: true });
      await writeFile(path.join(folder, 'sub', 'piece.hbs'), 'root:x:0:0');
    });
    await expectRefused(built, code);
    expect(JSON.stringify(built.diagnostics)).not.toContain('root:x:0:0');
  });

  it('loads no partial from outside, through the CLI', async () => {
    const built = await buildWithOpening('{{> ../../etc/passwd}}');
    await expectRefused(built, 'RPT503');
    expect(built.run.stderr).not.toContain('root:x:0:0');
  });

  it('does not follow a piece that is a link to a file outside', async () => {
    const built = await buildWithOpening('{{> evil}}', async (folder) => {
      await symlink('/etc/passwd', path.join(folder, 'annual', 'evil.hbs'));
      await symlink('/etc/hostname', path.join(folder, 'closing.hbs'));
    });
    await expectRefused(built, 'RPT503');
    expect(await readdir(path.join(built.work, 'my-templates', 'annual'))).toContain('evil.hbs');
    // Each ignored link is named, without a line: showing one would print the file it points to.
    const links = built.diagnostics.filter((d) => d.code === 'RPT509');
    expect(links.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['my-templates/annual/evil.hbs', undefined, 'warning'],
      ['my-templates/closing.hbs', undefined, 'warning'],
    ]);
    expect(built.run.stderr).not.toContain('root:x:0:0');
  });

  it('still renders an ordinary override (the tests above fail for the right reason)', async () => {
    const { run, out } = await buildWithOpening('{{organization.name}}的{{lookup organization "name"}}，{{> closing}}');
    expect(run.code, run.stderr).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md).toContain('青川市的青川市，');
  });
});
