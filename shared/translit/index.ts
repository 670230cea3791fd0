export { uzCyrillicToLatin, uzLatinToCyrillic } from './uz.js';
export { kkCyrillicToLatin } from './kk.js';
