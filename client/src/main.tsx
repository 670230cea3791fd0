import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from './modules/i18n/index.js';
import { App } from './app/App.js';
import './styles/app.css';

void initI18n().then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
});
