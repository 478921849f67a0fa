export * from './context.js';
export * from './health-server.js';
export * from './run-service.js';
export * from './run-main.js';
export * from './start-stage.js';
export * from './metrics.js';
export * from './errors.js';
export { isOutage } from './ride-out.js';
