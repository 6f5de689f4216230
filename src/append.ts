/**
 * Appends lists item by item. `target.push(...items)` passes every item as an argument, and past
 * some 100,000 items (a ledger of 40,000 rows with problems in each) the call overflows the stack.
 */
export function appendAll<T>(target: T[], ...lists: ReadonlyArray<Iterable<T>>): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}
