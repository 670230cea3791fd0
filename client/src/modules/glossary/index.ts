export { GlossaryScreen } from './components/GlossaryScreen.js';
