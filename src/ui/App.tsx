import { useTrainingBridge } from '../state/bridge.ts';
import { useStore } from '../state/store.ts';

export function App() {
  useTrainingBridge();
  const worker = useStore((s) => s.worker);
  const status = useStore((s) => s.run.status);
  const epoch = useStore((s) => s.run.epoch);

  return (
    <main className="app">
      <h1>Neural Network Playground</h1>
      <p data-testid="worker-status">Training worker: {worker}</p>
      <p data-testid="run-status">
        Run: {status}, epoch {epoch}
      </p>
    </main>
  );
}
