export * from './claim.js';
export * from './paper.js';
export * from './batch.js';
export * from './jobs.js';
export * from './api.js';
export * from './searches.js';
export * from './corrections.js';
