export { DocumentList } from './components/DocumentList.js';
export { NewDocument } from './components/NewDocument.js';
export { ProgressBar } from './components/ProgressBar.js';
