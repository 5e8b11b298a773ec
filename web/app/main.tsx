import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import '../ui/styles.css';
import { App } from './App.tsx';
import { setupI18n } from './i18n.ts';
import { SessionProvider } from './session.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

// The language file may be a separate chunk: render once it is in, so no text flashes untranslated.
setupI18n().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <Router>
        <SessionProvider>
          <App />
        </SessionProvider>
      </Router>
    </StrictMode>,
  );
});
