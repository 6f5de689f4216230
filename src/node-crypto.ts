/**
 * node:crypto, required when first used rather than imported: loading it costs a run about 5 ms,
 * and --version, --help and a validate without a cache hash nothing.
 */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

let loaded: Crypto | undefined;

export function nodeCrypto(): Crypto {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto);
}
