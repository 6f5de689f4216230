/** Excel's names for columns and cells: column 6 is F, column 27 is AA, row 12 of F is F12. */

const LETTERS: string[] = [];

/** 1 → A, 26 → Z, 27 → AA, 16384 → XFD; computed once per column, as every row asks again. */
export function columnLetter(column: number): string {
  if (column <= 16_384) return (LETTERS[column] ??= lettersOf(column));
  return lettersOf(column);
}

function lettersOf(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeRef(first: { row: number; column: number }, last: { row: number; column: number }): string {
  return `${cellRef(first.row, first.column)}:${cellRef(last.row, last.column)}`;
}
