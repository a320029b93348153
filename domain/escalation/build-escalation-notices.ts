// Who is told what at each escalation step of a call (002 五(五)(六)): step 1 reminds the unit's
// agents and tells its 责任领导 and the window; step 2 tells the project's leader and 重点项目办;
// each working morning after that (a chase) reminds the agents and tells the 责任领导 again, and
// from policy.untakenChase.superviseFromDay the project's leader and 重点项目办 are told as 督办.
// One message per person per step, even when someone holds two of these roles, and one per call
// however many items it carries: the unit is called to the window once (docs/domain.md "Calls").
// Several calls falling due in one pass of the cycle reach each person as one notice with a line
// per call (docs/domain.md "Calls"): the window is told of a whole morning's calls at once, not in
// a message per call.
import { chaseDayOf, type EscalationStep } from './plan-escalation.js';

/** `R` names a recipient (a person id in the bot). */
export interface EscalationAudience<R> {
  agents: readonly R[];
  unitLeaders: readonly R[];
  window: readonly R[];
  projectLeader: R | null;
  projectOffice: readonly R[];
}

export interface EscalationSubject {
  projectId: number;
  projectName: string;
  /** The call's items, in task order. */
  items: readonly { taskId: number; itemName: string }[];
  unitName: string;
  postedAt: string;
  /** How long it has waited: office minutes at steps 1 and 2, working days in a chase. */
  waited: { minutes: number } | { workingDays: number };
}

/** A call whose step fires in this pass, with the people its step tells. */
export interface FiredCall<R> {
  callId: number;
  step: EscalationStep;
  subject: EscalationSubject;
  audience: EscalationAudience<R>;
}

export interface Notice<R> {
  recipient: R;
  /** The calls the notice names, in the order given. */
  callIds: number[];
  text: string;
}

/** How a person is told: reminded to come (agents), informed (责任领导, the window), or 督办 (step 2, a late chase). */
const TONES = ['remind', 'inform', 'supervise'] as const;
type Tone = (typeof TONES)[number];

/** A grouped notice lists at most this many calls, so its dedup key (their ids) stays short; more make more notices. */
export const CALLS_PER_NOTICE = 100;

/** The people one call's step tells, each once, in the order they are told. */
export function toldOf<R>(step: EscalationStep, audience: EscalationAudience<R>, superviseFromDay: number): { recipient: R; tone: Tone }[] {
  const supervisors: [readonly R[], Tone] = [[...(audience.projectLeader !== null ? [audience.projectLeader] : []), ...audience.projectOffice], 'supervise'];
  const groups: [readonly R[], Tone][] =
    step === 1
      ? [
          [audience.agents, 'remind'],
          [[...audience.unitLeaders, ...audience.window], 'inform'],
        ]
      : step === 2
        ? [supervisors]
        : [[audience.agents, 'remind'], [audience.unitLeaders, 'inform'], ...(chaseDayOf(step) >= superviseFromDay ? [supervisors] : [])];
  const told = new Set<R>();
  const result: { recipient: R; tone: Tone }[] = [];
  for (const [recipients, tone] of groups) {
    for (const recipient of recipients) {
      if (told.has(recipient)) continue;
      told.add(recipient);
      result.push({ recipient, tone });
    }
  }
  return result;
}

/**
 * One step's notices for the calls fired together: a person told of one call gets that call's
 * sentence; a person told of several gets one notice with a line per call, under a heading per tone.
 */
export function buildEscalationNotices<R>(calls: readonly FiredCall<R>[], superviseFromDay: number): Notice<R>[] {
  const byRecipient = new Map<R, { call: FiredCall<R>; tone: Tone }[]>();
  for (const call of calls) {
    for (const { recipient, tone } of toldOf(call.step, call.audience, superviseFromDay)) {
      const told = byRecipient.get(recipient);
      if (told) told.push({ call, tone });
      else byRecipient.set(recipient, [{ call, tone }]);
    }
  }
  const notices: Notice<R>[] = [];
  for (const [recipient, told] of byRecipient) {
    if (told.length === 1) {
      const [{ call, tone }] = told as [{ call: FiredCall<R>; tone: Tone }];
      notices.push({ recipient, callIds: [call.callId], text: sentence(tone, call.subject) });
      continue;
    }
    for (let start = 0; start < told.length; start += CALLS_PER_NOTICE) {
      const chunk = told.slice(start, start + CALLS_PER_NOTICE);
      const sections = TONES.flatMap((tone) => {
        const subjects = chunk.filter((entry) => entry.tone === tone).map((entry) => entry.call.subject);
        return subjects.length === 0 ? [] : [list(tone, subjects)];
      });
      notices.push({ recipient, callIds: chunk.map((entry) => entry.call.callId), text: sections.join('\n\n') });
    }
  }
  return notices;
}

const itemsOf = (subject: EscalationSubject): string => subject.items.map((item) => `T${item.taskId} ${item.itemName}`).join('、');

/** "超过 30 分钟" at the minute steps, " 2 个工作日" in a chase (after 已). */
const waitedText = ({ waited }: EscalationSubject): string => ('minutes' in waited ? `超过 ${waited.minutes} 分钟` : ` ${waited.workingDays} 个工作日`);

function sentence(tone: Tone, subject: EscalationSubject): string {
  const what = `任务 ${itemsOf(subject)}（P${subject.projectId} ${subject.projectName}）`;
  const waited = waitedText(subject);
  if (tone === 'remind') return `提醒：${what}于 ${subject.postedAt} 派单，已${waited}未报到，请立即报到。`;
  if (tone === 'inform') return `${subject.unitName}的${what}已${waited}未报到。`;
  return `督办：${subject.unitName}的${what}派单已${waited}仍无人报到。`;
}

/** A heading and a line per call: project, unit, items with their T numbers, when it was posted. */
function list(tone: Tone, subjects: readonly EscalationSubject[]): string {
  // Calls of one minute step share their wait, named in the heading; a chase's calls were posted on different days.
  const shared = 'minutes' in subjects[0]!.waited ? `已${waitedText(subjects[0]!)}` : '仍';
  const heading =
    tone === 'remind'
      ? `提醒：以下 ${subjects.length} 个任务${shared}未报到，请立即报到：`
      : tone === 'inform'
        ? `以下 ${subjects.length} 个任务${shared}未报到：`
        : `督办：以下 ${subjects.length} 个任务${shared === '仍' ? '' : shared}仍无人报到：`;
  const lines = subjects.map(
    (subject) =>
      `· P${subject.projectId} ${subject.projectName}，${subject.unitName}：${itemsOf(subject)}（${subject.postedAt} 派单${'workingDays' in subject.waited ? `，已 ${subject.waited.workingDays} 个工作日` : ''}）`,
  );
  return [heading, ...lines].join('\n');
}
