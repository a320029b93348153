// The shipped approval-item catalogue (审批事项及材料清单, 002 附件10; 004 三(一)2–3), built from the
// departments and items the seeds name (003 一(二)4(3); 004 附件; docs/domain.md "Departments and approval items"). Admins edit the
// stored copy. `units` lists the owning unit first and the names other counties use for it after
// (林业局 is part of 自然资源局 in 中卫); matching ignores a leading 市/县/区.
// `core` items make up the default service plan (002 五(四)); promised days are working days.
import type { Phase } from './approval-phases.js';

export interface CatalogueEntry {
  code: string;
  name: string;
  aliases: string[];
  phase: Phase;
  units: string[];
  materials: string[];
  promisedDays: number;
  core: boolean;
}

const entry = (
  code: string,
  name: string,
  phase: Phase,
  units: string[],
  promisedDays: number,
  materials: string[],
  options: { aliases?: string[]; core?: boolean } = {},
): CatalogueEntry => ({ code, name, phase, units, promisedDays, materials, aliases: options.aliases ?? [], core: options.core ?? false });

export const approvalCatalogue: readonly CatalogueEntry[] = [
  // 投资主体确立 (002 四) is handled with phase 1.
  entry('SCJ-01', '企业设立登记', 1, ['市场监督管理局'], 1, ['设立登记申请书', '公司章程', '股东主体资格证明', '法定代表人及高管任职文件', '住所使用证明'], {
    aliases: ['注册登记', '营业执照'],
  }),
  entry('FGW-01', '企业投资项目备案', 1, ['发展和改革委员会', '发展和改革局', '发改委', '发改局'], 2, ['项目备案信息表', '营业执照', '项目建设内容说明'], {
    aliases: ['备案'],
    core: true,
  }),
  entry(
    'FGW-02',
    '企业投资项目核准',
    1,
    ['发展和改革委员会', '发展和改革局', '发改委', '发改局'],
    15,
    ['项目申请报告', '用地预审与选址意见书', '社会稳定风险评估报告'],
    { aliases: ['核准'] },
  ),
  entry(
    'FGW-03',
    '固定资产投资项目节能审查',
    1,
    ['发展和改革委员会', '发展和改革局', '发改委', '发改局'],
    10,
    ['节能审查申请', '节能报告', '项目备案或核准文件'],
    { aliases: ['节能审查', '能评'] },
  ),
  entry(
    'ZRZY-01',
    '建设项目用地预审与选址意见书',
    1,
    ['自然资源局'],
    10,
    ['用地预审与选址申请表', '项目建设依据', '建设项目用地边界拐点坐标', '土地利用总体规划图'],
    { aliases: ['用地预审', '选址'], core: true },
  ),
  entry('ZRZY-02', '建设用地报件审查', 1, ['自然资源局'], 15, ['建设用地呈报说明书', '勘测定界报告', '征地补偿安置方案', '土地权属证明'], {
    aliases: ['用地报件'],
  }),
  entry('ZRZY-03', '国有土地使用权出让审核', 1, ['自然资源局'], 10, ['出让方案', '规划条件', '土地评估报告'], { aliases: ['土地出让'] }),
  entry('ZRZY-04', '建设用地批准', 1, ['自然资源局'], 5, ['建设用地批准申请', '土地出让合同', '出让价款缴纳凭证'], { aliases: ['用地批准'] }),
  entry('ZRZY-05', '建设用地规划许可证', 1, ['自然资源局'], 5, ['建设用地规划许可申请表', '土地出让合同', '项目备案或核准文件', '宗地图'], {
    aliases: ['用地规划许可'],
    core: true,
  }),
  entry(
    'LY-01',
    '使用林地审核',
    1,
    ['林业和草原局', '林业局', '林草局', '自然资源局'],
    15,
    ['使用林地申请表', '使用林地可行性报告', '林地权属证明', '项目批准文件'],
    { aliases: ['林地'] },
  ),
  entry('HB-01', '环境影响评价审批', 1, ['生态环境局'], 15, ['环评审批申请', '环境影响报告书（表）', '公众参与说明'], { aliases: ['环评'], core: true }),
  entry('SW-01', '取水许可', 1, ['水务局', '水利局'], 10, ['取水许可申请书', '水资源论证报告', '取水工程说明'], { aliases: ['取水'] }),
  entry('SW-02', '洪水影响评价审批', 1, ['水务局', '水利局'], 10, ['洪水影响评价申请', '洪水影响评价报告'], { aliases: ['洪评'] }),
  entry('SW-03', '水土保持方案审批', 1, ['水务局', '水利局'], 10, ['水土保持方案审批申请', '水土保持方案报告书（表）'], {
    aliases: ['水保', '水土保持'],
    core: true,
  }),
  entry('ZRZY-06', '建设工程规划许可证', 2, ['自然资源局'], 5, ['建设工程规划许可申请表', '建设用地规划许可证', '设计方案总平面图', '土地使用权证明'], {
    aliases: ['工程规划许可'],
    core: true,
  }),
  entry('RF-01', '人防工程建设审批', 2, ['人民防空办公室', '人防办'], 5, ['人防工程建设申请', '人防设计文件', '建设工程规划许可证'], { aliases: ['人防'] }),
  entry('JT-01', '涉路施工许可', 2, ['交通运输局'], 10, ['涉路施工申请', '设计图纸', '安全保障措施'], { aliases: ['涉路'] }),
  entry('YJ-01', '危险化学品建设项目安全条件审查', 2, ['应急管理局'], 15, ['安全条件审查申请', '安全评价报告', '项目备案或核准文件'], {
    aliases: ['安全条件审查', '危化'],
  }),
  entry('ZJ-01', '特殊建设工程消防设计审查', 2, ['住房和城乡建设局', '住建局'], 10, ['消防设计审查申请表', '消防设计文件', '建设工程规划许可证'], {
    aliases: ['消防设计审查'],
  }),
  entry('ZJ-02', '建筑工程施工许可证', 3, ['住房和城乡建设局', '住建局'], 3, ['施工许可申请表', '建设工程规划许可证', '施工合同', '质量安全监督手续'], {
    aliases: ['施工许可'],
    core: true,
  }),
  entry('GD-01', '电力接入', 3, ['供电公司', '供电局'], 10, ['用电申请', '用电地址产权证明', '项目用电负荷说明'], { aliases: ['用电报装', '接电'] }),
  entry('GS-01', '供水接入', 3, ['水务公司', '自来水公司'], 7, ['用水申请', '用水地址产权证明', '给水设计图'], { aliases: ['用水报装', '接水'] }),
  entry('ZJ-03', '特殊建设工程消防验收', 4, ['住房和城乡建设局', '住建局'], 10, ['消防验收申请表', '工程竣工验收报告', '消防设施检测报告'], {
    aliases: ['消防验收'],
  }),
  entry('ZRZY-07', '建设工程规划核实', 4, ['自然资源局'], 5, ['规划核实申请', '竣工测量报告', '建设工程规划许可证'], { aliases: ['规划核实'] }),
  entry('RF-02', '人防工程竣工验收备案', 4, ['人民防空办公室', '人防办'], 5, ['人防工程竣工验收报告', '人防设备检测报告'], { aliases: ['人防验收'] }),
  entry('ZJ-04', '竣工验收备案', 4, ['住房和城乡建设局', '住建局'], 5, ['竣工验收备案表', '工程竣工验收报告', '规划核实意见', '消防验收意见'], {
    aliases: ['竣工备案'],
    core: true,
  }),
];
