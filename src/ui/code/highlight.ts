/**
 * Syntax highlighting with highlight.js core and its two languages only (this file is in the Code
 * panel's lazy chunk). Line by line, so each line is its own element the panel can mark: the
 * programs keep every string and docstring on one line, so no token spans two lines.
 */
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('python', python);
hljs.registerLanguage('typescript', typescript);

/** Each line of `text` as highlighted HTML (escaped by highlight.js). */
export function highlightLines(text: string, language: 'python' | 'typescript'): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => hljs.highlight(line, { language, ignoreIllegals: true }).value);
}
