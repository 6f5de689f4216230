/**
 * Node's own modules that cost a run time to load, required when first used rather than imported:
 * node:crypto (about 5 ms; --version, --help and a validate without a cache hash nothing) and
 * node:zlib (it loads Node's stream modules; a folder of YAML files opens no workbook).
 */
import { createRequire } from 'node:module';

/** The module `name`, required on the first call. */
function whenUsed<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}

export const nodeCrypto = whenUsed<typeof import('node:crypto')>('node:crypto');
export const nodeZlib = whenUsed<typeof import('node:zlib')>('node:zlib');
