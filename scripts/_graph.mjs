import { build } from 'esbuild';
const r = await build({ entryPoints: ['src/cli/main.ts'], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', splitting: true, outdir: '/tmp/x', external: ['opencc-js', 'opencc-js/*', '@myriaddreamin/typst-ts-node-compiler', '@e965/xlsx', 'yaml'] });
const ins = r.metafile.inputs;
// BFS over static imports from main
const start = 'src/cli/main.ts';
const prev = new Map([[start, null]]);
const q = [start];
while (q.length) { const f = q.shift(); for (const i of ins[f]?.imports ?? []) { if (i.kind !== 'import-statement' || i.external) continue; if (!prev.has(i.path)) { prev.set(i.path, f); q.push(i.path); } } }
const chain = (f) => { const c = []; while (f) { c.push(f.replace(/.*node_modules\//, '')); f = prev.get(f); } return c.reverse().join(' > '); };
let total = 0; for (const f of prev.keys()) total += ins[f]?.bytes ?? 0;
console.log('static from main:', prev.size, 'files', total, 'bytes');
for (const want of process.argv.slice(2)) { const hit = [...prev.keys()].find((f) => f.includes(want)); console.log(want, '=>', hit ? chain(hit) : 'not static'); }
