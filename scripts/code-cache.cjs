// Makes the V8 code cache of the bundle's chunks (see bin/bundle-loader.js), as the last step of
// scripts/bundle.mjs: runs what users run most, on the bundled data, in one process with the CLI's
// own V8 flags (build into Markdown, Word and a web page, a build and a validate that the parse
// cache serves, a validate without it; first, one with a problem to tell), then stores for each
// chunk what V8 compiled. A run that does not end with the exit code expected of it makes no code
// cache and fails this script.
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
    // A problem to tell (no such year, exit code 1): the diagnostics' catalogue, loaded only then,
    // is compiled too. First: run last, a validate of clean data counted about 0.7% more
    // instructions with the code cache it left (callgrind, two runs each); the reason was not found.
    const problem = ['validate', '1999', '--data', data, '--no-cache'];
    const runs = [
      problem,
      ['build', '2023', '--data', data, '--out', out, '--format', 'md,docx,html', '--no-cache'],
      ['build', '2023', '--data', data, '--out', out],
      ['validate', '2023', '--data', data],
      ['validate', '2023', '--data', data, '--no-cache'],
    ];
    for (const argv of runs) {
      let printed = '';
      const io = { stdout: (s) => (printed += s), stderr: (s) => (printed += s), cwd: work, env: { NO_COLOR: '1' }, isTTY: false };
      const code = await main(argv, io);
      if (code !== (argv === problem ? 1 : 0)) throw new Error(`report ${argv.join(' ')} exited ${code}:\n${printed}`);
    }
    bundle.writeCodeCaches();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
