import './interchange.css';

export { InterchangeMenu } from './components/InterchangeMenu.js';
export { SourceFileInput } from './components/SourceFileInput.js';
export type { PickedSource } from './components/SourceFileInput.js';
export { AlignmentPreview } from './components/AlignmentPreview.js';
