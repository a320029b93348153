// The two states side by side, as 进度 and the 台账 show them (docs/domain.md "Project life cycle"):
// `服务：审批中 · 项目：签约`.
import { stageNames, type Stage } from './project-stage.js';
import { serviceNames, type ServiceState } from './service-state.js';

/** @example describeLifeCycle({ service: 'closed', stage: 'started' }) // '服务：已办结 · 项目：开工' */
export function describeLifeCycle(project: { service: string; stage: string }, serviceDetail = '', stageDetail = ''): string {
  const service = serviceNames[project.service as ServiceState] ?? project.service;
  const stage = stageNames[project.stage as Stage] ?? project.stage;
  return `服务：${service}${serviceDetail} · 项目：${stage}${stageDetail}`;
}
