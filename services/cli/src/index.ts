export { COMMANDS, type Command } from './commands/index.js';
export { WORKERS } from './commands/worker.js';
export { Progress } from './progress.js';
export { batchFilesIn } from './seeds.js';
