// Deterministic enterprise and contact names for the province-scale data set: Chinese companies
// ("深圳瑞博新能源科技有限公司" / "Shenzhen Ruibo New Energy Technology Co., Ltd.") and foreign
// ones with Latin names only ("Siemens Energy GmbH").

import { withCreditCodeCheck } from "@/lib/enterprises/credit-code";

/** A 32-bit PRNG (mulberry32), one stream per row, so every row is the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length]!;

export const CITIES: readonly [zh: string, en: string, province: string][] = [
  ["深圳", "Shenzhen", "广东省"], ["广州", "Guangzhou", "广东省"], ["东莞", "Dongguan", "广东省"], ["佛山", "Foshan", "广东省"],
  ["肇庆", "Zhaoqing", "广东省"], ["珠海", "Zhuhai", "广东省"], ["惠州", "Huizhou", "广东省"], ["杭州", "Hangzhou", "浙江省"],
  ["宁波", "Ningbo", "浙江省"], ["丽水", "Lishui", "浙江省"], ["温州", "Wenzhou", "浙江省"], ["苏州", "Suzhou", "江苏省"],
  ["无锡", "Wuxi", "江苏省"], ["南京", "Nanjing", "江苏省"], ["常州", "Changzhou", "江苏省"], ["合肥", "Hefei", "安徽省"],
  ["武汉", "Wuhan", "湖北省"], ["长沙", "Changsha", "湖南省"], ["成都", "Chengdu", "四川省"], ["重庆", "Chongqing", "重庆市"],
  ["西安", "Xi'an", "陕西省"], ["郑州", "Zhengzhou", "河南省"], ["济南", "Jinan", "山东省"], ["青岛", "Qingdao", "山东省"],
  ["厦门", "Xiamen", "福建省"], ["福州", "Fuzhou", "福建省"], ["上海", "Shanghai", "上海市"], ["北京", "Beijing", "北京市"],
  ["天津", "Tianjin", "天津市"], ["沈阳", "Shenyang", "辽宁省"],
];

// Characters of trade names, with their pinyin for the English name.
export const BRAND: readonly [string, string][] = [
  ["华", "hua"], ["新", "xin"], ["创", "chuang"], ["恒", "heng"], ["瑞", "rui"], ["博", "bo"], ["盛", "sheng"], ["远", "yuan"],
  ["达", "da"], ["通", "tong"], ["越", "yue"], ["宏", "hong"], ["德", "de"], ["信", "xin"], ["安", "an"], ["泰", "tai"],
  ["隆", "long"], ["明", "ming"], ["光", "guang"], ["天", "tian"], ["海", "hai"], ["峰", "feng"], ["金", "jin"], ["源", "yuan"],
  ["鑫", "xin"], ["汇", "hui"], ["嘉", "jia"], ["和", "he"], ["利", "li"], ["丰", "feng"], ["中", "zhong"], ["东", "dong"],
  ["亿", "yi"], ["万", "wan"], ["佳", "jia"], ["美", "mei"], ["康", "kang"], ["健", "jian"], ["威", "wei"], ["力", "li"],
  ["捷", "jie"], ["迅", "xun"], ["驰", "chi"], ["航", "hang"], ["宇", "yu"], ["星", "xing"], ["辰", "chen"], ["阳", "yang"],
  ["景", "jing"], ["润", "run"], ["泽", "ze"], ["卓", "zhuo"], ["智", "zhi"], ["拓", "tuo"], ["凯", "kai"], ["奥", "ao"],
  ["菲", "fei"], ["联", "lian"], ["众", "zhong"], ["邦", "bang"], ["腾", "teng"], ["云", "yun"], ["比", "bi"], ["亚", "ya"],
];

export const TRADES: readonly [string, string][] = [
  ["新能源科技", "New Energy Technology"], ["智能制造", "Intelligent Manufacturing"], ["生物医药", "Biopharmaceutical"],
  ["半导体", "Semiconductor"], ["储能技术", "Energy Storage Technology"], ["汽车零部件", "Auto Parts"],
  ["精密机械", "Precision Machinery"], ["新材料", "Advanced Materials"], ["电子", "Electronics"], ["光电", "Optoelectronics"],
  ["信息技术", "Information Technology"], ["环保科技", "Environmental Technology"], ["物流", "Logistics"],
  ["医疗器械", "Medical Devices"], ["食品", "Foods"], ["化工", "Chemicals"],
];

const FORMS: readonly [string, string][] = [
  ["有限公司", "Co., Ltd."], ["股份有限公司", "Co., Ltd."], ["集团有限公司", "Group Co., Ltd."], ["有限责任公司", "Co., Ltd."],
];

const FOREIGN_HEAD = ["Sie", "Bre", "Vol", "Mar", "Kru", "Lin", "Tor", "Alt", "Nor", "Vec", "Sol", "Pan", "Kal", "Rho", "Zen", "Ber", "Fal", "Gra", "Hel", "Ost"];
const FOREIGN_TAIL = ["mens", "mbo", "vox", "tek", "ger", "dex", "tron", "lis", "ona", "via", "mar", "sen", "dor", "tis"];
const FOREIGN_TRADE = ["Energy", "Automotive", "Systems", "Industries", "Technologies", "Components", "Materials", "Robotics"];
const FOREIGN: readonly [country: string, city: string, form: string][] = [
  ["DE", "München", "GmbH"], ["DE", "Stuttgart", "AG"], ["IT", "Milano", "S.p.A."], ["US", "Detroit", "Inc."], ["US", "San Jose", "Corp."],
  ["JP", "Nagoya", "K.K."], ["KR", "Seoul", "Co., Ltd."], ["GB", "London", "Ltd."], ["FR", "Lyon", "SAS"], ["CH", "Basel", "AG"],
];

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "军", "杰", "涛", "明", "超", "秀英", "建华", "志强", "晓东", "海燕", "丽"];
const FIRST_EN = ["Anna", "Marco", "John", "Laura", "Kenji", "Minho", "Sophie", "Lukas", "Emma", "David", "Yuki", "Paul"];
const LAST_EN = ["Müller", "Rossi", "Smith", "Tanaka", "Kim", "Dubois", "Weber", "Brown", "Suzuki", "Fischer", "Ricci", "Taylor"];
const TITLES = ["总经理", "董事长", "副总裁", "投资总监", "市场部经理", "CEO", "Managing Director", "VP Business Development"];
const SIZES = ["micro", "small", "medium", "large", "giant"] as const;
const OWNERSHIPS = ["state_owned", "private", "foreign", "joint_venture", "other"] as const;

export interface GeneratedEnterprise {
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  country: string;
  province: string | null;
  city: string;
  size: (typeof SIZES)[number];
  ownership: (typeof OWNERSHIPS)[number];
  website: string | null;
  contacts: { name: string; title: string; phone: string; email: string }[];
}

/** Enterprise number `i` (1-based): 85% Chinese, 15% foreign. */
export function enterpriseAt(i: number): GeneratedEnterprise {
  const r = rng(i * 2654435761);
  const foreign = r() < 0.15;
  const contactCount = r() < 0.35 ? 2 : 1;
  if (foreign) {
    const [country, city, form] = pick(FOREIGN, r());
    const brand = pick(FOREIGN_HEAD, r()) + pick(FOREIGN_TAIL, r());
    const nameEn = `${brand} ${pick(FOREIGN_TRADE, r())} ${form}`;
    const slug = `${brand.toLowerCase()}${i}`;
    return {
      nameZh: null, nameEn, creditCode: null, country, province: null, city,
      size: pick(SIZES, r()), ownership: "foreign", website: `https://www.${slug}.example.com`,
      contacts: Array.from({ length: contactCount }, (_, k) => ({
        name: `${pick(FIRST_EN, r())} ${pick(LAST_EN, r())}`, title: pick(TITLES, r()),
        phone: `+49 89 ${String(1_000_000 + ((i * 7 + k) % 9_000_000))}`, email: `contact${k + 1}@${slug}.example.com`,
      })),
    };
  }
  const [cityZh, cityEn, province] = pick(CITIES, r());
  const length = r() < 0.8 ? 2 : 3;
  const chars = Array.from({ length }, () => pick(BRAND, r()));
  const brandZh = chars.map(([c]) => c).join("");
  const brandEn = chars.map(([, p]) => p).join("");
  const [tradeZh, tradeEn] = pick(TRADES, r());
  const [formZh, formEn] = pick(FORMS, r());
  const nameZh = `${cityZh}${brandZh}${tradeZh}${formZh}`;
  const withEnglish = r() < 0.6;
  const region = String(110000 + Math.floor(r() * 540000)).padStart(6, "0");
  return {
    nameZh,
    nameEn: withEnglish ? `${cityEn} ${brandEn[0]!.toUpperCase()}${brandEn.slice(1)} ${tradeEn} ${formEn}` : null,
    // Unique per row: 91 + region + the row number, then the check character.
    creditCode: withCreditCodeCheck(`91${region}${String(i).padStart(9, "0")}`),
    country: "CN", province, city: cityZh,
    size: pick(SIZES, r()), ownership: pick(OWNERSHIPS.filter((o) => o !== "foreign"), r()),
    website: withEnglish ? `https://www.${brandEn}${i}.example.cn` : null,
    contacts: Array.from({ length: contactCount }, (_, k) => ({
      name: pick(SURNAMES, r()) + pick(GIVEN, r()), title: pick(TITLES, r()),
      phone: `13${String(100_000_000 + ((i * 13 + k) % 900_000_000))}`, email: `contact${k + 1}@${brandEn}${i}.example.cn`,
    })),
  };
}
