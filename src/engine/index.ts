export * from './fifo-queue.js';
export * from './resource.js';
export * from './simulator.js';
