export { Icon, ICON_NAMES } from './Icon.js';
export type { IconName } from './Icon.js';
