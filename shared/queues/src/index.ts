export * from './names.js';
export * from './job-options.js';
export * from './connection.js';
export * from './pipeline-queues.js';
export * from './stage-worker.js';
export { UnrecoverableError } from 'bullmq';
export * from './batch-producer.js';
export * from './batch-status.js';
export * from './worker-died.js';
