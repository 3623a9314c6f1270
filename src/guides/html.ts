// A saved guide page in HTML (or one fetched from its address) read as the text the guide
// parser takes: headings and paragraphs on their own lines, list items as "- " bullets,
// site chrome (navigation, scripts, forms, buttons, images) left out. html-to-text walks the
// DOM that htmlparser2 builds; no regular expression reads the markup.
import { convert, type FormatCallback } from 'html-to-text';

const SKIPPED = [
  'nav',
  'footer',
  'script',
  'style',
  'noscript',
  'form',
  'button',
  'svg',
  'img',
  'iframe',
  'select',
  'aside',
  // the same parts marked by their role, and a page's breadcrumbs, sharing buttons and comments
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '.breadcrumb',
  '.breadcrumbs',
  '.share-buttons',
  '.social-share',
  '.cookie-banner',
  '#comments',
  '.comments',
];
const BLOCK = { leadingLineBreaks: 1, trailingLineBreaks: 1 };

// a <details> fold's <summary> is its question, the folded text its answer: the summary reads as a "- " item
// standing apart, so an answer under a summary without a full stop is not read as more of it
const summaryItem: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline('- ');
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/** Whether text is an HTML document rather than a page saved as plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    formatters: { summaryItem },
    selectors: [
      { selector: 'summary', format: 'summaryItem' },
      ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        format: 'block',
        options: BLOCK,
      })),
      { selector: 'p', format: 'block', options: BLOCK },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'ul', options: { itemPrefix: '- ', leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'ol', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'table', format: 'dataTable' },
    ],
  })
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}
