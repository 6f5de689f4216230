// The DOCX writer: the report document → a Word document laid out to GB/T 9704.
export { renderDocx } from './render-docx.js';
export { DEFAULT_LAYOUT, type Layout, type ParagraphLayout, type RunLayout, type Alignment } from '../../domain/layout.js';
export { LayoutShape, type LayoutOverride } from '../../domain/layout-schema.js';
export { resolveLayout, type LayoutProblem, type ResolvedLayout } from '../../validate/resolve-layout.js';
