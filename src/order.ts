/**
 * Orders text by code point. `localeCompare` would order by the machine's language settings
 * (outputs must not depend on LANG) and load the collation tables on first use, which cost a
 * small run about 15 ms.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
