export { startStreamSession } from './stream-session';
export { startDemoSession } from './demo-session';
export { SNAPSHOT_EVERY_MS, type StreamControls, type StreamSession, type StreamSnapshot } from './session-types';
export { KIND_LABELS, guessStreamKind, isAutoConnect, streamKeyOf, streamNameOf, toStreamTarget, type StreamTarget } from './stream-target';
export { FLUSH_EVERY_MS, type BatchCounts } from './record-batcher';
