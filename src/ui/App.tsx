import { useEffect, useState } from 'react';
import { createTrainingClient } from '../worker/client.ts';
import { PROTOCOL_VERSION } from '../worker/protocol.ts';

type WorkerStatus = 'starting' | 'ready' | 'failed';

export function App() {
  const [status, setStatus] = useState<WorkerStatus>('starting');

  useEffect(() => {
    const client = createTrainingClient();
    const nonce = Math.floor(performance.now());
    const off = client.subscribe((event) => {
      if (event.type === 'hello' && event.nonce === nonce) setStatus('ready');
      if (event.type === 'error') setStatus('failed');
    });
    client.send({ type: 'hello', protocol: PROTOCOL_VERSION, nonce });
    return () => {
      off();
      client.terminate();
    };
  }, []);

  return (
    <main className="app">
      <h1>Neural Network Playground</h1>
      <p data-testid="worker-status">Training worker: {status}</p>
    </main>
  );
}
