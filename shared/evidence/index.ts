export { buildEvidencePack, evidenceAsOf, type EvidenceInput } from './build-pack';
export { canonicalEvidenceJson } from './canonical-json';
export { buildTimeline, syncStateOf } from './timeline';
export { EVIDENCE_PACK_FORMAT } from './types';
export type {
  ClockEvidence,
  EvidencePack,
  EvidenceRequest,
  PauseEntry,
  SyncState,
  TimelineEntry,
} from './types';
