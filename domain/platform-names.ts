// What people call each platform, in replies and summaries.
export const platformNames = { wecom: '企业微信', dingtalk: '钉钉', local: '本地聊天' } as const;
