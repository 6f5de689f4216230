/** The output-format table is the one list: option parsing, help, the settings schema and the build read it. */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFormats } from '../../src/cli/commands/build.js';
import { SettingsShape } from '../../src/settings.js';
import { FORMATS, OUTPUT_FORMATS } from '../../src/write/formats.js';
import { copyFixture, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

describe('the output-format table', () => {
  it('gives --format, report.yaml and the help the same names', async () => {
    expect(OUTPUT_FORMATS).toEqual(Object.keys(FORMATS));
    expect(parseFormats(OUTPUT_FORMATS.join(','))).toEqual(OUTPUT_FORMATS);
    expect(() => parseFormats('md,rtf')).toThrow(`输出格式只能是 ${OUTPUT_FORMATS.join('、')} 的组合，而不是“rtf”`);
    expect(SettingsShape.schema.safeParse({ formats: [...OUTPUT_FORMATS] }).success).toBe(true);
    expect(SettingsShape.schema.safeParse({ formats: ['rtf'] }).success).toBe(false);
    const help = (await report(['build', '--help'])).stdout;
    for (const format of OUTPUT_FORMATS) expect(help).toContain(`${format.padEnd(6)}${FORMATS[format].description}`);
  });

  it('builds, from report.yaml, one file per format named by the table', async () => {
    const cwd = await tempDir();
    const data = await copyFixture('minimal');
    const formats = OUTPUT_FORMATS.filter((f) => f !== 'pdf');
    await writeFile(path.join(cwd, 'report.yaml'), `data: ${JSON.stringify(data)}\nformats: [${formats.join(', ')}]\n`);
    const run = await report(['build', '2023'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(path.join(cwd, 'out', '2023'))).sort()).toEqual(formats.map((f) => FORMATS[f].file('report')).sort());
  });
});
