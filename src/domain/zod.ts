/**
 * zod, for the modules that build schemas: they ask for it when they build one, never at the top
 * of a module, so a run whose data passes its quick checks builds none. The bundle replaces this
 * module with one that evaluates zod on the first call (scripts/bundle.mjs), so such a run does
 * not even evaluate zod; run from source, zod is imported as usual.
 */
import * as z from 'zod/v4';

export const zod = (): typeof z => z;
