/**
 * Demo data for db/seed.ts: the world of the five articles in /work/shared/seeds
 * (Zhaoqing's mayor in Shenzhen, the envoys' trip to Shenzhen, the Shenzhen and
 * Lishui docking meetings, the Wuxi forum) plus invented local firms and people.
 *
 * The demo "today" is 2026-11-21. Everything here is fixed: no clock reads.
 * Phone numbers are deliberately fake (138-0000-xxxx, +49 711 0000 xxxx ...) and
 * e-mail addresses use reserved *.example domains.
 */
import type { Stage } from "./schema";

export type TeamCode = "nev" | "storage" | "electronics";
/** E-mail local part of a user at landfall.example. */
export type UserKey =
  | "viewer" | "staff" | "staff2" | "manager" | "manager2" | "admin"
  | "sun.li" | "zhou.qiang" | "wu.hao" | "zheng.xue";
type Size = "micro" | "small" | "medium" | "large" | "giant";
type Ownership = "state_owned" | "private" | "foreign" | "joint_venture" | "other";
type ParticipantRole = "host" | "local" | "foreign" | "attendee" | "speaker";
type FollowUpKind = "call" | "email" | "meeting" | "materials" | "site_tour" | "other";

export const DEMO_EMAIL_DOMAIN = "landfall.example";
/** The day the demo pretends it is (alerts, "this week", overdue). */
export const DEMO_TODAY = "2026-11-21";

export const TEAMS: { code: TeamCode; nameZh: string; nameEn: string }[] = [
  { code: "nev", nameZh: "新能源汽车招商组", nameEn: "New-energy vehicles team" },
  { code: "storage", nameZh: "新型储能招商组", nameEn: "New energy storage team" },
  { code: "electronics", nameZh: "电子信息招商组", nameEn: "Electronic information team" },
];

/** Colleagues without a demo sign-in, so that owners and assignees vary. */
export const EXTRA_USERS: { key: UserKey; name: string; role: "staff" | "manager"; team: TeamCode }[] = [
  { key: "sun.li", name: "孙丽", role: "staff", team: "electronics" },
  { key: "zhou.qiang", name: "周强", role: "manager", team: "electronics" },
  { key: "wu.hao", name: "吴昊", role: "staff", team: "nev" },
  { key: "zheng.xue", name: "郑雪", role: "staff", team: "storage" },
];

/** Who verifies post-signing milestones of a team's projects. */
export const TEAM_MANAGER: Record<TeamCode, UserKey> = {
  nev: "manager",
  storage: "manager2",
  electronics: "zhou.qiang",
};

export const CHAINS: { code: string; nameZh: string; nameEn: string; nodes: [string, string, string][] }[] = [
  {
    code: "nev", nameZh: "新能源汽车", nameEn: "New-energy vehicles",
    nodes: [
      ["nev.battery", "动力电池", "Power batteries"],
      ["nev.motor", "驱动电机", "Drive motors"],
      ["nev.control", "电控系统", "Electronic controls"], // left empty on purpose
      ["nev.parts", "汽车零部件", "Auto components"],
      ["nev.vehicle", "整车", "Complete vehicles"],
    ],
  },
  {
    code: "storage", nameZh: "新型储能", nameEn: "New energy storage",
    nodes: [
      ["storage.cell", "电芯", "Cells"],
      ["storage.pcs", "储能变流器", "Power conversion systems"],
      ["storage.bms", "电池管理", "Battery management"], // left empty on purpose
      ["storage.integration", "系统集成", "System integration"],
    ],
  },
  {
    code: "electronics", nameZh: "电子信息", nameEn: "Electronic information",
    nodes: [
      ["electronics.semiconductor", "半导体", "Semiconductors"],
      ["electronics.display", "显示", "Displays"], // left empty on purpose
      ["electronics.component", "电子元器件", "Electronic components"],
      ["electronics.comms", "通信设备", "Communication equipment"],
    ],
  },
  {
    code: "bio", nameZh: "生物医药与医疗器械", nameEn: "Biomedicine and medical devices",
    nodes: [["bio.device", "医疗器械", "Medical devices"]],
  },
];

/** CNY per unit. */
export const EXCHANGE_RATES: { currency: string; validFrom: string; rate: string }[] = [
  { currency: "EUR", validFrom: "2023-01-01", rate: "7.42290000" },
  { currency: "USD", validFrom: "2023-01-01", rate: "6.96460000" },
  { currency: "HKD", validFrom: "2023-01-01", rate: "0.89327000" },
  { currency: "GBP", validFrom: "2023-01-01", rate: "8.39410000" },
  { currency: "JPY", validFrom: "2023-01-01", rate: "0.05235800" },
  { currency: "EUR", validFrom: "2026-01-01", rate: "8.23500000" },
  { currency: "USD", validFrom: "2026-01-01", rate: "7.02880000" },
  { currency: "HKD", validFrom: "2026-01-01", rate: "0.90310000" },
  { currency: "GBP", validFrom: "2026-01-01", rate: "9.45200000" },
  { currency: "JPY", validFrom: "2026-01-01", rate: "0.04492000" },
];

export interface EnterpriseSeed {
  key: string;
  nameZh?: string;
  nameEn?: string;
  creditCode?: string;
  country: string;
  province?: string;
  city: string;
  size: Size;
  ownership: Ownership;
  website?: string;
  description?: string;
  owner: UserKey;
  team: TeamCode | null;
  nodes: string[];
  createdOn: string;
}

const E = (e: EnterpriseSeed): EnterpriseSeed => e;
export const ENTERPRISES: EnterpriseSeed[] = [
  // ── Shenzhen: the mayor's trip, the envoys' trip, the Shenzhen conference
  E({ key: "byd", nameZh: "比亚迪股份有限公司", nameEn: "BYD Co., Ltd.", creditCode: "91440300192317458F", country: "CN", province: "广东省", city: "深圳", size: "giant", ownership: "private", website: "https://www.byd.com", description: "新能源汽车与动力电池龙头企业。", owner: "manager", team: "nev", nodes: ["nev.vehicle", "nev.battery", "storage.cell"], createdOn: "2023-05-10" }),
  E({ key: "szenergy", nameZh: "深圳能源集团股份有限公司", nameEn: "Shenzhen Energy Group Co., Ltd.", country: "CN", province: "广东省", city: "深圳", size: "giant", ownership: "state_owned", description: "市属国有综合能源企业，布局新型储能电站。", owner: "manager2", team: "storage", nodes: ["storage.integration"], createdOn: "2023-05-10" }),
  E({ key: "haoneng", nameZh: "昊能科技有限公司", nameEn: "Haoneng Technology Co., Ltd.", country: "CN", province: "广东省", city: "深圳", size: "medium", ownership: "private", owner: "staff2", team: "storage", nodes: ["storage.pcs"], createdOn: "2023-05-12" }),
  E({ key: "guanxu", nameZh: "深圳市冠旭电子股份有限公司", nameEn: "Guanxu Electronics Co., Ltd.", country: "CN", province: "广东省", city: "深圳", size: "large", ownership: "private", description: "智能声学产品制造商。", owner: "sun.li", team: "electronics", nodes: ["electronics.component"], createdOn: "2023-05-12" }),
  E({ key: "huawei", nameZh: "华为技术有限公司", nameEn: "Huawei Technologies Co., Ltd.", country: "CN", province: "广东省", city: "深圳", size: "giant", ownership: "private", website: "https://www.huawei.com", description: "松山湖为其全球最大研发基地。", owner: "sun.li", team: "electronics", nodes: ["electronics.comms", "electronics.semiconductor"], createdOn: "2020-12-15" }),
  E({ key: "mindray", nameZh: "深圳迈瑞生物医疗电子股份有限公司", nameEn: "Shenzhen Mindray Bio-Medical Electronics Co., Ltd.", country: "CN", province: "广东省", city: "深圳", size: "giant", ownership: "private", website: "https://www.mindray.com", owner: "zhou.qiang", team: "electronics", nodes: ["bio.device"], createdOn: "2020-12-15" }),
  E({ key: "pingan", nameZh: "中国平安保险（集团）股份有限公司", nameEn: "Ping An Insurance (Group) Company of China, Ltd.", country: "CN", province: "广东省", city: "深圳", size: "giant", ownership: "other", website: "https://www.pingan.com", description: "总部位于平安金融中心。", owner: "admin", team: null, nodes: [], createdOn: "2020-12-15" }),
  E({ key: "wtl", nameEn: "WTL International Limited", country: "CN", province: "广东省", city: "深圳", size: "small", ownership: "private", description: "投资新能源项目，经营可循环快递箱、快递袋、环保餐具（Circler 品牌）。", owner: "staff2", team: "storage", nodes: ["storage.integration"], createdOn: "2023-11-28" }),
  E({ key: "pengxin", nameZh: "深圳市鹏芯半导体有限公司", nameEn: "Shenzhen Pengxin Semiconductor Co., Ltd.", creditCode: "91440300MA5F8RT21J", country: "CN", province: "广东省", city: "深圳", size: "medium", ownership: "private", description: "功率器件设计与封测（虚构企业）。", owner: "zhou.qiang", team: "electronics", nodes: ["electronics.semiconductor"], createdOn: "2025-11-18" }),
  // ── Nanjing Lishui: the European enterprises docking meeting
  E({ key: "kaiwo", nameZh: "开沃新能源汽车集团股份有限公司", nameEn: "Kaiwu New Energy Automobile Group Co., Ltd.", country: "CN", province: "江苏省", city: "南京", size: "large", ownership: "private", description: "溧水区新能源汽车龙头企业。", owner: "staff", team: "nev", nodes: ["nev.vehicle"], createdOn: "2023-11-30" }),
  E({ key: "lishui-h2", nameZh: "南京溧水氢储能源科技有限公司", nameEn: "Nanjing Lishui Hydrogen Storage Energy Technology Co., Ltd.", creditCode: "91320117MA1XQ4LN5C", country: "CN", province: "江苏省", city: "南京", size: "small", ownership: "private", description: "氢储能系统（虚构企业）。", owner: "staff2", team: "storage", nodes: ["storage.integration"], createdOn: "2023-11-30" }),
  E({ key: "lishui-parts", nameZh: "南京星庄汽车零部件有限公司", nameEn: "Nanjing Xingzhuang Auto Parts Co., Ltd.", creditCode: "91320117MA20F6T87A", country: "CN", province: "江苏省", city: "南京", size: "medium", ownership: "private", description: "轻量化车身结构件（虚构企业）。", owner: "wu.hao", team: "nev", nodes: ["nev.parts"], createdOn: "2023-11-30" }),
  E({ key: "avio", nameZh: "阿维奥公司", nameEn: "Avio S.p.A.", country: "IT", city: "Colleferro", size: "large", ownership: "foreign", website: "https://www.avio.com", description: "意大利航天推进企业，科莱费罗（2021 欧洲航天之都）。", owner: "wu.hao", team: "nev", nodes: [], createdOn: "2023-11-30" }),
  E({ key: "messe", nameZh: "斯图加特展览公司", nameEn: "Messe Stuttgart", country: "DE", city: "Stuttgart", size: "large", ownership: "state_owned", website: "https://www.messe-stuttgart.de", owner: "staff", team: "nev", nodes: [], createdOn: "2023-11-30" }),
  E({ key: "brembo", nameZh: "布雷博公司", nameEn: "Brembo S.p.A.", country: "IT", city: "Curno", size: "giant", ownership: "foreign", website: "https://www.brembo.com", description: "已在溧水落户的意大利制动系统企业。", owner: "wu.hao", team: "nev", nodes: ["nev.parts"], createdOn: "2023-11-30" }),
  E({ key: "siemens", nameZh: "西门子股份公司", nameEn: "Siemens AG", country: "DE", city: "München", size: "giant", ownership: "foreign", website: "https://www.siemens.com", owner: "zhou.qiang", team: "electronics", nodes: ["electronics.component", "storage.pcs"], createdOn: "2023-11-30" }),
  E({ key: "valeo", nameZh: "法雷奥", nameEn: "Valeo SA", country: "FR", city: "Paris", size: "giant", ownership: "foreign", website: "https://www.valeo.com", owner: "staff", team: "nev", nodes: ["nev.motor", "nev.parts"], createdOn: "2023-11-30" }),
  E({ key: "voltaria", nameEn: "Voltaria Batterie GmbH", country: "DE", city: "Ulm", size: "medium", ownership: "foreign", description: "Lithium-iron-phosphate cells for stationary storage (fictitious).", owner: "zheng.xue", team: "storage", nodes: ["storage.cell", "nev.battery"], createdOn: "2023-11-30" }),
  E({ key: "compositi", nameEn: "Compositi Avanzati S.r.l.", country: "IT", city: "Torino", size: "small", ownership: "foreign", description: "Carbon-fibre composites for automotive and aerospace (fictitious).", owner: "wu.hao", team: "nev", nodes: ["nev.parts"], createdOn: "2023-11-30" }),
  E({ key: "orbitale", nameEn: "Orbitale Propulsion SAS", country: "FR", city: "Toulouse", size: "small", ownership: "foreign", description: "Small-satellite propulsion (fictitious).", owner: "wu.hao", team: "nev", nodes: [], createdOn: "2023-11-30" }),
  E({ key: "dutchgrid", nameEn: "Dutch Grid Storage B.V.", country: "NL", city: "Eindhoven", size: "small", ownership: "foreign", description: "Grid-scale power conversion (fictitious).", owner: "zheng.xue", team: "storage", nodes: ["storage.pcs"], createdOn: "2023-11-30" }),
  // ── Wuxi forum
  E({ key: "wuxi-micro", nameZh: "无锡华芯微电子有限公司", nameEn: "Wuxi Huaxin Microelectronics Co., Ltd.", creditCode: "91320282MA1MTC9W4Y", country: "CN", province: "江苏省", city: "无锡", size: "medium", ownership: "private", description: "宜兴模拟芯片设计企业（虚构企业）。", owner: "sun.li", team: "electronics", nodes: ["electronics.semiconductor"], createdOn: "2021-12-08" }),
  E({ key: "hollanddata", nameEn: "Holland Data Partners B.V.", country: "NL", city: "Rotterdam", size: "small", ownership: "foreign", description: "Partner of the Sino-Dutch Big Data Industrial Platform (fictitious).", owner: "sun.li", team: "electronics", nodes: ["electronics.comms"], createdOn: "2021-12-08" }),
  // ── Zhaoqing local firms (fictitious)
  E({ key: "zq-battery", nameZh: "肇庆端州新能电池材料有限公司", nameEn: "Zhaoqing Duanzhou Xinneng Battery Materials Co., Ltd.", creditCode: "91441200MA51R7KX3H", country: "CN", province: "广东省", city: "肇庆", size: "medium", ownership: "private", owner: "staff", team: "nev", nodes: ["nev.battery"], createdOn: "2024-02-20" }),
  E({ key: "zq-precision", nameZh: "肇庆高要精密电子有限公司", nameEn: "Zhaoqing Gaoyao Precision Electronics Co., Ltd.", creditCode: "91441283MA52C8TW6X", country: "CN", province: "广东省", city: "肇庆", size: "medium", ownership: "joint_venture", owner: "sun.li", team: "electronics", nodes: ["electronics.component"], createdOn: "2022-08-10" }),
  E({ key: "zq-storage", nameZh: "肇庆鼎湖储能系统有限公司", nameEn: "Zhaoqing Dinghu Energy Storage Systems Co., Ltd.", creditCode: "91441203MA55H2PJ07", country: "CN", province: "广东省", city: "肇庆", size: "small", ownership: "private", owner: "staff2", team: "storage", nodes: ["storage.integration"], createdOn: "2026-03-03" }),
  E({ key: "zq-med", nameZh: "肇庆康泰医疗器械有限公司", nameEn: "Zhaoqing Kangtai Medical Devices Co., Ltd.", creditCode: "91441204MA53LK9Y75", country: "CN", province: "广东省", city: "肇庆", size: "small", ownership: "private", owner: "sun.li", team: "electronics", nodes: ["bio.device"], createdOn: "2026-11-02" }),
  // ── Other foreign leads (fictitious)
  E({ key: "kansai-motor", nameZh: "关西精密电机株式会社", nameEn: "Kansai Precision Motor Co., Ltd.", country: "JP", city: "Osaka", size: "large", ownership: "foreign", owner: "manager", team: "nev", nodes: ["nev.motor"], createdOn: "2024-06-05" }),
  E({ key: "albion", nameEn: "Albion Power Electronics Ltd.", country: "GB", city: "Bristol", size: "medium", ownership: "foreign", owner: "zheng.xue", team: "storage", nodes: ["storage.pcs"], createdOn: "2024-10-11" }),
  E({ key: "gangtong", nameZh: "港通新能源投资有限公司", nameEn: "Gangtong New Energy Investment Ltd.", country: "HK", city: "Hong Kong", size: "small", ownership: "foreign", description: "香港投资平台，关注储能电站（虚构企业）。", owner: "staff2", team: "storage", nodes: ["storage.integration"], createdOn: "2025-07-14" }),
];

export interface ContactSeed {
  key: string;
  enterprise: string;
  name: string;
  title: string;
  phone?: string;
  email?: string;
  wechat?: string;
  language: string;
  notes?: string;
}

export const CONTACTS: ContactSeed[] = [
  { key: "byd.lin", enterprise: "byd", name: "林志强", title: "投资发展部总经理", phone: "138-0000-0001", email: "lin.zhiqiang@byd.example", wechat: "lzq_demo01", language: "zh-CN" },
  { key: "byd.huang", enterprise: "byd", name: "黄晓梅", title: "政府事务总监", phone: "138-0000-0002", email: "huang.xiaomei@byd.example", language: "zh-CN" },
  { key: "byd.he", enterprise: "byd", name: "何俊", title: "电池事业部基建经理", phone: "138-0000-0003", language: "zh-CN" },
  { key: "szenergy.xu", enterprise: "szenergy", name: "许文杰", title: "战略投资部副总经理", phone: "138-0000-0004", email: "xu.wenjie@szenergy.example", language: "zh-CN" },
  { key: "szenergy.deng", enterprise: "szenergy", name: "邓丽华", title: "储能项目经理", phone: "138-0000-0005", wechat: "dlh_demo05", language: "zh-CN" },
  { key: "haoneng.qian", enterprise: "haoneng", name: "钱海峰", title: "董事长", phone: "138-0000-0006", language: "zh-CN" },
  { key: "haoneng.ma", enterprise: "haoneng", name: "马静", title: "行政总监", phone: "138-0000-0007", email: "ma.jing@haoneng.example", language: "zh-CN" },
  { key: "guanxu.cai", enterprise: "guanxu", name: "蔡永明", title: "副总裁", phone: "138-0000-0008", email: "cai.yongming@guanxu.example", language: "zh-CN" },
  { key: "huawei.ye", enterprise: "huawei", name: "叶晨", title: "政府关系经理", phone: "138-0000-0009", email: "ye.chen@huawei.example", language: "zh-CN" },
  { key: "huawei.miller", enterprise: "huawei", name: "Daniel Miller", title: "Senior Manager, International Cooperation", email: "d.miller@huawei.example", language: "en" },
  { key: "mindray.tang", enterprise: "mindray", name: "唐伟", title: "供应链管理部总监", phone: "138-0000-0010", language: "zh-CN" },
  { key: "pingan.guo", enterprise: "pingan", name: "郭颖", title: "智慧城市事业部经理", phone: "138-0000-0011", language: "zh-CN" },
  { key: "wtl.wu", enterprise: "wtl", name: "Wu Juanli", title: "General Manager", phone: "138-0000-0012", language: "zh-CN", notes: "出席 2023 深圳感知未来产业对接交流会。" },
  { key: "pengxin.fang", enterprise: "pengxin", name: "方浩", title: "总经理", phone: "138-0000-0013", wechat: "fanghao_demo13", language: "zh-CN" },
  { key: "kaiwo.shen", enterprise: "kaiwo", name: "沈国栋", title: "战略合作部部长", phone: "138-0000-0014", email: "shen.guodong@kaiwo.example", language: "zh-CN" },
  { key: "kaiwo.lu", enterprise: "kaiwo", name: "陆佳", title: "海外市场经理", phone: "138-0000-0015", language: "en" },
  { key: "lishui-h2.yu", enterprise: "lishui-h2", name: "于斌", title: "总经理", phone: "138-0000-0016", language: "zh-CN" },
  { key: "avio.bellini", enterprise: "avio", name: "Marco Bellini", title: "Business Development Manager, Asia", phone: "+39 06 0000 0001", email: "m.bellini@avio.example", language: "it" },
  { key: "messe.song", enterprise: "messe", name: "Hans Song", title: "Executive President, Messe Stuttgart Asia", phone: "+49 711 0000 0001", language: "de", notes: "出席 2023 年溧水欧洲企业产业对接会。" },
  { key: "brembo.rossi", enterprise: "brembo", name: "Giulia Rossi", title: "Plant Manager, Nanjing", phone: "138-0000-0017", email: "g.rossi@brembo.example", language: "it" },
  { key: "brembo.zhu", enterprise: "brembo", name: "朱文", title: "财务经理", phone: "138-0000-0018", language: "zh-CN" },
  { key: "siemens.weber", enterprise: "siemens", name: "Katrin Weber", title: "Head of Business Development, Greater China", email: "k.weber@siemens.example", language: "de" },
  { key: "valeo.martin", enterprise: "valeo", name: "Julien Martin", title: "Director, Powertrain Systems China", email: "j.martin@valeo.example", language: "fr" },
  { key: "voltaria.schmidt", enterprise: "voltaria", name: "Lukas Schmidt", title: "CEO", phone: "+49 731 0000 0001", email: "l.schmidt@voltaria.example", language: "de" },
  { key: "voltaria.zhang", enterprise: "voltaria", name: "张琳", title: "China Representative", phone: "138-0000-0019", wechat: "zhanglin_demo19", language: "zh-CN" },
  { key: "dutchgrid.devries", enterprise: "dutchgrid", name: "Pieter de Vries", title: "Managing Director", email: "p.devries@dutchgrid.example", language: "en" },
  { key: "hollanddata.jansen", enterprise: "hollanddata", name: "Eva Jansen", title: "Partner", email: "e.jansen@hollanddata.example", language: "en" },
  { key: "zq-battery.liang", enterprise: "zq-battery", name: "梁志文", title: "董事长", phone: "138-0000-0020", language: "zh-CN" },
  { key: "zq-battery.pan", enterprise: "zq-battery", name: "潘敏", title: "项目经理", phone: "138-0000-0021", wechat: "panmin_demo21", language: "zh-CN" },
  { key: "zq-precision.mo", enterprise: "zq-precision", name: "莫少聪", title: "总经理", phone: "138-0000-0022", language: "zh-CN" },
  { key: "zq-storage.ou", enterprise: "zq-storage", name: "欧阳婷", title: "创始人", phone: "138-0000-0023", language: "zh-CN" },
  { key: "kansai.tanaka", enterprise: "kansai-motor", name: "田中 健", title: "China Business Director", email: "k.tanaka@kansai-motor.example", language: "ja" },
  { key: "albion.clarke", enterprise: "albion", name: "Oliver Clarke", title: "VP Operations", email: "o.clarke@albion.example", language: "en" },
];

export interface EventSeed {
  key: string;
  kind: "docking" | "forum" | "expo" | "conference" | "roadshow" | "signing";
  nameZh?: string;
  nameEn?: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue: string;
  host: string;
  description?: string;
  owner: UserKey;
  team: TeamCode | null;
  participants: { enterprise: string; role: ParticipantRole; note?: string }[];
}

export const EVENTS: EventSeed[] = [
  {
    key: "shenzhen-2023", kind: "conference", startsOn: "2023-11-28", endsOn: "2023-11-28", city: "深圳",
    nameZh: "2023深圳感知未来产业对接交流会", nameEn: "2023 Shenzhen Perception of Future Industry Connection and Exchange Conference",
    venue: "福田香格里拉大酒店三楼香格里拉厅 / Futian Shangri-La, Shenzhen",
    host: "外交部外事管理司、深圳市人民政府外事办公室 / Foreign Affairs Office of the Shenzhen Municipal People's Government",
    description: "十余国驻华使节与 40 余家企业参加；聚焦大湾区“深圳优势”、新能源汽车、智慧交通与新能源合作项目。",
    owner: "staff2", team: "storage",
    participants: [
      { enterprise: "wtl", role: "attendee", note: "总经理 Wu Juanli 应邀出席" },
      { enterprise: "byd", role: "attendee" },
      { enterprise: "szenergy", role: "attendee" },
      { enterprise: "haoneng", role: "attendee" },
    ],
  },
  {
    key: "lishui-2023", kind: "docking", startsOn: "2023-11-30", endsOn: "2023-11-30", city: "南京溧水",
    nameZh: "“聚‘溧’同行·‘智’创未来”欧洲企业溧水产业对接会", nameEn: "European Enterprises Lishui Industrial Docking Meeting",
    venue: "星庄科技产业园 / Xingzhuang Science and Technology Industrial Park",
    host: "南京市溧水区人民政府 / Lishui District People's Government, Nanjing",
    description: "2023 世界智能制造大会溧水专场活动：区内 36 家企业与 22 家欧洲企业深度对接。",
    owner: "staff", team: "nev",
    participants: [
      { enterprise: "kaiwo", role: "local", note: "作企业推介发言" },
      { enterprise: "lishui-h2", role: "local" },
      { enterprise: "lishui-parts", role: "local" },
      { enterprise: "brembo", role: "local", note: "已落户溧水的欧洲企业" },
      { enterprise: "siemens", role: "local", note: "已落户溧水的欧洲企业" },
      { enterprise: "valeo", role: "local", note: "已落户溧水的欧洲企业" },
      { enterprise: "avio", role: "foreign", note: "作企业推介发言" },
      { enterprise: "messe", role: "foreign", note: "Hans Song, Executive President of Messe Stuttgart Asia" },
      { enterprise: "voltaria", role: "foreign" },
      { enterprise: "compositi", role: "foreign" },
      { enterprise: "orbitale", role: "foreign" },
      { enterprise: "dutchgrid", role: "foreign" },
    ],
  },
  {
    key: "wuxi-2021", kind: "forum", startsOn: "2021-12-08", endsOn: "2021-12-08", city: "无锡宜兴",
    nameZh: "第十届无锡国际友好城市论坛暨2021无锡国际产业合作大会",
    nameEn: "10th Wuxi International Sister Cities Forum and 2021 Wuxi International Industrial Cooperation Conference",
    venue: "宜兴 / Yixing", host: "无锡市人民政府外事办公室 / Foreign Affairs Office of Wuxi",
    description: "近 30 国约 100 位嘉宾；发布“中荷大数据产业平台”等国际产业合作平台。",
    owner: "sun.li", team: "electronics",
    participants: [
      { enterprise: "hollanddata", role: "speaker", note: "中荷大数据产业平台发布" },
      { enterprise: "wuxi-micro", role: "local" },
      { enterprise: "siemens", role: "attendee" },
    ],
  },
  {
    key: "signing-2023", kind: "signing", startsOn: "2023-11-08", endsOn: "2023-11-08", city: "深圳",
    nameZh: "2023肇庆（深圳）新能源产业招商推介暨项目签约会", nameEn: "2023 Zhaoqing New Energy Investment Promotion and Signing Ceremony (Shenzhen)",
    venue: "深圳会展中心 / Shenzhen Convention & Exhibition Center", host: "肇庆市人民政府 / Zhaoqing Municipal People's Government",
    owner: "manager", team: "nev",
    participants: [
      { enterprise: "byd", role: "attendee", note: "动力电池基地二期现场签约" },
      { enterprise: "szenergy", role: "attendee" },
      { enterprise: "zq-precision", role: "local" },
    ],
  },
];

export interface StopSeed {
  at: string;
  /** The zone of the place when it is not the bureau's (Asia/Shanghai). */
  timeZone?: string;
  place: string;
  contactName?: string;
  contactPhone?: string;
  enterprise?: string;
  note?: string;
  status: "planned" | "done" | "cancelled";
  visit?: string;
}
export interface DelegationSeed {
  key: string;
  direction: "inbound" | "outbound";
  name: string;
  leaderName: string;
  leaderTitle: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
  owner: UserKey;
  team: TeamCode | null;
  members: { user?: UserKey; name?: string; organisation?: string; title?: string }[];
  enterprises: { enterprise: string; role: string }[];
  stops: StopSeed[];
}

export const DELEGATIONS: DelegationSeed[] = [
  {
    key: "zhaoqing-shenzhen-2023", direction: "outbound",
    name: "肇庆市长徐晓雄率队赴深圳招商考察 / Mayor Xu Xiaoxiong's investment inspection in Shenzhen",
    leaderName: "徐晓雄", leaderTitle: "市长", destination: "深圳", startsOn: "2023-05-22", endsOn: "2023-05-24",
    purpose: "围绕新能源汽车及汽车零部件、新型储能、电子信息等重点产业链开展招商考察，对接项目、深化合作共识。",
    owner: "manager", team: "nev",
    members: [
      { user: "manager", title: "新能源汽车招商组组长" },
      { user: "staff2", title: "招商专员" },
      { name: "徐晓雄", organisation: "肇庆市人民政府", title: "市长" },
      { name: "关伟", organisation: "肇庆市人民政府", title: "副市长" },
      { name: "黄建国", organisation: "肇庆高新区管委会", title: "副主任" },
    ],
    enterprises: [
      { enterprise: "szenergy", role: "visited" }, { enterprise: "byd", role: "visited" },
      { enterprise: "haoneng", role: "visited" }, { enterprise: "guanxu", role: "visited" },
    ],
    stops: [
      { at: "2023-05-22T15:00:00+08:00", place: "深圳能源大厦", enterprise: "szenergy", status: "done", visit: "zq-szenergy" },
      { at: "2023-05-23T09:30:00+08:00", place: "比亚迪坪山总部", enterprise: "byd", status: "done", visit: "zq-byd" },
      { at: "2023-05-23T15:00:00+08:00", place: "昊能科技", enterprise: "haoneng", status: "done", visit: "zq-haoneng" },
      { at: "2023-05-24T10:00:00+08:00", place: "冠旭电子", enterprise: "guanxu", status: "done", visit: "zq-guanxu" },
    ],
  },
  {
    key: "envoys-shenzhen-2020", direction: "inbound",
    name: "外交部组织驻华使节团访问深圳 / Envoys' delegation to Shenzhen organised by the Ministry of Foreign Affairs",
    leaderName: "吴江浩", leaderTitle: "外交部部长助理 / Assistant Foreign Minister", destination: "深圳",
    startsOn: "2020-12-19", endsOn: "2020-12-22",
    purpose: "23 位驻华使节考察深圳经济特区建立 40 周年发展成就，交流科技、产业、医疗等领域合作。",
    owner: "zhou.qiang", team: "electronics",
    members: [
      { name: "吴江浩", organisation: "外交部", title: "部长助理" },
      { name: "驻华使节团（23 位使节）", organisation: "各国驻华使馆" },
      { user: "zhou.qiang", title: "陪同" },
    ],
    enterprises: [
      { enterprise: "huawei", role: "visited" }, { enterprise: "byd", role: "visited" },
      { enterprise: "mindray", role: "visited" }, { enterprise: "pingan", role: "visited" },
    ],
    stops: [
      { at: "2020-12-19T15:00:00+08:00", place: "前海国际会议中心：深圳经济特区建立 40 周年成就展", status: "done" },
      { at: "2020-12-20T10:00:00+08:00", place: "华为松山湖基地", enterprise: "huawei", note: "与华为外籍高管座谈 5G 时代", status: "done" },
      { at: "2020-12-20T16:00:00+08:00", place: "平安金融中心", enterprise: "pingan", note: "了解智慧城市云平台", status: "done" },
      { at: "2020-12-21T10:00:00+08:00", place: "比亚迪", enterprise: "byd", note: "试乘新能源汽车和双层电动巴士", status: "done" },
      { at: "2020-12-21T15:00:00+08:00", place: "迈瑞医疗", enterprise: "mindray", note: "座谈抗疫贡献", status: "done" },
    ],
  },
  {
    key: "germany-2026", direction: "outbound",
    name: "赴德国斯图加特、慕尼黑招商推介 / Investment promotion mission to Stuttgart and Munich",
    leaderName: "张伟", leaderTitle: "新能源汽车招商组组长", destination: "Stuttgart, München",
    startsOn: "2026-12-08", endsOn: "2026-12-10",
    purpose: "拜访汽车零部件、储能企业，举办慕尼黑投资推介会。",
    owner: "manager", team: "nev",
    members: [
      { user: "manager", title: "团长" }, { user: "staff", title: "招商专员" }, { user: "zheng.xue", title: "招商专员" },
      { name: "Hans Song", organisation: "Messe Stuttgart Asia", title: "协调人" },
    ],
    enterprises: [
      { enterprise: "messe", role: "planned" }, { enterprise: "voltaria", role: "planned" }, { enterprise: "siemens", role: "planned" },
    ],
    stops: [
      { at: "2026-12-08T10:00:00+01:00", timeZone: "Europe/Berlin", place: "Messe Stuttgart", enterprise: "messe", contactName: "Hans Song", contactPhone: "+49 711 1858 2000", status: "planned" },
      { at: "2026-12-08T16:00:00+01:00", timeZone: "Europe/Berlin", place: "Voltaria Batterie GmbH, Ulm", enterprise: "voltaria", contactName: "Katrin Weber", contactPhone: "+49 731 1234 560", status: "planned" },
      { at: "2026-12-09T10:00:00+01:00", timeZone: "Europe/Berlin", place: "Siemens AG, München", enterprise: "siemens", contactName: "Dr. Martin Lehmann", contactPhone: "+49 89 3803 0", status: "planned" },
      { at: "2026-12-10T14:00:00+01:00", timeZone: "Europe/Berlin", place: "慕尼黑投资推介会 / Munich investment roadshow", note: "约 40 家企业报名", contactName: "Hans Song", contactPhone: "+49 711 1858 2000", status: "planned" },
    ],
  },
];

export interface VisitSeed {
  key: string;
  enterprise: string;
  at: string;
  place: string;
  summary: string;
  outcome: string;
  owner: UserKey;
  team: TeamCode | null;
  delegation?: string;
  event?: string;
  ours: UserKey[];
  oursNames?: string[];
  theirs: string[];
}

export const VISITS: VisitSeed[] = [
  { key: "zq-szenergy", enterprise: "szenergy", at: "2023-05-22T15:00:00+08:00", place: "深圳能源大厦", delegation: "zhaoqing-shenzhen-2023", owner: "manager2", team: "storage", ours: ["manager", "staff2"], oursNames: ["徐晓雄（市长）", "关伟（副市长）"], theirs: ["szenergy.xu", "szenergy.deng"], summary: "了解集团储能电站布局与投资计划，介绍肇庆电网接入与用地条件。", outcome: "企业同意派团赴肇庆踏勘储能电站选址。" },
  { key: "zq-byd", enterprise: "byd", at: "2023-05-23T09:30:00+08:00", place: "比亚迪坪山总部", delegation: "zhaoqing-shenzhen-2023", owner: "manager", team: "nev", ours: ["manager", "staff2"], oursNames: ["徐晓雄（市长）"], theirs: ["byd.lin", "byd.huang"], summary: "座谈动力电池产能规划，企业介绍刀片电池技术与扩产需求。", outcome: "形成动力电池基地二期合作意向，约定六月内提交项目方案。" },
  { key: "zq-haoneng", enterprise: "haoneng", at: "2023-05-23T15:00:00+08:00", place: "昊能科技", delegation: "zhaoqing-shenzhen-2023", owner: "staff2", team: "storage", ours: ["manager", "staff2"], oursNames: ["徐晓雄（市长）"], theirs: ["haoneng.qian"], summary: "考察储能变流器产线，企业计划新建生产基地。", outcome: "企业有意在肇庆高新区建设生产基地，待实地考察。" },
  { key: "zq-guanxu", enterprise: "guanxu", at: "2023-05-24T10:00:00+08:00", place: "冠旭电子", delegation: "zhaoqing-shenzhen-2023", owner: "sun.li", team: "electronics", ours: ["manager", "staff2"], oursNames: ["徐晓雄（市长）", "关伟（副市长）"], theirs: ["guanxu.cai"], summary: "了解智能声学产品产能与供应链外迁需求。", outcome: "企业将评估在肇庆设立制造基地，保持联系。" },
  { key: "wtl-shenzhen", enterprise: "wtl", at: "2023-11-28T16:30:00+08:00", place: "福田香格里拉大酒店", event: "shenzhen-2023", owner: "staff2", team: "storage", ours: ["staff2"], theirs: ["wtl.wu"], summary: "会间交流，企业介绍新能源项目投资与 Circler 环保产品。", outcome: "交换联系方式，寄送肇庆储能产业政策。" },
  { key: "lishui-avio", enterprise: "avio", at: "2023-11-30T11:00:00+08:00", place: "星庄科技产业园", event: "lishui-2023", owner: "wu.hao", team: "nev", ours: ["wu.hao", "staff"], theirs: ["avio.bellini"], summary: "对接会后洽谈，企业介绍航天推进与复合材料技术。", outcome: "企业对复合材料民用化合作有兴趣，暂无明确投资计划。" },
  { key: "lishui-kaiwo", enterprise: "kaiwo", at: "2023-11-30T14:00:00+08:00", place: "星庄科技产业园", event: "lishui-2023", owner: "staff", team: "nev", ours: ["staff"], theirs: ["kaiwo.shen"], summary: "交流新能源商用车零部件本地配套需求。", outcome: "企业愿意就零部件配套项目进一步洽谈。" },
  { key: "byd-2024-01", enterprise: "byd", at: "2024-01-16T10:00:00+08:00", place: "比亚迪坪山总部", owner: "manager", team: "nev", ours: ["manager", "staff"], theirs: ["byd.lin", "byd.he"], summary: "签约后对接项目公司注册与供地进度。", outcome: "确定三月底前完成土地出让，年中开工。" },
  { key: "huawei-2025-06", enterprise: "huawei", at: "2025-06-10T14:00:00+08:00", place: "华为松山湖基地", owner: "sun.li", team: "electronics", ours: ["sun.li", "zhou.qiang"], theirs: ["huawei.ye", "huawei.miller"], summary: "介绍肇庆数据中心与绿电资源，探讨数字能源创新中心落地。", outcome: "企业同意组织团队赴肇庆考察。" },
  { key: "mindray-2025-08", enterprise: "mindray", at: "2025-08-12T10:00:00+08:00", place: "迈瑞医疗总部", owner: "zhou.qiang", team: "electronics", ours: ["zhou.qiang"], theirs: ["mindray.tang"], summary: "洽谈零部件供应商集聚园区方案。", outcome: "企业暂缓新增投资，年内不作决策。" },
  { key: "voltaria-2026-09", enterprise: "voltaria", at: "2026-09-20T09:30:00+08:00", place: "肇庆高新区", owner: "zheng.xue", team: "storage", ours: ["zheng.xue", "manager2"], theirs: ["voltaria.schmidt", "voltaria.zhang"], summary: "企业来肇庆实地考察两处备选地块及配套电网。", outcome: "企业倾向大旺片区地块，需提供土地价格与电价测算。" },
  { key: "brembo-2026-10", enterprise: "brembo", at: "2026-10-15T10:00:00+08:00", place: "布雷博南京工厂", owner: "wu.hao", team: "nev", ours: ["wu.hao", "manager"], theirs: ["brembo.rossi", "brembo.zhu"], summary: "签约后跟进项目公司注册与资本金到位计划。", outcome: "项目公司营业执照已于十一月初取得。" },
  { key: "zq-battery-2026-11", enterprise: "zq-battery", at: "2026-11-05T09:00:00+08:00", place: "肇庆端州新能电池材料有限公司施工现场", owner: "staff", team: "nev", ours: ["staff", "manager"], theirs: ["zq-battery.liang", "zq-battery.pan"], summary: "现场查看厂房施工进度，主体工程因设备到货延迟滞后约两个月。", outcome: "企业承诺年底前完成主体封顶，协调供电接入。" },
  { key: "pengxin-2026-11", enterprise: "pengxin", at: "2026-11-12T14:30:00+08:00", place: "深圳市鹏芯半导体有限公司", owner: "zhou.qiang", team: "electronics", ours: ["zhou.qiang", "sun.li"], theirs: ["pengxin.fang"], summary: "签约后对接项目公司注册、环评与设备采购计划。", outcome: "企业将于十二月提交注册材料。" },
];

export interface ProjectSeed {
  key: string;
  enterprise: string;
  name: string;
  node: string | null;
  stage: Stage;
  status: "active" | "delayed" | "dormant" | "lost";
  lostReason?: string;
  amount: string;
  currency?: string;
  jobs?: number;
  landMu?: string;
  owner: UserKey;
  team: TeamCode;
  confidential?: boolean;
  sourceEvent?: string;
  sourceDelegation?: string;
  agreedStartMonths?: number;
  description?: string;
  /** The day the project entered lead, negotiating, … up to its current stage. */
  history: string[];
  /** A staff request awaiting a manager's verification. */
  pending?: { to: Stage; on: string; by: UserKey; reason: string };
  tranches?: { on: string; amount: string; note?: string }[];
}

export const PROJECTS: ProjectSeed[] = [
  { key: "byd-battery", enterprise: "byd", name: "比亚迪肇庆动力电池基地二期", node: "nev.battery", stage: "production", status: "active", amount: "2000000000.00", jobs: 3000, landMu: "800.00", owner: "manager", team: "nev", sourceDelegation: "zhaoqing-shenzhen-2023", agreedStartMonths: 12,
    history: ["2023-05-23", "2023-06-20", "2023-07-18", "2023-09-12", "2023-11-08", "2023-12-20", "2024-03-15", "2024-06-18", "2025-09-28"],
    tranches: [{ on: "2024-01-15", amount: "300000000.00", note: "注册资本金" }, { on: "2024-07-10", amount: "500000000.00" }, { on: "2025-03-20", amount: "600000000.00" }] },
  { key: "szenergy-storage", enterprise: "szenergy", name: "深能肇庆新型储能电站", node: "storage.integration", stage: "construction", status: "active", amount: "1200000000.00", jobs: 150, landMu: "120.00", owner: "manager2", team: "storage", sourceDelegation: "zhaoqing-shenzhen-2023", agreedStartMonths: 12,
    history: ["2023-05-22", "2023-07-05", "2023-08-22", "2023-12-05", "2024-04-16", "2024-06-03", "2024-10-25", "2025-05-12"],
    tranches: [{ on: "2024-07-01", amount: "200000000.00" }, { on: "2025-06-30", amount: "350000000.00" }] },
  { key: "haoneng-pcs", enterprise: "haoneng", name: "昊能科技储能变流器生产基地", node: "storage.pcs", stage: "registered", status: "delayed", amount: "450000000.00", jobs: 600, landMu: "80.00", owner: "staff2", team: "storage", sourceDelegation: "zhaoqing-shenzhen-2023", agreedStartMonths: 12,
    description: "2024 年 3 月签约，约定 12 个月内开工；用地指标未落实，至今未开工。",
    history: ["2023-05-23", "2023-08-10", "2023-10-19", "2024-01-09", "2024-03-18", "2024-05-27"],
    tranches: [{ on: "2024-08-15", amount: "30000000.00", note: "注册资本金首期到位" }] },
  { key: "guanxu-audio", enterprise: "guanxu", name: "冠旭电子智能声学产品制造项目", node: "electronics.component", stage: "intent", status: "active", amount: "300000000.00", jobs: 800, landMu: "60.00", owner: "sun.li", team: "electronics", sourceDelegation: "zhaoqing-shenzhen-2023",
    history: ["2023-05-24", "2023-09-14", "2024-04-23", "2026-06-30"] },
  { key: "kaiwo-parts", enterprise: "kaiwo", name: "开沃新能源商用车零部件配套项目", node: "nev.vehicle", stage: "negotiating", status: "active", amount: "800000000.00", jobs: 500, owner: "staff", team: "nev", sourceEvent: "lishui-2023",
    history: ["2023-11-30", "2024-05-16"] },
  { key: "avio-composites", enterprise: "avio", name: "Avio 航天复合材料技术合作", node: null, stage: "lead", status: "dormant", amount: "30000000.00", currency: "EUR", owner: "wu.hao", team: "nev", sourceEvent: "lishui-2023",
    history: ["2023-11-30"] },
  { key: "voltaria-cells", enterprise: "voltaria", name: "Voltaria 储能电芯合资工厂", node: "storage.cell", stage: "site_visit", status: "active", amount: "80000000.00", currency: "EUR", jobs: 400, landMu: "150.00", owner: "zheng.xue", team: "storage", sourceEvent: "lishui-2023",
    history: ["2023-11-30", "2024-09-12", "2026-09-20"] },
  { key: "brembo-brakes", enterprise: "brembo", name: "布雷博新能源汽车制动系统扩产项目", node: "nev.parts", stage: "signed", status: "active", amount: "600000000.00", jobs: 350, landMu: "90.00", owner: "wu.hao", team: "nev", sourceEvent: "lishui-2023", agreedStartMonths: 9,
    history: ["2023-11-30", "2024-04-10", "2025-06-18", "2026-03-26", "2026-09-15"],
    pending: { to: "registered", on: "2026-11-18", by: "wu.hao", reason: "项目公司已取得营业执照，申请确认注册节点。" } },
  { key: "valeo-edrive", enterprise: "valeo", name: "法雷奥电驱动系统项目", node: "nev.motor", stage: "negotiating", status: "lost", lostReason: "企业总部决定将产能集中至既有基地，不再新设工厂。", amount: "1000000000.00", owner: "staff", team: "nev", sourceEvent: "lishui-2023",
    history: ["2023-11-30", "2024-02-28"] },
  { key: "huawei-energy", enterprise: "huawei", name: "华为（肇庆）数字能源创新中心", node: "electronics.comms", stage: "site_visit", status: "active", amount: "500000000.00", jobs: 200, owner: "sun.li", team: "electronics",
    history: ["2025-03-06", "2025-06-10", "2026-07-22"] },
  { key: "mindray-park", enterprise: "mindray", name: "迈瑞医疗器械零部件配套产业园", node: "bio.device", stage: "negotiating", status: "dormant", amount: "350000000.00", owner: "zhou.qiang", team: "electronics",
    history: ["2025-04-15", "2025-08-12"] },
  { key: "zq-cathode", enterprise: "zq-battery", name: "新能电池正极材料扩产项目", node: "nev.battery", stage: "construction", status: "delayed", amount: "650000000.00", jobs: 420, landMu: "110.00", owner: "staff", team: "nev", agreedStartMonths: 12,
    history: ["2024-02-20", "2024-03-28", "2024-05-09", "2024-07-30", "2024-10-15", "2024-11-26", "2025-04-18", "2025-10-09"],
    tranches: [{ on: "2025-01-20", amount: "80000000.00" }, { on: "2025-11-05", amount: "120000000.00" }] },
  { key: "zq-home-storage", enterprise: "zq-storage", name: "户用储能系统产线项目（保密）", node: "storage.integration", stage: "intent", status: "active", amount: "220000000.00", jobs: 180, landMu: "35.00", owner: "staff2", team: "storage", confidential: true,
    description: "企业拟从邻市迁入，谈判期间保密。",
    history: ["2026-03-03", "2026-05-19", "2026-08-07", "2026-10-28"] },
  { key: "zq-connectors", enterprise: "zq-precision", name: "精密连接器智能制造项目", node: "electronics.component", stage: "production", status: "active", amount: "180000000.00", jobs: 260, landMu: "40.00", owner: "sun.li", team: "electronics", agreedStartMonths: 6,
    history: ["2022-08-10", "2022-09-20", "2022-11-03", "2023-01-12", "2023-03-08", "2023-04-20", "2023-07-14", "2023-10-10", "2024-12-18"],
    tranches: [{ on: "2023-06-01", amount: "50000000.00" }, { on: "2024-05-15", amount: "90000000.00" }] },
  { key: "pengxin-power", enterprise: "pengxin", name: "功率半导体封装测试项目", node: "electronics.semiconductor", stage: "signed", status: "active", amount: "900000000.00", jobs: 700, landMu: "100.00", owner: "zhou.qiang", team: "electronics", agreedStartMonths: 6,
    history: ["2025-11-20", "2026-01-15", "2026-04-09", "2026-07-01", "2026-10-20"] },
  { key: "dutchgrid-rd", enterprise: "dutchgrid", name: "储能变流器研发中心", node: "storage.pcs", stage: "lead", status: "active", amount: "15000000.00", currency: "USD", jobs: 60, owner: "zheng.xue", team: "storage",
    history: ["2026-09-25"] },
  { key: "kansai-motor", enterprise: "kansai-motor", name: "关西精密驱动电机生产基地", node: "nev.motor", stage: "land", status: "active", amount: "50000000.00", currency: "USD", jobs: 300, landMu: "70.00", owner: "manager", team: "nev", agreedStartMonths: 24,
    history: ["2024-06-05", "2024-08-21", "2024-10-30", "2025-01-14", "2025-04-02", "2025-06-24", "2026-02-10"],
    tranches: [{ on: "2025-09-30", amount: "10000000.00", note: "外方股东首期出资" }] },
  { key: "albion-modules", enterprise: "albion", name: "储能功率模块项目", node: "storage.pcs", stage: "site_visit", status: "lost", lostReason: "母公司战略调整，暂停亚洲新增投资。", amount: "260000000.00", owner: "zheng.xue", team: "storage",
    history: ["2024-10-11", "2025-01-22", "2025-05-08"] },
  { key: "lishui-h2-demo", enterprise: "lishui-h2", name: "氢储能示范项目", node: "storage.integration", stage: "negotiating", status: "active", amount: "400000000.00", jobs: 120, owner: "staff2", team: "storage", sourceEvent: "lishui-2023",
    history: ["2023-11-30", "2026-06-18"] },
  { key: "gangtong-station", enterprise: "gangtong", name: "港通独立储能电站", node: "storage.integration", stage: "intent", status: "delayed", amount: "600000000.00", currency: "HKD", owner: "zheng.xue", team: "storage",
    history: ["2025-07-14", "2025-09-02", "2025-12-10", "2026-04-21"] },
  { key: "zq-med-consumables", enterprise: "zq-med", name: "医用耗材生产项目", node: "bio.device", stage: "lead", status: "active", amount: "120000000.00", jobs: 150, owner: "sun.li", team: "electronics",
    history: ["2026-11-02"] },
];

/** Default reason for entering each stage. */
export const STAGE_REASONS: Record<Stage, string> = {
  lead: "登记为招商线索。",
  negotiating: "企业确认投资意向，进入洽谈。",
  site_visit: "企业赴我市实地考察选址。",
  intent: "双方签署投资意向书（MoU）。",
  signed: "正式签订投资协议。",
  registered: "项目公司完成工商注册。",
  land: "签订国有建设用地使用权出让合同。",
  construction: "项目举行开工仪式，主体工程动工。",
  production: "项目竣工投产。",
};
/** What the verifying manager checked. */
export const VERIFICATION_NOTES: Partial<Record<Stage, string>> = {
  registered: "已核验营业执照。",
  land: "已核验土地出让合同及缴款凭证。",
  construction: "已核验施工许可证及开工现场照片。",
  production: "已核验投产现场照片及首批产品出库记录。",
};

export interface FollowUpSeed {
  key: string;
  enterprise: string;
  project?: string;
  visit?: string;
  kind: FollowUpKind;
  title: string;
  assignee: UserKey;
  team: TeamCode;
  due: string;
  status: "open" | "done" | "cancelled";
  outcome?: string;
  completedAt?: string;
  createdOn: string;
}

export const FOLLOW_UPS: FollowUpSeed[] = [
  // overdue (due before 2026-11-21, still open)
  { key: "haoneng-start", enterprise: "haoneng", project: "haoneng-pcs", kind: "call", title: "电话督促昊能科技确认开工时间表", assignee: "staff2", team: "storage", due: "2026-11-10", status: "open", createdOn: "2026-10-27" },
  { key: "voltaria-pricing", enterprise: "voltaria", project: "voltaria-cells", visit: "voltaria-2026-09", kind: "materials", title: "寄送大旺片区地价与工业电价测算", assignee: "zheng.xue", team: "storage", due: "2026-11-16", status: "open", createdOn: "2026-09-21" },
  { key: "avio-reengage", enterprise: "avio", project: "avio-composites", kind: "email", title: "致函 Avio 更新复合材料合作意向", assignee: "wu.hao", team: "nev", due: "2026-11-18", status: "open", createdOn: "2026-10-30" },
  { key: "zq-battery-power", enterprise: "zq-battery", project: "zq-cathode", visit: "zq-battery-2026-11", kind: "meeting", title: "协调供电局解决施工用电接入", assignee: "manager", team: "nev", due: "2026-11-19", status: "open", createdOn: "2026-11-05" },
  // due this week (2026-11-21 … 27)
  { key: "brembo-verify", enterprise: "brembo", project: "brembo-brakes", visit: "brembo-2026-10", kind: "materials", title: "补充布雷博营业执照扫描件供注册节点核验", assignee: "wu.hao", team: "nev", due: "2026-11-23", status: "open", createdOn: "2026-11-18" },
  { key: "kaiwo-call", enterprise: "kaiwo", project: "kaiwo-parts", kind: "call", title: "与开沃确认零部件配套清单", assignee: "staff", team: "nev", due: "2026-11-24", status: "open", createdOn: "2026-11-10" },
  { key: "dutchgrid-tour", enterprise: "dutchgrid", project: "dutchgrid-rd", kind: "site_tour", title: "安排 Dutch Grid Storage 参观高新区研发楼宇", assignee: "zheng.xue", team: "storage", due: "2026-11-25", status: "open", createdOn: "2026-10-12" },
  { key: "pengxin-materials", enterprise: "pengxin", project: "pengxin-power", visit: "pengxin-2026-11", kind: "materials", title: "提供环评与能评办理指引", assignee: "sun.li", team: "electronics", due: "2026-11-26", status: "open", createdOn: "2026-11-12" },
  // later
  { key: "byd-phase3", enterprise: "byd", project: "byd-battery", kind: "meeting", title: "与比亚迪商谈三期扩产用地需求", assignee: "manager", team: "nev", due: "2026-12-15", status: "open", createdOn: "2026-11-02" },
  { key: "zq-storage-terms", enterprise: "zq-storage", project: "zq-home-storage", kind: "other", title: "起草户用储能项目投资协议条款（保密）", assignee: "staff2", team: "storage", due: "2026-12-18", status: "open", createdOn: "2026-10-29" },
  { key: "kansai-start", enterprise: "kansai-motor", project: "kansai-motor", kind: "email", title: "确认关西精密开工日期与施工单位", assignee: "staff", team: "nev", due: "2027-01-12", status: "open", createdOn: "2026-11-03" },
  // done / cancelled
  { key: "byd-proposal", enterprise: "byd", project: "byd-battery", visit: "zq-byd", kind: "materials", title: "向比亚迪提交肇庆动力电池基地二期方案", assignee: "manager", team: "nev", due: "2023-06-10", status: "done", outcome: "方案已提交，企业安排六月下旬洽谈。", completedAt: "2023-06-08T17:00:00+08:00", createdOn: "2023-05-23" },
  { key: "guanxu-call", enterprise: "guanxu", project: "guanxu-audio", visit: "zq-guanxu", kind: "call", title: "回访冠旭电子评估进展", assignee: "sun.li", team: "electronics", due: "2023-06-30", status: "done", outcome: "企业内部已立项评估，九月来访。", completedAt: "2023-06-28T11:00:00+08:00", createdOn: "2023-05-24" },
  { key: "huawei-tour", enterprise: "huawei", project: "huawei-energy", visit: "huawei-2025-06", kind: "site_tour", title: "接待华为团队考察数据中心园区", assignee: "sun.li", team: "electronics", due: "2026-07-22", status: "done", outcome: "考察顺利，企业要求提供绿电直供方案。", completedAt: "2026-07-22T18:00:00+08:00", createdOn: "2025-06-11" },
  { key: "wtl-policy", enterprise: "wtl", visit: "wtl-shenzhen", kind: "email", title: "寄送肇庆新型储能产业扶持政策", assignee: "staff2", team: "storage", due: "2023-12-08", status: "done", outcome: "已发送，企业暂无投资计划。", completedAt: "2023-12-01T10:00:00+08:00", createdOn: "2023-11-28" },
  { key: "valeo-meeting", enterprise: "valeo", project: "valeo-edrive", kind: "meeting", title: "与法雷奥中国区商谈电驱动项目选址", assignee: "staff", team: "nev", due: "2024-04-15", status: "cancelled", outcome: "企业决定不新设工厂，会议取消。", createdOn: "2024-03-01" },
];

export const TARGETS: { year: number; team: TeamCode; signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }[] = [
  { year: 2025, team: "nev", signedAmount: "4000000000.00", fundsInPlace: "1200000000.00", projectsSigned: 6, projectsStarted: 4 },
  { year: 2025, team: "storage", signedAmount: "2500000000.00", fundsInPlace: "800000000.00", projectsSigned: 5, projectsStarted: 3 },
  { year: 2025, team: "electronics", signedAmount: "2000000000.00", fundsInPlace: "600000000.00", projectsSigned: 4, projectsStarted: 2 },
  { year: 2026, team: "nev", signedAmount: "5000000000.00", fundsInPlace: "1500000000.00", projectsSigned: 8, projectsStarted: 5 },
  { year: 2026, team: "storage", signedAmount: "3000000000.00", fundsInPlace: "1000000000.00", projectsSigned: 6, projectsStarted: 4 },
  { year: 2026, team: "electronics", signedAmount: "2500000000.00", fundsInPlace: "700000000.00", projectsSigned: 5, projectsStarted: 3 },
];
