/**
 * The generated JSON Schema, checked by an independent validator (ajv): the data the tool
 * accepts is accepted, broken copies are rejected, and the committed files in schema/ are
 * exactly what the generator produces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, jsonSchemaText, schemaComment, SCHEMA_COMMENT, SCHEMA_FILE_NAMES } from '../../src/schema/json-schema.js';
import { FIXTURES, ROOT } from '../helpers/fixture.js';

const schemas = Object.fromEntries(jsonSchemas().map((f) => [f.name, f.schema]));

function validator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // The pattern beside `format: date` already enforces the calendar; the format is a hint for editors.
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schemas[name]!);
}

const year = validator(SCHEMA_FILE_NAMES.year);
const organization = validator(SCHEMA_FILE_NAMES.organization);
const layout = validator(SCHEMA_FILE_NAMES.layout);

/** Every YAML file under a data folder, with the validator that applies to it. */
function dataFiles(dataDir: string): Array<{ file: string; kind: 'year' | 'organization' | 'layout' }> {
  const out: Array<{ file: string; kind: 'year' | 'organization' | 'layout' }> = [];
  for (const name of readdirSync(dataDir).sort()) {
    const full = path.join(dataDir, name);
    if (statSync(full).isDirectory() && /^\d{4}$/.test(name)) {
      for (const f of readdirSync(full).sort()) if (/\.ya?ml$/.test(f)) out.push({ file: path.join(full, f), kind: 'year' });
    } else if (name === 'organization.yaml') out.push({ file: full, kind: 'organization' });
    else if (name === 'layout.yaml') out.push({ file: full, kind: 'layout' });
  }
  return out;
}

const validators = { year, organization, layout };
const load = (file: string): unknown => parse(readFileSync(file, 'utf8'));

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
    expect(Object.keys(y.properties)).toEqual(
      expect.arrayContaining(['meetings', 'proposals', 'reports', 'approvals', 'activities', 'sitting', 'narrative', 'information', 'members']),
    );
    expect(y.properties.proposals!.items!.description).toBe('提案（提案委）');
  });

  for (const [name, dir] of [
    ['bundled data', path.join(ROOT, 'data')],
    ['the minimal fixture', path.join(FIXTURES, 'minimal')],
  ] as const) {
    it(`accepts every file of ${name}`, () => {
      const files = dataFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const { file, kind } of files) {
        const validate = validators[kind];
        const ok = validate(load(file));
        expect(ok, `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    });
  }

  it('is named on the first line of every bundled data file, by a path that resolves', () => {
    const expected = { year: SCHEMA_FILE_NAMES.year, organization: SCHEMA_FILE_NAMES.organization, layout: SCHEMA_FILE_NAMES.layout };
    for (const { file, kind } of dataFiles(path.join(ROOT, 'data'))) {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
      expect(SCHEMA_COMMENT.test(first), `${path.relative(ROOT, file)} starts with “${first}”`).toBe(true);
      const target = path.resolve(path.dirname(file), first.replace(/^.*\$schema=/, ''));
      expect(target).toBe(path.join(ROOT, 'schema', expected[kind]));
    }
  });

  it('accepts a layout.yaml override', () => {
    expect(layout({ lineSpacingPt: 28, page: { marginsMm: { top: 37 } }, widowControl: true })).toBe(true);
    expect(layout({ lineSpacingPt: -1 })).toBe(false);
    expect(layout({ lineSpacin: 28 })).toBe(false);
  });

  const minimal = (file: string) => load(path.join(FIXTURES, 'minimal', file)) as Record<string, unknown>;
  const broken: Array<[string, () => unknown, 'year' | 'organization']> = [
    ['a misspelt field', () => ({ proposals: [{ ...(minimal('2023/proposals.yaml').proposals as object[])[0], titel: 'x' }] }), 'year'],
    ['a value outside the vocabulary', () => ({ proposals: [{ ...(minimal('2023/proposals.yaml').proposals as object[])[0], filing: '已立案' }] }), 'year'],
    ['a missing required field', () => ({ meetings: [{ id: 'm1', kind: '常委会议' }] }), 'year'],
    ['an impossible date', () => ({ meetings: [{ id: 'm1', kind: '常委会议', date: '2023-02-30' }] }), 'year'],
    ['a negative count', () => ({ meetings: [{ id: 'm1', kind: '常委会议', date: '2023-02-03', suggestions: -1 }] }), 'year'],
    ['a bad record id', () => ({ meetings: [{ id: '会议一', kind: '常委会议', date: '2023-02-03' }] }), 'year'],
    ['an unknown top-level key', () => ({ ...minimal('2023/meetings.yaml'), meeting: [] }), 'year'],
    ['a list where one value belongs', () => ({ sitting: [minimal('2023/sitting.yaml').sitting] }), 'year'],
    ['a narrative section without paragraphs', () => ({ narrative: { ...(minimal('2023/narrative.yaml').narrative as object), review: { overview: 'x', sections: [{ heading: 'x', paragraphs: [] }] } } }), 'year'],
    ['an organisation without proposal categories', () => ({ organization: { ...(minimal('organization.yaml').organization as object), proposalCategories: [] } }), 'organization'],
    ['an organisation of an unknown level', () => ({ organization: { ...(minimal('organization.yaml').organization as object), level: '乡' } }), 'organization'],
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
