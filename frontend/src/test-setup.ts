import { catalogs } from './app/catalogs';
import { initI18n } from './lib/i18n';

// Unit tests run in English, like a browser without a saved choice.
initI18n(catalogs, 'en');
