export { COMMANDS, WORKERS, type Command } from './commands/index.js';
export { Progress } from './progress.js';
export { batchFilesIn } from './seeds.js';
