export { Progress } from './progress.js';
export { batchFilesIn } from './seeds.js';
