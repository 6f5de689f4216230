/** A check shared by several record kinds: a value from a register. */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/nearest.js';

/**
 * A value that must be in one of the organisation's registers or word lists (categories, sectors,
 * units…). The place is asked for only when the value is not there: placing a record of a long
 * ledger parses it again, and clean data has no problem to place.
 */
export function checkRegister(
  value: string,
  allowed: readonly string[],
  list: string,
  field: string,
  /** Where the value is; asked only when it is wrong (placing a value can mean parsing its file). */
  at: () => Location,
  report: (d: Diagnostic) => void,
): void {
  if (registerOf(allowed).has(value)) return;
  report(diagnostic('unknownCategory', { field, value, list, allowed: allowed.join('、'), near: didYouMean(value, allowed) }, at()));
}

/** Each register as a set, made once: a national ledger checks tens of thousands of values against registers of hundreds. */
const registers = new WeakMap<readonly string[], Set<string>>();

function registerOf(allowed: readonly string[]): Set<string> {
  let set = registers.get(allowed);
  if (!set) registers.set(allowed, (set = new Set(allowed)));
  return set;
}
