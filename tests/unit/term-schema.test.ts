/**
 * term.schema.json (the term folder's files) checked by an independent validator: the
 * five-year example's files are accepted, each by the schema its first line names, and broken
 * term narratives are rejected.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_FILE_NAMES } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/fixture.js';

const EXAMPLE = path.join(ROOT, 'examples', 'term-2018-2022');
const schemas = Object.fromEntries(jsonSchemas().map((f) => [f.name, f.schema]));

function validator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schemas[name]!);
}

const term = validator(SCHEMA_FILE_NAMES.term);
const year = validator(SCHEMA_FILE_NAMES.year);

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
    });
}

describe('JSON Schema of the term folder (term.schema.json)', () => {
  it('accepts every file of the five-year example, each by the schema its first line names', () => {
    const files = yamlFiles(EXAMPLE).filter((f) => !f.endsWith('organization.yaml'));
    expect(files.length).toBe(5 * 6 + 2);
    for (const file of files) {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
      const target = path.resolve(path.dirname(file), first.replace(/^.*\$schema=/, ''));
      const inTermFolder = path.basename(path.dirname(file)) === 'term-2018-2022';
      expect(target, path.relative(ROOT, file)).toBe(path.join(ROOT, 'schema', inTermFolder ? SCHEMA_FILE_NAMES.term : SCHEMA_FILE_NAMES.year));
      const validate = inTermFolder ? term : year;
      expect(validate(parse(readFileSync(file, 'utf8'))), `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  const narrative = () => parse(readFileSync(path.join(EXAMPLE, 'term-2018-2022', 'narrative.yaml'), 'utf8')).narrative as Record<string, unknown>;
  it('rejects a term narrative without lessons, lessons without items, and year records', () => {
    const { lessons: _lessons, ...withoutLessons } = narrative();
    expect(term({ narrative: withoutLessons })).toBe(false);
    expect(term({ narrative: { ...narrative(), lessons: { intro: '我们深切体会到：', items: [] } } })).toBe(false);
    expect(term({ proposals: [] })).toBe(false);
    expect(term({ narrative: narrative() })).toBe(true);
  });

  it('keeps the summary part out of a term narrative and lessons out of a year narrative', () => {
    expect(term({ narrative: { ...narrative(), summary: { title: '标题', lead: '导语' } } })).toBe(false);
    const yearNarrative = parse(readFileSync(path.join(ROOT, 'data', '2023', 'narrative.yaml'), 'utf8')).narrative as Record<string, unknown>;
    expect(year({ narrative: yearNarrative })).toBe(true);
    expect(year({ narrative: { ...yearNarrative, lessons: narrative().lessons } })).toBe(false);
  });
});
