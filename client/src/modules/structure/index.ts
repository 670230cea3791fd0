export { ParagraphMenu } from './components/ParagraphMenu.js';
