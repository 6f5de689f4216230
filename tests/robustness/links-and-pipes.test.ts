/**
 * What is in a data folder besides data files: a FIFO (reading one waits for a writer forever),
 * a symbolic link to a file outside (its lines would be quoted in messages), a year folder that
 * is a link. Each is named in a diagnostic (exit 1), never read, never waited on, and nothing of
 * the outside file appears in the output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, TERM, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

/** A secret outside the data folder, in YAML that would parse, so a read would surface it. */
async function outsideFile(): Promise<{ file: string; secret: string }> {
  const secret = 'secret-6f1c2e';
  const file = path.join(await tempDir('report-outside-'), 'outside.yaml');
  await writeFile(file, `members:\n  total: 1\n# ${secret}\nproposals: [{id: ${secret}}]\n`);
  return { file, secret };
}

/** validate and build both: exit 1, the entry named, nothing of `secret` in any output. */
async function expectRefused(data: string, code: string, file: string, secret?: string) {
  for (const args of [
    ['validate', '2023', '--data', data, '--format', 'json'],
    ['validate', '2023', '--data', data],
    ['build', '2023', '--data', data, '--out', await tempDir(), '--format', 'md'],
  ]) {
    const run = await report(args, { cwd: data });
    expect(run.code, `${args.join(' ')}:\n${run.stderr}${run.stdout}`).toBe(1);
    expect(run.stdout + run.stderr).toContain(code);
    expect(run.stdout + run.stderr).toContain(file);
    if (secret) expect(run.stdout + run.stderr).not.toContain(secret);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误/);
    if (args.includes('json')) {
      expect(jsonDiagnostics(run.stdout)).toContainEqual(expect.objectContaining({ code, file, severity: 'error', line: null }));
    }
  }
}

describe('entries of a data folder that are not data files', () => {
  it('names a FIFO in a year folder and does not wait on it', async () => {
    const data = await copyFixture('minimal');
    execFileSync('mkfifo', [path.join(data, '2023', 'pipe.yaml')]);
    await expectRefused(data, 'RPT117', '2023/pipe.yaml');
  });

  it('names a FIFO where organization.yaml or narrative.md should be', async () => {
    const data = await copyFixture('minimal');
    await rename(path.join(data, 'organization.yaml'), path.join(data, 'organization.bak'));
    execFileSync('mkfifo', [path.join(data, 'organization.yaml')]);
    await expectRefused(data, 'RPT117', 'organization.yaml');
    const prose = await copyFixture('minimal');
    await rename(path.join(prose, '2023', 'narrative.md'), path.join(prose, '2023', 'narrative.bak'));
    execFileSync('mkfifo', [path.join(prose, '2023', 'narrative.md')]);
    await expectRefused(prose, 'RPT117', '2023/narrative.md');
  });

  it('does not read a link to /dev/zero (it grew 250 MB/s and hung every command before)', async () => {
    const data = await copyFixture('minimal');
    await symlink('/dev/zero', path.join(data, '2023', 'zero.yaml'));
    await expectRefused(data, 'RPT116', '2023/zero.yaml');
    const watched = await copyFixture('minimal');
    await symlink('/dev/zero', path.join(watched, '2023', 'narrative.md.link'));
    await rename(path.join(watched, '2023', 'narrative.md'), path.join(watched, '2023', 'narrative.bak'));
    await rename(path.join(watched, '2023', 'narrative.md.link'), path.join(watched, '2023', 'narrative.md'));
    await expectRefused(watched, 'RPT116', '2023/narrative.md');
  });

  it('does not follow a link to /etc/passwd or to a file outside the data folder', async () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    const data = await copyFixture('minimal');
    await symlink('/etc/passwd', path.join(data, '2023', 'passwd.yaml'));
    await expectRefused(data, 'RPT116', '2023/passwd.yaml', passwd);
    const outside = await outsideFile();
    const other = await copyFixture('minimal');
    await symlink(outside.file, path.join(other, '2023', 'extra.yaml'));
    await expectRefused(other, 'RPT116', '2023/extra.yaml', outside.secret);
  });

  it('does not follow a link in the place of organization.yaml or narrative.md', async () => {
    const outside = await outsideFile();
    const data = await copyFixture('minimal');
    await rename(path.join(data, 'organization.yaml'), path.join(data, 'organization.bak'));
    await symlink(outside.file, path.join(data, 'organization.yaml'));
    await expectRefused(data, 'RPT116', 'organization.yaml', outside.secret);
    const prose = await copyFixture('minimal');
    await rename(path.join(prose, '2023', 'narrative.md'), path.join(prose, '2023', 'narrative.bak'));
    await symlink(outside.file, path.join(prose, '2023', 'narrative.md'));
    await expectRefused(prose, 'RPT116', '2023/narrative.md', outside.secret);
  });

  it('does not follow a year folder that is a link', async () => {
    const outside = await outsideFile();
    const folder = path.join(path.dirname(outside.file), '2023');
    const data = await copyFixture('minimal');
    await rename(path.join(data, '2023'), folder);
    await rename(outside.file, path.join(folder, 'outside.yaml'));
    await symlink(folder, path.join(data, '2023'));
    await expectRefused(data, 'RPT116', '2023', outside.secret);
    // Asked for no year, the latest real year is taken; the link is still named.
    const latest = await report(['validate', '--data', data, '--format', 'json'], { cwd: data });
    expect(latest.stdout).not.toContain(outside.secret);
  });

  it('does not follow a linked term folder', async () => {
    const data = await copyFixture(TERM);
    const away = path.join(await tempDir(), 'term');
    await rename(path.join(data, 'term-2018-2022'), away);
    await symlink(away, path.join(data, 'term-2018-2022'));
    const run = await report(['validate', '2018-2022', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    expect(jsonDiagnostics(run.stdout)).toContainEqual(expect.objectContaining({ code: 'RPT116', file: 'term-2018-2022' }));
  });
});
