import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShareApp } from './ui/share/ShareApp.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ShareApp />
    </StrictMode>,
  );
}
