// The styles through the docx library, as the Word writer wrote them before it wrote its XML
// itself: the same options (the source's defaults and report styles, from the layout), handed
// to docx to write; differential.test.ts compares the two.
import type { ICharacterStyleOptions, IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { Script } from '../../../src/write/docx/fonts.js';
import type { Layout } from '../../../src/domain/layout.js';
import { documentDefaults, reportStyles } from '../../../src/write/docx/styles.js';

export function buildStyles(layout: Layout, script: Script): IStylesOptions {
  const { paragraphStyles, characterStyles } = reportStyles(layout);
  return {
    default: { document: documentDefaults(layout, script) as NonNullable<IStylesOptions['default']>['document'] },
    paragraphStyles: paragraphStyles as IParagraphStyleOptions[],
    characterStyles: characterStyles.map((s): ICharacterStyleOptions => ({ ...s, basedOn: 'DefaultParagraphFont', quickFormat: true })),
  };
}
