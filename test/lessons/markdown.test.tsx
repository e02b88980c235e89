// @vitest-environment jsdom
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Markdown, safeHref } from '../../src/lessons/markdown.tsx';

function html(text: string): HTMLElement {
  return render(<Markdown text={text} />).container;
}

describe('lesson Markdown', () => {
  it('renders the subset: paragraphs, emphasis, lists, inline code, math', () => {
    const c = html('One *two* **three** `four`\n\n- a\n- b\n\n1. x\n2. y\n\nArea $\\pi r^2$.');
    expect(c.querySelectorAll('p')).toHaveLength(2);
    expect(c.querySelector('em')?.textContent).toBe('two');
    expect(c.querySelector('strong')?.textContent).toBe('three');
    expect(c.querySelector('code')?.textContent).toBe('four');
    expect(c.querySelectorAll('ul li')).toHaveLength(2);
    expect(c.querySelectorAll('ol li')).toHaveLength(2);
    const math = c.querySelector('.md-math');
    expect(math?.querySelector('math')).not.toBeNull();
    expect(math?.textContent).toContain('π');
  });

  it('raw HTML is shown as text, never as elements', () => {
    const c = html(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(1)"> <b>bold</b>\n\n<iframe src="https://x"></iframe>',
    );
    expect(c.querySelector('script, img, iframe, b')).toBeNull();
    expect(c.textContent).toContain('<script>alert(1)</script>');
    expect(c.textContent).toContain('<iframe');
  });

  it('links: http(s) only, new tab, rel=noopener; others become text', () => {
    const c = html('[ok](https://example.org/a) [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/x)');
    const links = c.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.org/a');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(c.textContent).toContain('bad');
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('http://a.b/')).toBe('http://a.b/');
  });

  it('math cannot make links or HTML (temml runs with trust off)', () => {
    const c = html('$\\href{javascript:alert(1)}{x}$ $\\htmlClass{a}{b}$ $\\unknowncommand$');
    expect(c.querySelector('a, [href], [class="a"]')).toBeNull();
  });

  it('fuzz: any text renders with no element outside the safe set and no unsafe attribute', () => {
    const allowed = new Set(['DIV', 'P', 'EM', 'STRONG', 'CODE', 'UL', 'OL', 'LI', 'BR', 'SPAN', 'A']);
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '<script>x</script>',
        '<img src=x onerror=y>',
        '[a](javascript:x)',
        '*',
        '`',
        '$x^2$',
        '\n\n- ',
        '<a href="javascript:x">a</a>',
        '![i](https://x/y.png)',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const { container, unmount } = render(<Markdown text={parts.join('')} />);
        for (const el of container.querySelectorAll('*')) {
          const inMath = el.closest('.md-math') !== null && el.namespaceURI === 'http://www.w3.org/1998/Math/MathML';
          if (!inMath) expect(allowed.has(el.tagName), el.tagName).toBe(true);
          for (const a of el.attributes) expect(a.name.startsWith('on')).toBe(false);
          if (el.tagName === 'A') expect(el.getAttribute('href')).toMatch(/^https?:/);
        }
        unmount();
      }),
      { numRuns: 200 },
    );
  });
});
