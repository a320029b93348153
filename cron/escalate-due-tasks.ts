// The cycle's old name, kept only because bot/app.ts (not this branch's to edit) imports it: at the merge,
// bot/app.ts imports cron/run-escalation-cycle.ts and this file goes.
export { ESCALATION_CYCLE_MS, runEscalationCycle as escalateDueTasks } from './run-escalation-cycle.js';
