// A roster with only 钉钉账号 (no 企业微信账号 column at all), for the stories run on DingTalk.

/** DingTalk userIds of the people the story needs. */
export const DD = {
  admin: 'dd0001admin',
  window: 'dd0002window',
  office: 'dd0003office',
  leader: 'dd0004leader',
  sthjLeader: 'dd0101sthj',
  sthjAgent: 'dd0102sthj',
  zjjLeader: 'dd0201zjj',
  zjjAgent: 'dd0202zjj',
  /** The enterprise contact: a member of the organisation's DingTalk, not in the roster; binds with the code. */
  enterprise: 'dd9001zhang',
};

export const DINGTALK_ONLY_ROSTER = [
  '姓名,钉钉账号,单位,角色,手机',
  `王小明,${DD.admin},市政务服务中心,管理员,`,
  `专窗小李,${DD.window},市政务服务中心,专窗,13800000001`,
  `重点项目办小赵,${DD.office},重点项目办,重点项目办,`,
  `县领导甲,${DD.leader},县政府,县领导,13800000002`,
  `生态环境局责任领导,${DD.sthjLeader},市生态环境局,责任领导,`,
  `生态环境局代办员,${DD.sthjAgent},市生态环境局,代办员,13800000108`,
  `住房和城乡建设局责任领导,${DD.zjjLeader},市住房和城乡建设局,责任领导,`,
  `住房和城乡建设局代办员,${DD.zjjAgent},市住房和城乡建设局,代办员,13800000112`,
].join('\n');
