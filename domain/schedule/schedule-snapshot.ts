// What the scheduled digests and the 台账 read, loaded in a few batch queries (prisma/load-snapshot.ts)
// and handed to pure builders: no query per project. The digests read it quoted for markdown
// (quote-snapshot.ts), the 台账 with names resolved (domain/ledger/ledger-data-of.ts).
import type { IsoDate } from '../calendar/shanghai-time.js';

export interface SnapshotPerson {
  id: number;
  name: string;
  unitId: number | null;
  roles: readonly string[];
}

export interface SnapshotProject {
  id: number;
  name: string;
  /** The project's own stage and the 帮办代办 service (docs/domain.md "Project life cycle"). */
  stage: string;
  service: string;
  content: string;
  /** 目标任务, 时间节点 and 预计开工 for the 3rd's start ledger (003 一(二)4(2)). */
  targetTasks: string;
  timeNodes: string;
  expectedStartOn: IsoDate | null;
  investmentWan: number;
  leaderId: number | null;
  /** 责任单位: its agent answers Tuesday's ask and the 20th's 月报. */
  leadUnitId: number | null;
  signedOn: IsoDate | null;
  landListedOn: IsoDate | null;
  acceptedAt: Date | null;
  teamFormedAt: Date | null;
  planMadeAt: Date | null;
  startedOn: IsoDate | null;
  producedOn: IsoDate | null;
  enrolledOn: IsoDate | null;
}

export interface SnapshotTask {
  id: number;
  projectId: number;
  unitId: number;
  /** The call (card) the item came on, and when it was posted and taken: the ranking counts cards never taken. */
  callId: number;
  postedAt: Date;
  takenAt: Date | null;
  itemName: string;
  phase: number;
  state: string;
  ackDueAt: Date;
  dueOn: IsoDate | null;
  suspendedAt: Date | null;
  doneAt: Date | null;
}

export interface SnapshotProblem {
  id: number;
  projectId: number;
  /** The unit the problem is with (the project's 责任单位 when raised). */
  unitId: number | null;
  description: string;
  suggestion: string;
  category: string;
  leaderId: number | null;
  state: string;
  leaderOpinion: string | null;
  createdAt: Date;
  digestedAt: Date | null;
}

export interface ScheduleSnapshot {
  people: readonly SnapshotPerson[];
  units: readonly { id: number; name: string }[];
  projects: readonly SnapshotProject[];
  tasks: readonly SnapshotTask[];
  /** Problems not closed. */
  problems: readonly SnapshotProblem[];
  weeklyAnswers: readonly { projectId: number; week: string; none: boolean }[];
  monthlyReports: readonly { projectId: number; month: string; investmentWan: number; progress: string }[];
}

/** A project as stored, with what only the 台账 shows (004 三(一)1 联系人 and 电话; 包抓领导 as typed). */
export interface StoredProject extends SnapshotProject {
  industry: string;
  enterprise: string;
  contactName: string;
  contactMobile: string | null;
  leaderName: string;
}

/** A problem as stored, with its answers (答复, oldest first) and when it was closed (销号). */
export interface StoredProblem extends SnapshotProblem {
  answers: readonly string[];
  closedAt: Date | null;
}

/** What prisma/load-snapshot.ts reads: text as typed, inactive people and (for the 台账) closed problems included. */
export interface StoredSnapshot extends Omit<ScheduleSnapshot, 'people' | 'projects' | 'problems'> {
  people: readonly (SnapshotPerson & { active: boolean })[];
  projects: readonly StoredProject[];
  problems: readonly StoredProblem[];
}

/** One message of a digest, addressed to a person; the outbox adapter does the rest. */
export interface Digest {
  personId: number;
  title: string;
  markdown: string;
}
