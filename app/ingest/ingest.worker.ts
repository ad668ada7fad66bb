/// <reference lib="webworker" />
import { createEngine } from './engine';
import type { WorkerMessage, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine((message: WorkerMessage) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => engine.handle(event.data));
