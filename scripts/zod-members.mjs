// The members of zod's namespace the sources use: `z.string`, `z.strictObject` … in the
// declarations (whose parameter z is zod), `zod().toJSONSchema` elsewhere. The bundle keeps these
// and no more of zod (scripts/bundle.mjs); tests/unit/zod-members.test.ts checks that a run asks
// zod for nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `z.string(`, `z.iso.date(`, `zod().locales.zhCN(`: a member called, or one of its own members called; never a type (`z.ZodType<…>`, `z.core.$ZodIssue`). */
const MEMBER = /(?:\bz|\bzod\(\))\.([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*\s*\(/g;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The members of zod called in the .ts files under `dir`, sorted. */
export function zodMembersUsed(dir) {
  const names = new Set();
  for (const file of sources(dir)) for (const m of readFileSync(file, 'utf8').matchAll(MEMBER)) names.add(m[1]);
  return [...names].sort();
}
