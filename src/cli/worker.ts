/**
 * The worker threads' entry when dockwise runs unbundled (only `tsc` was run): see worker-run.ts.
 * From the bundle, workers start through the launcher instead (pool.ts picks).
 */
import { workerData } from 'node:worker_threads';
import type { WorkerInit } from './pool.js';
import { runWorker } from './worker-run.js';

void runWorker(workerData as WorkerInit);
