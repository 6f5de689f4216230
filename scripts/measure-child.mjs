// Runs `node <cli> …args` in this process and reports its peak memory on stderr, for bench.mjs.
const [cli, ...args] = process.argv.slice(2);
const { pathToFileURL } = await import('node:url');
process.argv = [process.argv[0], cli, ...args];
await import(pathToFileURL(cli).href);
process.on('exit', () => {
  process.stderr.write(`\n{"maxRssKb":${process.resourceUsage().maxRSS}}\n`);
});
