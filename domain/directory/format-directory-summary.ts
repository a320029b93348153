// The summary an admin receives after 同步通讯录.
import type { DirectoryMatch } from './match-directory.js';

/** `name`: what people call the platform (企业微信, 钉钉). */
export function formatDirectorySummary(name: string, match: DirectoryMatch): string {
  const lines = [
    `通讯录同步完成：${name} ${match.directoryPeople} 人；名册中 ${match.matched} 人已对应。`,
    ...match.linked.map((link) => `· ${link.name} 按手机号对应到${name}账号 ${link.to}${link.from ? `（原 ${link.from}）` : ''}`),
  ];
  if (match.missing.length > 0) lines.push(`${name}中找不到：${match.missing.join('、')}，请核对名册中的账号或手机号。`);
  if (match.notInRoster > 0) lines.push(`另有 ${match.notInRoster} 人在${name}中但不在名册里。`);
  return lines.join('\n');
}
