/**
 * One temporary folder for a whole test run: every test's folders are made inside it (tempDir in
 * fixture.ts, through REPORT_TEST_TMP, which the workers inherit), and it is removed at the end,
 * so a run leaves nothing in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'report-tests-'));
  process.env.REPORT_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
