import { featureLabel } from '../nn/features.ts';
import type { TableRow } from './tableRows.ts';
import './TableView.css';

/** x to 4 decimals with a real minus sign, as the rest of the page writes numbers. */
function fixed4(v: number): string {
  return v.toFixed(4).replace('-', '−');
}

function plain(v: number): string {
  return String(v).replace('-', '−');
}

/**
 * A tiny dataset as a table: inputs, the target and the network's current output per point
 * (the XOR truth table: four rows). The Set column appears only when some points are test points.
 */
export function TableView({ rows, viewedEpoch = null }: { rows: readonly TableRow[]; viewedEpoch?: number | null }) {
  const split = rows.some((r) => r.set === 'test');
  return (
    <div className="table-view">
      <table>
        <caption>
          Each point, its target and the network&apos;s output{' '}
          {viewedEpoch === null ? 'now' : `at epoch ${viewedEpoch}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{featureLabel('x')}</th>
            <th scope="col">{featureLabel('y')}</th>
            <th scope="col">Target</th>
            <th scope="col">Output</th>
            {split ? <th scope="col">Set</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{plain(r.x)}</td>
              <td>{plain(r.y)}</td>
              <td>{plain(r.target)}</td>
              <td data-testid="table-output">{r.output === null ? '–' : fixed4(r.output)}</td>
              {split ? <td>{r.set === 'train' ? 'Train' : 'Test'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
