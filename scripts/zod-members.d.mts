/** The members of zod called in the .ts files under `dir`, sorted (zod-members.mjs). */
export function zodMembersUsed(dir: string): string[];
