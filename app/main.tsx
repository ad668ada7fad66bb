import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createIngestClient } from './ingest/ingest-client';
import './styles.css';

const worker = new Worker(new URL('./ingest/ingest.worker.ts', import.meta.url), { type: 'module', name: 'quotalens-ingest' });
const client = createIngestClient(worker);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
