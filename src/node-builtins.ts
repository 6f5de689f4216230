/**
 * Node's own modules that cost a run time to load, required when first used rather than imported:
 * node:crypto (about 5 ms; --version, --help and a validate without a cache hash nothing),
 * node:zlib (it loads Node's stream modules; a folder of YAML files opens no workbook) and
 * node:tty (it loads the network module; only a run with problems to colour asks for a terminal),
 * node:os (a build names its host in the output folder's lock; loaded after bin/report.js sets V8's
 * flags, without Node's code cache, it cost a validate half a millisecond for nothing).
 */
import { createRequire } from 'node:module';

/** The module `name`, required on the first call. */
function whenUsed<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}

export const nodeCrypto = whenUsed<typeof import('node:crypto')>('node:crypto');
export const nodeZlib = whenUsed<typeof import('node:zlib')>('node:zlib');
export const nodeTty = whenUsed<typeof import('node:tty')>('node:tty');
export const nodeOs = whenUsed<typeof import('node:os')>('node:os');
