// The snapshot as the digests read it: every text a person typed (names, problems, opinions, 月报) quoted
// for markdown here, the one way into the digests, so a typed link or heading shows as typed
// (domain/markdown/quote-markdown.ts); only active people and open problems.
import { quoteMarkdown } from '../markdown/quote-markdown.js';
import type { ScheduleSnapshot, StoredSnapshot } from './schedule-snapshot.js';

export function quoteSnapshot(stored: StoredSnapshot): ScheduleSnapshot {
  return {
    people: stored.people.filter((person) => person.active).map(({ active: _active, ...person }) => ({ ...person, name: quoteMarkdown(person.name) })),
    units: stored.units.map((unit) => ({ ...unit, name: quoteMarkdown(unit.name) })),
    projects: stored.projects.map((project) => ({
      ...project,
      name: quoteMarkdown(project.name),
      content: quoteMarkdown(project.content),
      targetTasks: quoteMarkdown(project.targetTasks),
      timeNodes: quoteMarkdown(project.timeNodes),
    })),
    tasks: stored.tasks.map((task) => ({ ...task, itemName: quoteMarkdown(task.itemName) })),
    problems: stored.problems
      .filter((problem) => problem.state !== 'closed')
      .map((problem) => ({
        ...problem,
        description: quoteMarkdown(problem.description),
        suggestion: quoteMarkdown(problem.suggestion),
        leaderOpinion: problem.leaderOpinion === null ? null : quoteMarkdown(problem.leaderOpinion),
      })),
    weeklyAnswers: stored.weeklyAnswers,
    monthlyReports: stored.monthlyReports.map((report) => ({ ...report, progress: quoteMarkdown(report.progress) })),
  };
}
