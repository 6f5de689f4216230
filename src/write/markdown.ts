// The one markdown-it setup for the rendered report Markdown, which document.ts parses into the
// report document every writer reads (the clean Markdown written back from it: clean-markdown.ts).
import MarkdownIt from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';

// CommonMark's flanking rules refuse `**强化理论武装。**把` (a closing ** after a CJK full stop and
// before a CJK letter); markdown-it-cjk-friendly relaxes them for CJK text. Raw HTML in the
// Markdown stays text (html: false); only class attributes ({.subtitle}, {.run-in}) are kept.
export const reportMarkdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false })
  .use(markdownItCjkFriendly)
  .use(markdownItAttrs, { allowedAttributes: ['class'] });
