/// <reference lib="webworker" />
import { createEngine } from './engine';
import { createWorkerPartReader } from './part-worker-reader';
import type { WorkerMessage, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// With a second core, a large file's second half is read by a worker of its own.
const partReader = (self.navigator.hardwareConcurrency ?? 1) >= 2 ? createWorkerPartReader() : null;
const engine = createEngine((message: WorkerMessage) => self.postMessage(message), { partReader });
self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => engine.handle(event.data));
