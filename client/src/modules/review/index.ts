export { ReviewPanel } from './components/ReviewPanel.js';
export { Notifications } from './components/Notifications.js';
export { UsersScreen } from './components/UsersScreen.js';
export { AccountScreen } from './components/AccountScreen.js';
export { CompleteBadge } from './components/CompleteBadge.js';
