// Makes the V8 code cache of the bundle's chunks (see bin/bundle-loader.js), as the last step of
// scripts/bundle.mjs: runs what users run most, on the bundled data, in one process with the CLI's
// own V8 flags (build into Markdown, Word and a web page, a build and a validate that the parse
// cache serves, a validate without it), then stores for each chunk what V8 compiled. A run that
// does not end with exit code 0 makes no code cache and fails this script.
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { setFlags, openBundle } = require('../bin/bundle-loader.js');

setFlags();
const root = path.resolve(__dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'report-code-cache-'));
const bundle = openBundle(path.join(root, 'dist', 'bundle'), { keep: true });

(async () => {
  try {
    const { main } = bundle.require('cli.cjs');
    const data = path.join(root, 'data');
    const out = path.join(work, 'out');
    const runs = [
      ['build', '2023', '--data', data, '--out', out, '--format', 'md,docx,html', '--no-cache'],
      ['build', '2023', '--data', data, '--out', out],
      ['validate', '2023', '--data', data],
      ['validate', '2023', '--data', data, '--no-cache'],
    ];
    for (const argv of runs) {
      let printed = '';
      const io = { stdout: (s) => (printed += s), stderr: (s) => (printed += s), cwd: work, env: { NO_COLOR: '1' }, isTTY: false };
      const code = await main(argv, io);
      if (code !== 0) throw new Error(`report ${argv.join(' ')} exited ${code}:\n${printed}`);
    }
    bundle.writeCodeCaches();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
