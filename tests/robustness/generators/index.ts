/**
 * The generators of mutated inputs, one per kind of input file: YAML data, Markdown narratives,
 * spreadsheet ledgers, templates. A new kind is a module exporting an InputGenerator, added to
 * this list: plans, the oracle and scripts/fuzz.ts take it from here.
 */
import { narrativeGenerator } from './narrative.js';
import { shapeGenerator } from './shapes.js';
import { spreadsheetGenerator } from './spreadsheet.js';
import { templateGenerator } from './templates.js';
import type { InputGenerator } from './types.js';
import { yamlGenerator } from './yaml.js';

export const GENERATORS: readonly InputGenerator[] = [yamlGenerator, narrativeGenerator, spreadsheetGenerator, templateGenerator, shapeGenerator];

export type { Files, InputGenerator, Mutation, Outcome, Where } from './types.js';
