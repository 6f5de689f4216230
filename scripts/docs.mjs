// Writes the README's generated reference sections (fields, word lists, figures) from the record
// kinds' declarations (src/docs/reference.ts). Run after changing a record kind: npm run docs.
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../dist/docs/reference.js';

const before = readFileSync('README.md', 'utf8');
const after = withReference(before);
if (after !== before) writeFileSync('README.md', after);
console.log(after === before ? 'README.md 已是最新。' : '已更新 README.md 的字段、清单和数字一览。');
