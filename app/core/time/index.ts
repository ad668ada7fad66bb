export { daysInMonth, isValidCivil, civilToInstant, type CivilTime } from './civil';
export { readStamp, type StampParts } from './read-stamp';
export { parseProviderStamp, PROVIDER_OFFSET_MINUTES, type ProviderStamp } from './provider-stamp';
export { parseLogTimestamp, parseIsoUtcFast, type LogTimestamp, type LocalOffset } from './log-timestamp';
export { epochToMs, LATEST_EPOCH_MS } from './epoch';
export { timestampFromRequestId } from './request-id-time';
export { assessReset, WINDOW_HORIZON_MS, RESET_TOLERANCE_MS, type ResetAssessment, type AssessResetInput } from './assess-reset';
export { FUTURE_MARGIN_MS } from './future';
