// Writes the generated documentation from the declarations: the README's reference sections
// (fields, word lists, figures) from the record kinds (src/docs/reference.ts), and the error
// reference docs/errors.md from the diagnostic catalogue (src/docs/errors.ts). Run after changing
// either: npm run docs. A test fails while either is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { errorReference } from '../src/docs/errors.js';
import { withReference } from '../src/docs/reference.js';

function update(file, generate, what) {
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // Not written yet.
  }
  const after = generate(before);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? `${file} 已是最新。` : `已更新 ${file} 的${what}。`);
}

update('README.md', withReference, '字段、清单和数字一览');
update('docs/errors.md', () => errorReference(), '问题代码一览');
