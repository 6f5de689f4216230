import { writeFileSync, mkdirSync } from 'node:fs';
import { rawReferenceParts as referenceParts } from './render-docx.js';
import { doc, FIXTURE } from '../docx-xml.js';
import { DEFAULT_LAYOUT } from '../../../src/domain/layout.js';
const out = process.argv[2]!;
const layout = structuredClone(DEFAULT_LAYOUT);
layout.paragraphs.heading1.eastAsiaFont = 'H1EA&"<';
layout.paragraphs.heading1.latinFont = 'H1LA';
layout.paragraphs.body.eastAsiaFont = 'BEA';
layout.paragraphs.body.latinFont = 'BLA';
for (const [name, l, script] of [['default', DEFAULT_LAYOUT, 'hans'], ['sentinel', layout, 'hans'], ['hant', DEFAULT_LAYOUT, 'hant']] as const) {
  const parts = await referenceParts(doc(FIXTURE, { script }), l);
  for (const [p, v] of parts) {
    mkdirSync(`${out}/${name}/${p}`.replace(/\/[^/]*$/, ''), { recursive: true });
    writeFileSync(`${out}/${name}/${p}`, typeof v === 'string' ? v : Buffer.from(v));
  }
}
