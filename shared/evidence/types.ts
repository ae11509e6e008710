import type { CountedInterval, SkipReason } from '../sla/explain';
import type { ClockName, ClockState, PauseReason, Priority, SlaEventType } from '../sla/types';
import type { TicketState } from '../domain/ticket';
import type { UserRef } from '../domain/user';

/** Bumped when the JSON's shape changes, so a reader knows which fields to expect. */
export const EVIDENCE_PACK_FORMAT = 'prokontakt-evidence-pack/1';

/**
 * Whether the ERP has the record, and since when: `synced` with the server's time of applying it,
 * `unsent` while the action waits in this computer's outbox, `not_recorded` for records stored
 * before the ERP kept that time.
 */
export type SyncState =
  | { status: 'synced'; receivedAt: string }
  | { status: 'unsent'; receivedAt: null }
  | { status: 'not_recorded'; receivedAt: null };

interface EntryBase {
  /** When the person acted (after the ERP's clamp, if `adjusted`). */
  at: string;
  commandId: string;
  author: string;
  authorId: string | null;
  sync: SyncState;
  /** The ERP moved the action time: it lay in the server's future or before the previous event. */
  adjusted: boolean;
}

export type TimelineEntry = EntryBase &
  (
    | {
        kind: 'sla_event';
        type: SlaEventType;
        pauseReason: PauseReason | null;
        note: string | null;
        hours: number | null;
        toPriority: Priority | null;
        releaseDate: string | null;
      }
    | { kind: 'comment'; text: string }
    | { kind: 'work_log'; startedAt: string; endedAt: string; note: string }
    | { kind: 'assignment'; from: UserRef | null; to: UserRef | null }
    | {
        kind: 'attachment' | 'attachment_removed';
        name: string;
        mediaType: string;
        size: number;
        sha256: string;
      }
  );

export interface PauseEntry {
  reason: PauseReason;
  note: string | null;
  from: string;
  /** The resume or resolution that ended it; null while it is still open at `asOf`. */
  to: string | null;
  endedBy: 'resumed' | 'resolved' | null;
  /** Wall-clock length up to its end (or `asOf`). */
  wallMs: number;
  /** Working time of the ticket's schedule inside the pause: what the resolution clock did not count. */
  uncountedWorkingMs: number;
}

export interface ClockEvidence {
  clock: ClockName;
  /** The verdict as `evaluateSla` gives it as of `asOf`. */
  verdict: ClockState;
  baseTargetMs: number;
  extensionMs: number;
  /** Counted time up to `asOf`, the sum of the non-projected intervals. */
  countedMs: number;
  counted: CountedInterval[];
  skipped: Array<{
    reason: SkipReason;
    from: string;
    to: string;
    fromDate: string | null;
    toDate: string | null;
    pauseReason: PauseReason | null;
    note: string | null;
    ongoing: boolean;
  }>;
}

export interface EvidenceRequest {
  id: string;
  number: number | null;
  title: string;
  organization: { id: string; name: string; timeZone: string; calendar: string };
  account: string;
  reporterEmail: string;
  steps: string;
  expected: string;
  actual: string;
  diagnostics: string;
  notUserSideConfirmed: boolean;
  initialPriority: Priority;
  priority: Priority;
  createdAt: string;
  lateRegistrationReason: string | null;
  state: TicketState;
  result: string | null;
  releaseDate: string | null;
  assignee: UserRef | null;
  version: number;
}

/**
 * A ticket's evidence for a dispute: the request, every record with its times, the pauses, and
 * how each clock was counted. Plain data: its canonical JSON is what the SHA-256 is taken of.
 */
export interface EvidencePack {
  format: typeof EVIDENCE_PACK_FORMAT;
  /** The instant the clocks are evaluated at; see `asOfBasis`. */
  asOf: string;
  /** `resolution`: the ticket is resolved, counted as of its last SLA event; `generated`: as of when the pack was made. */
  asOfBasis: 'resolution' | 'generated';
  software: {
    appVersion: string;
    calendar: { id: string; name: string; yearsWithData: number[] | null };
  };
  schedule: {
    kind: '24x7' | 'business';
    timeZone: string;
    calendar: string;
    businessHours: { start: string; end: string; shortDayEnd: string } | null;
    /** Years counted without calendar data (weekdays minus fixed holidays). */
    assumedYears: number[];
  };
  request: EvidenceRequest;
  timeline: TimelineEntry[];
  pauses: PauseEntry[];
  clocks: { reaction: ClockEvidence; resolution: ClockEvidence };
}
