export { ReadingScreen } from './components/ReadingScreen.js';
export { SharedReadingScreen } from './components/SharedReadingScreen.js';
export { ReadingView } from './components/ReadingView.js';
export { ShareLinksPanel, shareUrl } from './components/ShareLinksPanel.js';
