export { userColor } from './colors.js';
export { presenceIn, presenceByParagraph } from './cellPresence.js';
export { PresenceBadges } from './components/PresenceBadges.js';
