export * from './source.js';
export * from './http.js';
export * from './registry.js';
export * from './harvest.js';
export * from './harvest-state.js';
export * from './known-papers.js';
export { abstractFromInvertedIndex } from './openalex.js';
export { arxivPaperId, splitArxivVersion } from './records.js';
export * from './from-config.js';
