/**
 * The options several commands share are declared once (src/cli/options.ts): each reads the same
 * in every command's help, and no command declares its own copy (preview's --data once forgot
 * report.yaml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** The help line of `option` in `report <command> --help`, joined when commander wraps it. */
async function helpOf(command: string, option: string): Promise<string | undefined> {
  const help = (await report([command, '--help'])).stdout;
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.includes(` ${option} `) || l.trimStart().startsWith(`${option} `));
  if (start < 0) return undefined;
  const out = [lines[start]!.slice(lines[start]!.indexOf(option))];
  for (let i = start + 1; i < lines.length && /^\s{6,}\S/.test(lines[i]!) && !/^\s+-/.test(lines[i]!); i++) out.push(lines[i]!.trim());
  return out.join(' ').replace(/\s+/g, ' ');
}

describe('shared options', () => {
  it.each([
    ['--data', ['build', 'validate', 'preview']],
    ['--kind', ['build', 'validate', 'preview']],
    ['--script', ['build', 'preview']],
    ['--templates', ['build', 'validate', 'preview']],
  ])('%s reads the same in %j', async (option, commands) => {
    const helps: Array<string | undefined> = [];
    // One after the other: each in-process run takes the signal handlers for its length.
    for (const c of commands) helps.push(await helpOf(c, option));
    expect(helps[0]).toBeDefined();
    for (const h of helps) expect(h).toBe(helps[0]);
  });

  it('every --data help names report.yaml', async () => {
    for (const c of ['build', 'validate', 'preview', 'stats', 'export', 'init']) expect(await helpOf(c, '--data'), c).toContain('report.yaml');
  });

  it('no command declares a shared option itself', () => {
    const dir = path.join(ROOT, 'src', 'cli', 'commands');
    const own = readdirSync(dir).flatMap((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      return [...text.matchAll(/\.option\(\s*'[^']*--(data|kind|script|templates|out) </g)].map((m) => `${f}: --${m[1]}`);
    });
    // schema's --out is where the JSON Schema goes and export's the ledger file, not a report's output folder.
    expect(own.filter((o) => o !== 'schema.ts: --out' && o !== 'export.ts: --out')).toEqual([]);
  });
});
