/**
 * What a plain scalar means under js-yaml's core schema: null, a boolean, an integer, a float or
 * the text itself, tried in that order. The rules are js-yaml's own (lib/type/null.js, bool.js,
 * int.js, float.js of js-yaml 4), kept to the letter — `0x1F` is 31, `007` is 7, `-0` is 0,
 * `.5` is a float, a date stays text — so that yaml-fast.ts reads every value as js-yaml does;
 * tests/unit/yaml-scalars.test.ts compares the two on every shape of number.
 */

/** The value of the plain scalar `s` (never empty). */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only `~`, n/N, t/T, f/F, a sign, a dot or a digit can start anything but text: most values stop here.
  if (!(c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39))) return s;
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  // A date (2023-01-04): a '-' after a digit is in neither an integer nor a float; spares the float pattern.
  if (s.length > 4 && s.charCodeAt(4) === 0x2d && isDigit(s.charCodeAt(3))) return s;
  if (isInteger(s)) return integer(s);
  if (isFloat(s)) return float(s);
  return s;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isOctal = (c: number) => c >= 0x30 && c <= 0x37;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** js-yaml's resolveYamlInteger. */
function isInteger(data: string): boolean {
  const max = data.length;
  let index = 0;
  let hasDigits = false;
  let ch = data[index];
  if (ch === '-' || ch === '+') ch = data[++index];
  if (ch === '0') {
    if (index + 1 === max) return true;
    ch = data[++index];
    const digit = ch === 'b' ? (c: number) => c === 0x30 || c === 0x31 : ch === 'x' ? isHex : ch === 'o' ? isOctal : undefined;
    if (digit) {
      for (index++; index < max; index++) {
        if (!digit(data.charCodeAt(index))) return false;
        hasDigits = true;
      }
      return hasDigits && Number.isFinite(integer(data));
    }
  }
  for (; index < max; index++) {
    if (!isDigit(data.charCodeAt(index))) return false;
    hasDigits = true;
  }
  return hasDigits && Number.isFinite(integer(data));
}

/** js-yaml's parseYamlInteger. */
function integer(data: string): number {
  let value = data;
  let sign = 1;
  let ch = value[0];
  if (ch === '-' || ch === '+') {
    if (ch === '-') sign = -1;
    value = value.slice(1);
    ch = value[0];
  }
  if (value === '0') return 0;
  if (ch === '0') {
    if (value[1] === 'b') return sign * parseInt(value.slice(2), 2);
    if (value[1] === 'x') return sign * parseInt(value.slice(2), 16);
    if (value[1] === 'o') return sign * parseInt(value.slice(2), 8);
  }
  return sign * parseInt(value, 10);
}

const FLOAT = /^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** js-yaml's resolveYamlFloat. */
function isFloat(data: string): boolean {
  if (!FLOAT.test(data)) return false;
  return Number.isFinite(parseFloat(data)) || FLOAT_SPECIAL.test(data);
}

/** js-yaml's constructYamlFloat. */
function float(data: string): number {
  let value = data.toLowerCase();
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === '.nan') return NaN;
  return sign * parseFloat(value);
}
