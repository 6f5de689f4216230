// The resolve hook of load-log.mjs: one line per ES module resolved.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.REPORT_LOAD_LOG, `import ${resolved.url}\n`);
  return resolved;
}
