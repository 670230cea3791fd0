export { filterParagraphs, isFiltering, NO_FILTER } from './filter.js';
export type { GridFilter, FilterContext } from './filter.js';
export { SearchBar } from './components/SearchBar.js';
