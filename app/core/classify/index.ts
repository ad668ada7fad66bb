export { classifyRecord, classifyRecordFull } from './classify';
export { CLASSIFIER_SAMPLES, LOOKALIKE_SAMPLES, type ClassifierSample } from './samples';
export * from './outcome';
