/**
 * The generators of mutated inputs, one per kind of input file. A new kind (spreadsheets,
 * templates) is a module exporting an InputGenerator, added to this list: plans, the oracle and
 * scripts/fuzz.ts take it from here.
 */
import { narrativeGenerator } from './narrative.js';
import type { InputGenerator } from './types.js';
import { yamlGenerator } from './yaml.js';

export const GENERATORS: readonly InputGenerator[] = [yamlGenerator, narrativeGenerator];

export type { Files, InputGenerator, Mutation, Outcome, Where } from './types.js';
