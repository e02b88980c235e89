import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Theme tokens, then base and layout, before any panel's own stylesheet (the cascade order).
import './ui/theme.css';
import './ui/base.css';
import { ShareApp } from './ui/share/ShareApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ShareApp />
    </StrictMode>,
  );
}

// Offline and updates: only the built app has a service worker (vite.config.ts, src/pwa/update.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) void import('./pwa/register.ts');
