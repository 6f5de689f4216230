/**
 * The catalogue's entries (entries.ts), for diagnostic(): asked for when a run first has a problem
 * to tell. The bundle replaces this module with one that requires dist/bundle/catalogue.cjs on the
 * first call (scripts/bundle.mjs), so a run whose data is clean does not load the messages at all
 * (V8 would otherwise read their compiled code on every run: without them, validate run again was
 * about 1% faster in paired runs, with some 250 fewer page faults); run from source, they are
 * imported as usual.
 */
import { catalogue } from './entries.js';

export const entries = (): typeof catalogue => catalogue;
