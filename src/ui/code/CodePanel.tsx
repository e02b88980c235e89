/**
 * The Code panel (a lazy chunk): the current experiment as a NumPy or a TypeScript program that
 * retraces the run, highlighted; Copy; downloads (.py, .ts, .ipynb, and the CSV when the data is
 * too big to write inline); the article's network as a preset, and for it and its variants the
 * lines that changed since the article's network. `highlight` marks the lines computing a phase.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ARTICLE_EXPERIMENT, isArticleFamily } from '../../codegen/article.ts';
import { changes, type DiffLine } from '../../codegen/diff.ts';
import { codeExperiment } from '../../codegen/experiment.ts';
import { notebook } from '../../codegen/notebook.ts';
import { numpyProgram } from '../../codegen/numpy.ts';
import { CSV_NAME, type CodePhase, type Program } from '../../codegen/program.ts';
import { typescriptProgram } from '../../codegen/typescript.ts';
import type { ExperimentConfig } from '../../share/config.ts';
import { closeCode, setCodeTab, useCode, type CodeTab } from '../../state/code.ts';
import { setConfig, useStore } from '../../state/store.ts';
import { saveText } from '../share/download.ts';
import { highlightLines } from './highlight.ts';
import './CodePanel.css';

const TABS: { id: CodeTab; label: string }[] = [
  { id: 'numpy', label: 'NumPy' },
  { id: 'typescript', label: 'TypeScript' },
];

const PHASE_WORDS: Record<CodePhase, string> = {
  forward: 'the forward pass',
  loss: 'the loss',
  backward: 'the backward pass',
  update: 'the update',
};

/** The settings a program depends on (not the view: theme, speed…), so those changes cost nothing. */
function programKey(c: ExperimentConfig): string {
  const { theme: _t, speed: _s, showTestData: _d, discretize: _z, ...rest } = c;
  return JSON.stringify(rest);
}

interface Programs {
  numpy: Program;
  typescript: Program;
  /** Changed lines since the article's network, per language; null when not one of its variants. */
  diff: Record<CodeTab, DiffLine[]> | null;
}

function buildPrograms(config: ExperimentConfig): Programs | { error: string } {
  try {
    const e = codeExperiment(config);
    const numpy = numpyProgram(e);
    const typescript = typescriptProgram(e);
    let diff: Programs['diff'] = null;
    if (isArticleFamily(config) && programKey(config) !== programKey({ ...config, ...articlePatch() })) {
      const a = codeExperiment(ARTICLE_EXPERIMENT);
      diff = {
        numpy: changes(numpyProgram(a).text, numpy.text),
        typescript: changes(typescriptProgram(a).text, typescript.text),
      };
    }
    return { numpy, typescript, diff };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The article's experiment as a patch: the view settings (theme, speed…) stay the person's. */
function articlePatch(): Partial<ExperimentConfig> {
  const { theme: _t, speed: _s, showTestData: _d, discretize: _z, ...rest } = ARTICLE_EXPERIMENT;
  return rest;
}

export default function CodePanel({ highlight }: { highlight: CodePhase | null }) {
  const config = useStore((s) => s.config);
  const tab = useCode((s) => s.tab);
  const key = programKey(config);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when a setting the program uses changes
  const built = useMemo(() => buildPrograms(config), [key]);
  const [copied, setCopied] = useState<string | null>(null);
  const headingId = useId();
  const tabIds = { numpy: useId(), typescript: useId() };
  const panelId = useId();
  const codeRef = useRef<HTMLPreElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  // Opened from the top bar: bring the panel (below the playground) into view.
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const program = 'error' in built ? null : built[tab];
  const lines = useMemo(() => (program ? highlightLines(program.text, program.language) : []), [program]);
  const marked = useMemo(() => new Set(program && highlight ? program.phases[highlight] : []), [program, highlight]);

  useEffect(() => {
    if (!highlight) return;
    codeRef.current?.querySelector('.is-phase')?.scrollIntoView({ block: 'nearest' });
  }, [highlight, tab]);

  const copy = async () => {
    if (!program) return;
    try {
      await navigator.clipboard.writeText(program.text);
      setCopied('Copied');
    } catch {
      setCopied('Copy did not work here: use a download instead');
    }
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tab === 'numpy' ? 'typescript' : 'numpy';
    setCodeTab(next);
    document.getElementById(tabIds[next])?.focus();
  };

  return (
    <section ref={sectionRef} className="panel code-panel" role="region" aria-label="Code">
      <div className="panel-head code-head">
        <h2 id={headingId}>Code</h2>
        <div className="code-tabs" role="tablist" aria-label="Language">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={tabIds[t.id]}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={panelId}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setCodeTab(t.id)}
              onKeyDown={onTabKey}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="code-close" onClick={closeCode} aria-label="Close the code">
          ×
        </button>
      </div>
      <p className="code-intro">
        This experiment as a program you can run at home. It starts from this run&apos;s weights and prints the losses
        the chart shows.{' '}
        <button
          type="button"
          className="link-button"
          data-control="article-preset"
          onClick={() => setConfig(articlePatch())}
        >
          The article&apos;s network
        </button>
      </p>
      {'error' in built ? (
        <p className="code-error" role="alert">
          No program for this experiment: {built.error}
        </p>
      ) : (
        <>
          <div className="code-actions">
            <button type="button" data-control="code-copy" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" onClick={() => saveText('run.py', built.numpy.text, 'text/x-python')}>
              Download .py
            </button>
            <button type="button" onClick={() => saveText('run.ts', built.typescript.text, 'text/plain')}>
              Download .ts
            </button>
            <button
              type="button"
              onClick={() => saveText('run.ipynb', notebook(built.numpy), 'application/x-ipynb+json')}
            >
              Download .ipynb
            </button>
            {built.numpy.csv !== null ? (
              <button type="button" onClick={() => saveText(CSV_NAME, built.numpy.csv!, 'text/csv')}>
                Download {CSV_NAME}
              </button>
            ) : null}
            <span className="code-status" role="status">
              {copied ?? ''}
            </span>
          </div>
          {highlight ? (
            <p className="code-phase" data-testid="code-phase">
              Marked: the lines that compute {PHASE_WORDS[highlight]}.
            </p>
          ) : null}
          {built.diff ? <DiffView lines={built.diff[tab]} /> : null}
          <pre
            ref={codeRef}
            id={panelId}
            role="tabpanel"
            aria-labelledby={tabIds[tab]}
            className={`code-view hljs language-${program!.language}`}
            tabIndex={0}
          >
            <code>
              {lines.map((html, i) => (
                <span
                  key={i}
                  className={marked.has(i + 1) ? 'code-line is-phase' : 'code-line'}
                  dangerouslySetInnerHTML={{ __html: html + '\n' }}
                />
              ))}
            </code>
          </pre>
        </>
      )}
    </section>
  );
}

function DiffView({ lines }: { lines: DiffLine[] }) {
  const id = useId();
  return (
    <section className="code-diff" aria-labelledby={id} data-testid="code-diff">
      <h3 id={id}>What changed since the article&apos;s network</h3>
      {lines.length === 0 ? (
        <p>Nothing: this is the article&apos;s network.</p>
      ) : (
        <pre className="code-diff-lines" tabIndex={0} aria-labelledby={id}>
          {lines.map((l, i) => (
            <span key={i} className={`diff-${l.kind}`}>
              <span className="diff-sign" aria-label={l.kind === 'added' ? 'added' : 'removed'}>
                {l.kind === 'added' ? '+' : '−'}
              </span>{' '}
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}
