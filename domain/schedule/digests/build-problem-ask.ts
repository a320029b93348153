// Tuesday 09:00: each project's responsible unit is asked for this week's problems and
// suggestions; 16:00: the units that have not answered are reminded, once (003 一(三)5(1):
// 每周二各项目服务专班牵头单位将需要研究解决问题及建议报县重点项目办). "无问题" is an answer.
import type { Digest } from '../schedule-snapshot.js';
import { labelOf, servedByTeam, titled, type DigestContext, unitAgents } from './describe-project.js';

export function buildProblemAsk(context: DigestContext, week: string, options: { reminder: boolean; late: boolean }): Digest[] {
  const { snapshot } = context;
  const answered = new Set(snapshot.weeklyAnswers.filter((answer) => answer.week === week).map((answer) => answer.projectId));
  const waiting = snapshot.projects.filter((project) => servedByTeam(project) && project.leadUnitId !== null && !answered.has(project.id));
  const digests: Digest[] = [];
  const unitIds = [...new Set(waiting.map((project) => project.leadUnitId!))].sort((a, b) => a - b);
  for (const unitId of unitIds) {
    const projects = waiting.filter((project) => project.leadUnitId === unitId);
    const first = projects[0]!.id;
    const lines = [
      options.reminder ? `以下 ${projects.length} 个项目本周还没有报送问题，请今天报送：` : `请今天报送以下 ${projects.length} 个项目需协调解决的问题和建议：`,
      ...projects.map((project) => `- ${labelOf(project, context)}`),
      `报送：问题 P${first} 问题描述 建议：…`,
      `没有问题也请回复：无问题 P${first}`,
    ];
    const title = titled(options.reminder ? '问题报送提醒' : '本周问题征集', options.late);
    for (const agent of unitAgents(snapshot, unitId)) digests.push({ personId: agent.id, title, markdown: lines.join('\n') });
  }
  return digests;
}
