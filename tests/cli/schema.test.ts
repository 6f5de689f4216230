/**
 * `report schema` and the JSON Schema it writes, checked by an independent validator (ajv): the
 * data the tool accepts is accepted, broken copies are rejected, and the committed files in
 * schema/ are exactly what the generator produces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, jsonSchemaText, schemaComment, SCHEMA_COMMENT, SCHEMA_FILE_NAMES } from '../../src/schema/json-schema.js';
import { DATA, FIXTURES, PANJIN, ROOT, TERM, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const NAMES = Object.values(SCHEMA_FILE_NAMES).sort();
const schemas = Object.fromEntries(jsonSchemas().map((f) => [f.name, f.schema]));

function validator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // The pattern beside `format: date` already enforces the calendar; the format is a hint for editors.
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schemas[name]!);
}

const validators = {
  year: validator(SCHEMA_FILE_NAMES.year),
  organization: validator(SCHEMA_FILE_NAMES.organization),
  layout: validator(SCHEMA_FILE_NAMES.layout),
  term: validator(SCHEMA_FILE_NAMES.term),
  settings: validator(SCHEMA_FILE_NAMES.settings),
};
type Kind = keyof typeof validators;

/** Every YAML file under a data folder, with the validator that applies to it. */
function dataFiles(dataDir: string): Array<{ file: string; kind: Kind }> {
  const out: Array<{ file: string; kind: Kind }> = [];
  for (const name of readdirSync(dataDir).sort()) {
    const full = path.join(dataDir, name);
    if (statSync(full).isDirectory()) {
      const kind: Kind = /^\d{4}$/.test(name) ? 'year' : 'term';
      for (const f of readdirSync(full).sort()) if (/\.ya?ml$/.test(f)) out.push({ file: path.join(full, f), kind });
    } else if (name === 'organization.yaml') out.push({ file: full, kind: 'organization' });
    else if (name === 'layout.yaml') out.push({ file: full, kind: 'layout' });
  }
  return out;
}

const load = (file: string): unknown => parse(readFileSync(file, 'utf8'));

describe('report schema', () => {
  it('writes schema/ in the working folder by default, identical to the committed files', async () => {
    const cwd = await tempDir();
    const run = await report(['schema'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已生成：schema/year.schema.json');
    expect((await readdir(path.join(cwd, 'schema'))).sort()).toEqual(NAMES);
    for (const name of NAMES) {
      const written = await readFile(path.join(cwd, 'schema', name), 'utf8');
      expect(written, `schema/${name} is stale: run \`report schema\``).toBe(await readFile(path.join(ROOT, 'schema', name), 'utf8'));
      expect(JSON.parse(written).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('writes into the folder given with --out and replaces stale files', async () => {
    const out = path.join(await tempDir(), 'editor', 'schema');
    expect((await report(['schema', '--out', out])).code).toBe(0);
    await writeFile(path.join(out, 'year.schema.json'), '{}\n');
    expect((await report(['schema', '--out', out])).code).toBe(0);
    expect(await readFile(path.join(out, 'year.schema.json'), 'utf8')).toBe(await readFile(path.join(ROOT, 'schema', 'year.schema.json'), 'utf8'));
  });

  it('says where it could not write, with exit code 2', async () => {
    const blocker = path.join(await tempDir(), 'taken');
    await writeFile(blocker, 'a file, not a folder');
    const run = await report(['schema', '--out', blocker]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
  });

  it('is listed in report --help', async () => {
    expect((await report(['--help'])).stdout).toMatch(/schema \[选项\] +生成数据文件的 JSON Schema/);
  });
});

describe('JSON Schema of the data files', () => {
  it('is what the generator produces (schema/ is never edited by hand)', () => {
    for (const file of jsonSchemas()) {
      const committed = readFileSync(path.join(ROOT, 'schema', file.name), 'utf8');
      expect(committed, `schema/${file.name} is stale: run \`report schema\``).toBe(jsonSchemaText(file));
    }
  });

  it('is JSON Schema draft 2020-12 with the descriptions from the zod schemas', () => {
    const y = schemas[SCHEMA_FILE_NAMES.year] as { $schema: string; properties: Record<string, { items?: { description?: string } }> };
    expect(y.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(y.properties).sort()).toEqual(['activities', 'information', 'instructions', 'meetings', 'members', 'proposals', 'research', 'sitting', 'totals']);
    expect(y.properties.proposals!.items!.description).toMatch(/^提案（提案委员会）/);
  });

  for (const [name, dir] of [
    ['bundled data', DATA],
    ['the minimal fixture', path.join(FIXTURES, 'minimal')],
    ['the panjin example', PANJIN],
    ['the five-year example', TERM],
  ] as const) {
    it(`accepts every file of ${name}`, () => {
      const files = dataFiles(dir);
      expect(files.length).toBeGreaterThan(3);
      for (const { file, kind } of files) {
        const validate = validators[kind];
        expect(validate(load(file)), `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    });
  }

  it('is named on the first line of every data file of the data and the examples, by a path that resolves', () => {
    const expected: Record<Kind, string> = {
      year: SCHEMA_FILE_NAMES.year,
      organization: SCHEMA_FILE_NAMES.organization,
      layout: SCHEMA_FILE_NAMES.layout,
      term: SCHEMA_FILE_NAMES.term,
      settings: SCHEMA_FILE_NAMES.settings,
    };
    const files = [DATA, PANJIN, TERM].flatMap(dataFiles);
    expect(files.length).toBeGreaterThan(40);
    for (const { file, kind } of files) {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
      expect(SCHEMA_COMMENT.test(first), `${path.relative(ROOT, file)} starts with “${first}”`).toBe(true);
      expect(path.resolve(path.dirname(file), first.replace(/^.*\$schema=/, '')), path.relative(ROOT, file)).toBe(path.join(ROOT, 'schema', expected[kind]));
    }
  });

  it('accepts a layout.yaml override and refuses a bad one', () => {
    expect(validators.layout({ lineSpacingPt: 28, page: { marginsMm: { top: 37 } }, widowControl: true })).toBe(true);
    expect(validators.layout({ lineSpacingPt: -1 })).toBe(false);
    expect(validators.layout({ lineSpacin: 28 })).toBe(false);
  });

  it('describes report.yaml', () => {
    expect(validators.settings({ data: 'records', out: '成品', templates: 'house', formats: ['md', 'docx'] })).toBe(true);
    expect(validators.settings({ output: 'x' })).toBe(false);
    expect(validators.settings({ formats: ['doc'] })).toBe(false);
  });

  it('keeps year records out of a term folder and the sitting in it', () => {
    const sitting = (load(path.join(TERM, 'term-2018-2022', 'sitting.yaml')) as { sitting: object }).sitting;
    expect(validators.term({ sitting })).toBe(true);
    expect(validators.term({ proposals: [] })).toBe(false);
    expect(validators.term({ narrative: {} })).toBe(false);
  });

  const minimal = (file: string) => load(path.join(FIXTURES, 'minimal', file)) as Record<string, unknown>;
  const first = (file: string, key: string) => (minimal(file)[key] as object[])[0]!;
  const broken: Array<[string, () => unknown, Kind]> = [
    ['a misspelt field', () => ({ proposals: [{ ...first('2023/proposals.yaml', 'proposals'), titel: 'x' }] }), 'year'],
    ['a value outside the vocabulary', () => ({ proposals: [{ ...first('2023/proposals.yaml', 'proposals'), review: '已立案x' }] }), 'year'],
    ['an old field name', () => ({ proposals: [{ ...first('2023/proposals.yaml', 'proposals'), filing: '立案' }] }), 'year'],
    ['a missing required field', () => ({ meetings: [{ id: 'm1', kind: '常委会议' }] }), 'year'],
    ['an impossible date', () => ({ meetings: [{ id: 'm1', kind: '常委会议', date: '2023-02-30' }] }), 'year'],
    ['a negative count', () => ({ meetings: [{ id: 'm1', kind: '常委会议', date: '2023-02-03', suggestions: -1 }] }), 'year'],
    ['a bad record id', () => ({ meetings: [{ id: '会议.一', kind: '常委会议', date: '2023-02-03' }] }), 'year'],
    ['an unknown top-level key', () => ({ ...minimal('2023/meetings.yaml'), meeting: [] }), 'year'],
    ['the old key of research reports', () => ({ reports: [] }), 'year'],
    ['a narrative in YAML', () => ({ narrative: { closing: '各位委员' } }), 'year'],
    ['a list where one value belongs', () => ({ sitting: [minimal('2023/sitting.yaml').sitting] }), 'year'],
    ['hand-written totals of a kind that has none', () => ({ totals: { activities: { count: 3 } } }), 'year'],
    ['an organisation without proposal categories', () => ({ organization: { ...(minimal('organization.yaml').organization as object), proposalCategories: [] } }), 'organization'],
    ['an organisation with a meeting kind in an unknown group', () => ({ organization: { ...(minimal('organization.yaml').organization as object), meetingKinds: [{ name: '月度协商会', group: '协商会' }] } }), 'organization'],
  ];
  for (const [what, make, kind] of broken) {
    it(`rejects ${what}`, () => {
      expect(validators[kind](make())).toBe(false);
    });
  }

  it('writes the modeline as a path relative to the data file', () => {
    const line = schemaComment('/p/data/2024/meetings.yaml', '/p/schema/year.schema.json');
    expect(line).toBe('# yaml-language-server: $schema=../../schema/year.schema.json');
    expect(SCHEMA_COMMENT.test(line)).toBe(true);
  });
});
