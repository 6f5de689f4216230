/**
 * What `report init` leaves to be filled in: prose that still says PLACEHOLDER (never a blank
 * gap: a report built from it says 【待填写】 where the text is missing), and record lists written
 * empty (`meetings: []`). Both are warnings, which fail only under `--strict`, so a scaffold
 * validates and builds at once.
 */

/** Marks text still to be written. Full-width brackets, so that it reads as Chinese and is easy to search for. */
export const PLACEHOLDER = '【待填写】';
