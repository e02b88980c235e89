/**
 * Lesson text: a safe Markdown subset rendered straight to React elements (never as HTML).
 *
 * marked (18.2.1) only tokenizes; this file maps a few token types to elements: paragraphs,
 * emphasis and strong, bullet and numbered lists, inline code, line breaks, links (http and https
 * only, opened in a new tab with rel="noopener noreferrer") and inline math `$...$` (an extension
 * below, typeset by temml as MathML in MathText.tsx). Every other token (raw HTML, images,
 * headings, tables, code blocks, quotes) is shown as its plain source text, so nothing a lesson
 * link holds can become markup or script: React escapes all text it renders.
 */
import { Marked, type Token, type Tokens, type TokenizerExtension } from 'marked';
import type { ReactNode } from 'react';
import { MathText } from './MathText.tsx';

/** Longest inline formula read as math (a longer `$...$` stays text). */
const MAX_MATH_CHARS = 300;

const mathExtension: TokenizerExtension = {
  name: 'math',
  level: 'inline',
  start: (src: string) => {
    const i = src.indexOf('$');
    return i < 0 ? undefined : i;
  },
  tokenizer(src: string) {
    const m = /^\$([^$\n]{1,300}?)\$/.exec(src);
    if (!m || m[1]!.trim() === '') return undefined;
    return { type: 'math', raw: m[0], text: m[1]! };
  },
};

const marked = new Marked({ gfm: true, breaks: false, extensions: [mathExtension] });
// marked expects a renderer for an extension's tokens; this file never calls marked's renderer.
marked.use({ extensions: [{ name: 'math', renderer: () => '' }] });

/** The link targets a lesson may open: absolute http(s) URLs only. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function inline(tokens: readonly Token[] | undefined, key: string): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, `${key}.${i}`));
}

function inlineToken(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'text':
      return 'tokens' in t && t.tokens && t.tokens.length > 0 ? (
        <span key={key}>{inline(t.tokens, key)}</span>
      ) : (
        (t as Tokens.Text).text
      );
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'em':
      return <em key={key}>{inline((t as Tokens.Em).tokens, key)}</em>;
    case 'strong':
      return <strong key={key}>{inline((t as Tokens.Strong).tokens, key)}</strong>;
    case 'codespan':
      return <code key={key}>{(t as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'math':
      return (t as Tokens.Generic).text.length <= MAX_MATH_CHARS ? (
        <MathText key={key} tex={(t as Tokens.Generic).text as string} />
      ) : (
        t.raw
      );
    case 'link': {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      if (href === null) return <span key={key}>{inline(l.tokens, key)}</span>;
      return (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {inline(l.tokens, key)}
        </a>
      );
    }
    default:
      // html, image, del, anything else: its source as text.
      return t.raw;
  }
}

function block(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'paragraph':
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens, key)}</p>;
    case 'text': {
      const x = t as Tokens.Text;
      return <span key={key}>{x.tokens ? inline(x.tokens, key) : x.text}</span>;
    }
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((item, i) => (
        <li key={`${key}.${i}`}>{item.tokens.map((c, j) => block(c, `${key}.${i}.${j}`))}</li>
      ));
      return l.ordered ? (
        <ol key={key} start={typeof l.start === 'number' ? l.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'space':
      return null;
    default:
      return t.raw.trim() === '' ? null : (
        <p key={key} className="md-raw">
          {t.raw}
        </p>
      );
  }
}

/** Lesson Markdown → React nodes. Never throws (a failure shows the text as it is). */
export function renderMarkdown(text: string): ReactNode {
  try {
    const tokens = marked.lexer(text);
    return tokens.map((t, i) => block(t, `b${i}`));
  } catch {
    return <p>{text}</p>;
  }
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ?? 'md'}>{renderMarkdown(text)}</div>;
}
