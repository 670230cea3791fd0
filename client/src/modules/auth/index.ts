export { LoginScreen } from './components/LoginScreen.js';
export { useSession } from './hooks/useSession.js';
export type { Session } from './hooks/useSession.js';
