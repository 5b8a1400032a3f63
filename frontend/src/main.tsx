import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { catalogs } from './app/catalogs';
import { initI18n, initialLanguage, safeLocalStorage } from './lib/i18n';
import './app/global.css';

const language = initialLanguage(safeLocalStorage(), navigator.languages ?? [navigator.language]);
initI18n(catalogs, language);
document.documentElement.lang = language;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
