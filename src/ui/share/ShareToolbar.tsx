/**
 * The share and file tools in the top bar: "Copy link" with a visible confirmation, and a File
 * menu: export/import the experiment (JSON), export/import the data (CSV), download the decision
 * boundary (PNG). Everything read from a file passes the share/ gate; problems become notices.
 */
import { useRef, type ChangeEvent } from 'react';
import { lossesFor, outputFor } from '../../share/config.ts';
import { formatCsvErrors, parseCsv, toCsv } from '../../share/csv.ts';
import type { ViewState } from '../../share/embed.ts';
import { readExperimentFile, writeExperimentFile } from '../../share/file.ts';
import { validateConfig } from '../../share/schema.ts';
import { linkFor } from '../../share/url.ts';
import { addNotice, setConfig, useStore } from '../../state/store.ts';
import { CopyLinkButton, type LinkToCopy } from './CopyLinkButton.tsx';
import { boundaryDetails, composeBoundary, saveCanvasPng, saveText, stamp } from './download.ts';
import { reportLoad, reportLoadError } from './loadNotice.ts';
import { pointsOfRun } from './points.ts';
import { currentExperiment, restoreExperiment } from './experiment.ts';
import { useCloseOutside } from './useCloseOutside.ts';

export function ShareToolbar({ view }: { view: ViewState }) {
  return (
    <div className="share-tools" data-control="share">
      <CopyLink view={view} />
      <FileMenu />
    </div>
  );
}

function CopyLink({ view }: { view: ViewState }) {
  const link = (): LinkToCopy => {
    const l = linkFor(useStore.getState().config, view);
    if (l.pointsOmitted)
      addNotice(
        'The link leaves out the drawn points (too many for a link): use “Export experiment” to share them.',
        'warning',
        'link:points-size',
      );
    return { url: l.url, copied: l.pointsOmitted ? 'Link copied (without the points)' : 'Link copied' };
  };
  return <CopyLinkButton label="Copy link" fieldLabel="Link to this experiment" link={link} testId="copy-status" />;
}

async function readFile(e: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string } | null> {
  const file = e.target.files?.[0];
  e.target.value = '';
  if (!file) return null;
  try {
    return { name: file.name, text: await file.text() };
  } catch {
    reportLoadError(`Could not read ${file.name}.`, []);
    return null;
  }
}

function FileMenu() {
  const jsonInput = useRef<HTMLInputElement>(null);
  const csvInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  useCloseOutside(menu);
  const close = () => menu.current?.removeAttribute('open');

  const exportExperiment = async () => {
    close();
    const e = await currentExperiment();
    saveText(`experiment-${stamp()}.json`, writeExperimentFile(e), 'application/json');
  };

  const importExperiment = async (ev: ChangeEvent<HTMLInputElement>) => {
    const f = await readFile(ev);
    if (!f) return;
    const r = readExperimentFile(f.text);
    if (!r.ok) {
      reportLoadError(`${f.name}: ${r.error}`, []);
      return;
    }
    restoreExperiment(r.experiment);
    reportLoad(`Opened ${f.name}${r.experiment.weights ? ` at epoch ${r.experiment.epoch}` : ''}`, r.notices);
  };

  const exportCsv = () => {
    close();
    const s = useStore.getState();
    const kind = s.config.problem === 'regression' ? 'value' : 'label';
    const points =
      s.config.dataset === 'custom'
        ? s.config.points
        : s.runInfo
          ? (({ train, test }) => [...train, ...test])(pointsOfRun(s.runInfo))
          : [];
    saveText(`data-${s.config.dataset}-${stamp()}.csv`, toCsv(points, kind), 'text/csv');
  };

  const importCsv = async (ev: ChangeEvent<HTMLInputElement>) => {
    const f = await readFile(ev);
    if (!f) return;
    const r = parseCsv(f.text);
    if (!r.ok) {
      reportLoadError(`Could not import ${f.name}`, formatCsvErrors(r.errors).split('\n'));
      return;
    }
    const config = useStore.getState().config;
    const problem = r.kind === 'value' ? 'regression' : r.classes > 2 ? 'multiclass' : 'classification';
    const losses = lossesFor(problem);
    const v = validateConfig({
      ...config,
      dataset: 'custom',
      problem,
      loss: losses.includes(config.loss) ? config.loss : losses[0],
      output: outputFor(problem, config.loss, config.output).activation,
      classes: r.kind === 'label' && r.classes > 2 ? r.classes : config.classes,
      points: r.points,
    });
    setConfig(v.config);
    reportLoad(`Imported ${r.points.length} points from ${f.name}`, v.notices);
  };

  const downloadPng = async () => {
    close();
    const heat = document.querySelector<HTMLCanvasElement>('.output-view canvas.heat');
    const dots = document.querySelector<HTMLCanvasElement>('.output-view canvas.dots');
    if (!heat || heat.width <= 1) {
      addNotice('The decision boundary is not drawn yet: show the Output panel and train a step.', 'warning', 'png');
      return;
    }
    const ok = await saveCanvasPng(`boundary-${stamp()}.png`, composeBoundary(heat, dots, boundaryDetails()));
    if (!ok) addNotice('The browser could not make the PNG.', 'error', 'png');
  };

  return (
    <details className="file-menu" ref={menu}>
      <summary>File</summary>
      <div className="file-menu-items" role="group" aria-label="Files">
        <button type="button" onClick={() => void exportExperiment()}>
          Export experiment
        </button>
        <button type="button" onClick={() => jsonInput.current?.click()}>
          Import experiment…
        </button>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
        <button type="button" onClick={() => csvInput.current?.click()}>
          Import CSV…
        </button>
        <button type="button" onClick={() => void downloadPng()}>
          Download PNG
        </button>
      </div>
      <input
        ref={jsonInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-experiment"
        onChange={(e) => {
          close();
          void importExperiment(e);
        }}
      />
      <input
        ref={csvInput}
        type="file"
        accept=".csv,text/csv,text/plain"
        hidden
        data-testid="import-csv"
        onChange={(e) => {
          close();
          void importCsv(e);
        }}
      />
    </details>
  );
}
