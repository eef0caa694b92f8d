import { zoneOffsetMinutes } from "@/lib/time";

// The zones an itinerary stop may be in, and which one a place is probably in. Plain data and
// plain functions: the stop form guesses the zone as the place is typed, the pages name it.

interface StopZone {
  /** IANA name, stored on the stop. */
  id: string;
  /** The short name the zone goes by in standard time and, where it has one, in daylight saving time. */
  abbr?: readonly [standard: string, summer?: string];
  /** ISO country codes whose enterprises are most likely in this zone. */
  countries?: readonly string[];
  /** City and country names (Chinese, English, local) a place naming them is in this zone. */
  places: readonly string[];
}

/** In the order the form offers them: home first, then the destinations delegations travel to most. */
const ZONES: readonly StopZone[] = [
  // Cities at home, so that typing one after stops abroad brings the zone home ("中国" alone is
  // left out: "中国驻德国大使馆" is in Germany).
  {
    id: "Asia/Shanghai",
    countries: ["CN"],
    places: ["北京", "Beijing", "上海", "Shanghai", "深圳", "Shenzhen", "广州", "Guangzhou", "肇庆", "Zhaoqing", "南京", "Nanjing", "溧水", "Lishui", "无锡", "Wuxi", "苏州", "Suzhou", "杭州", "Hangzhou", "成都", "Chengdu", "重庆", "Chongqing", "武汉", "Wuhan", "西安", "天津", "Tianjin", "合肥", "Hefei", "宁德", "Ningde", "东莞", "Dongguan", "佛山", "Foshan", "珠海", "Zhuhai"],
  },
  { id: "Asia/Hong_Kong", abbr: ["HKT"], countries: ["HK"], places: ["香港", "Hong Kong", "HK", "九龙", "Kowloon"] },
  { id: "Asia/Macau", countries: ["MO"], places: ["澳门", "Macau", "Macao"] },
  { id: "Asia/Taipei", countries: ["TW"], places: ["台北", "Taipei", "台湾", "Taiwan", "新竹", "Hsinchu", "台中", "Taichung", "高雄", "Kaohsiung"] },
  { id: "Asia/Tokyo", abbr: ["JST"], countries: ["JP"], places: ["日本", "Japan", "东京", "東京", "Tokyo", "大阪", "Osaka", "名古屋", "Nagoya", "京都", "Kyoto", "横滨", "Yokohama", "福冈", "Fukuoka"] },
  { id: "Asia/Seoul", abbr: ["KST"], countries: ["KR"], places: ["韩国", "韓國", "Korea", "首尔", "首爾", "Seoul", "釜山", "Busan", "仁川", "Incheon", "蔚山", "Ulsan"] },
  { id: "Asia/Singapore", abbr: ["SGT"], countries: ["SG"], places: ["新加坡", "Singapore"] },
  { id: "Asia/Kuala_Lumpur", countries: ["MY"], places: ["马来西亚", "Malaysia", "吉隆坡", "Kuala Lumpur", "槟城", "Penang"] },
  { id: "Asia/Bangkok", countries: ["TH"], places: ["泰国", "Thailand", "曼谷", "Bangkok", "罗勇", "Rayong"] },
  { id: "Asia/Ho_Chi_Minh", countries: ["VN"], places: ["越南", "Vietnam", "Viet Nam", "胡志明", "Ho Chi Minh", "河内", "Hanoi", "海防", "Haiphong"] },
  { id: "Asia/Jakarta", countries: ["ID"], places: ["印度尼西亚", "印尼", "Indonesia", "雅加达", "Jakarta"] },
  { id: "Asia/Manila", countries: ["PH"], places: ["菲律宾", "Philippines", "马尼拉", "Manila"] },
  { id: "Asia/Kolkata", abbr: ["IST"], countries: ["IN"], places: ["印度", "India", "新德里", "New Delhi", "Delhi", "孟买", "Mumbai", "班加罗尔", "Bangalore", "Bengaluru"] },
  { id: "Asia/Dubai", abbr: ["GST"], countries: ["AE"], places: ["阿联酋", "UAE", "迪拜", "Dubai", "阿布扎比", "Abu Dhabi"] },
  { id: "Asia/Riyadh", countries: ["SA"], places: ["沙特", "Saudi Arabia", "利雅得", "Riyadh"] },
  { id: "Europe/London", abbr: ["GMT", "BST"], countries: ["GB"], places: ["英国", "英國", "United Kingdom", "UK", "伦敦", "倫敦", "London", "曼彻斯特", "Manchester", "伯明翰", "Birmingham"] },
  {
    id: "Europe/Berlin",
    abbr: ["CET", "CEST"],
    countries: ["DE"],
    places: [
      "德国", "德國", "Germany", "Deutschland", "柏林", "Berlin", "慕尼黑", "Munich", "München", "斯图加特", "Stuttgart", "乌尔姆", "Ulm",
      "法兰克福", "Frankfurt", "汉堡", "Hamburg", "杜塞尔多夫", "Düsseldorf", "Dusseldorf", "科隆", "Köln", "Cologne", "汉诺威", "Hannover", "Hanover",
      "沃尔夫斯堡", "Wolfsburg", "因戈尔施塔特", "Ingolstadt", "纽伦堡", "Nürnberg", "Nuremberg", "莱比锡", "Leipzig", "德累斯顿", "Dresden",
      "埃尔福特", "Erfurt", "不来梅", "Bremen", "卡尔斯鲁厄", "Karlsruhe", "曼海姆", "Mannheim", "亚琛", "Aachen",
    ],
  },
  { id: "Europe/Paris", abbr: ["CET", "CEST"], countries: ["FR"], places: ["法国", "法國", "France", "巴黎", "Paris", "里昂", "Lyon", "图卢兹", "Toulouse", "马赛", "Marseille"] },
  { id: "Europe/Rome", abbr: ["CET", "CEST"], countries: ["IT"], places: ["意大利", "義大利", "Italy", "Italia", "罗马", "Rome", "Roma", "米兰", "Milan", "Milano", "都灵", "Turin", "Torino", "博洛尼亚", "Bologna"] },
  { id: "Europe/Madrid", abbr: ["CET", "CEST"], countries: ["ES"], places: ["西班牙", "Spain", "España", "马德里", "Madrid", "巴塞罗那", "Barcelona"] },
  { id: "Europe/Amsterdam", abbr: ["CET", "CEST"], countries: ["NL"], places: ["荷兰", "Netherlands", "阿姆斯特丹", "Amsterdam", "鹿特丹", "Rotterdam", "埃因霍温", "Eindhoven"] },
  { id: "Europe/Brussels", abbr: ["CET", "CEST"], countries: ["BE"], places: ["比利时", "Belgium", "布鲁塞尔", "Brussels", "安特卫普", "Antwerp"] },
  { id: "Europe/Zurich", abbr: ["CET", "CEST"], countries: ["CH"], places: ["瑞士", "Switzerland", "苏黎世", "Zurich", "Zürich", "日内瓦", "Geneva", "巴塞尔", "Basel"] },
  { id: "Europe/Vienna", abbr: ["CET", "CEST"], countries: ["AT"], places: ["奥地利", "Austria", "维也纳", "Vienna", "Wien", "格拉茨", "Graz"] },
  { id: "Europe/Stockholm", abbr: ["CET", "CEST"], countries: ["SE"], places: ["瑞典", "Sweden", "斯德哥尔摩", "Stockholm", "哥德堡", "Gothenburg"] },
  { id: "Europe/Budapest", abbr: ["CET", "CEST"], countries: ["HU"], places: ["匈牙利", "Hungary", "布达佩斯", "Budapest", "德布勒森", "Debrecen", "塞格德", "Szeged"] },
  { id: "Europe/Warsaw", abbr: ["CET", "CEST"], countries: ["PL"], places: ["波兰", "Poland", "华沙", "Warsaw", "弗罗茨瓦夫", "Wroclaw", "Wrocław"] },
  { id: "Europe/Prague", abbr: ["CET", "CEST"], countries: ["CZ"], places: ["捷克", "Czech", "布拉格", "Prague", "Praha"] },
  { id: "Europe/Istanbul", abbr: ["TRT"], countries: ["TR"], places: ["土耳其", "Türkiye", "Turkey", "伊斯坦布尔", "Istanbul", "安卡拉", "Ankara"] },
  { id: "Europe/Moscow", abbr: ["MSK"], countries: ["RU"], places: ["俄罗斯", "Russia", "莫斯科", "Moscow", "圣彼得堡", "Saint Petersburg", "St. Petersburg"] },
  { id: "America/New_York", abbr: ["EST", "EDT"], countries: ["US"], places: ["美国", "美國", "USA", "United States", "纽约", "New York", "波士顿", "Boston", "底特律", "Detroit", "亚特兰大", "Atlanta", "迈阿密", "Miami"] },
  { id: "America/Chicago", abbr: ["CST", "CDT"], places: ["芝加哥", "Chicago", "休斯敦", "Houston", "达拉斯", "Dallas", "奥斯汀", "Austin"] },
  { id: "America/Denver", abbr: ["MST", "MDT"], places: ["丹佛", "Denver", "盐湖城", "Salt Lake City"] },
  { id: "America/Los_Angeles", abbr: ["PST", "PDT"], places: ["洛杉矶", "Los Angeles", "旧金山", "San Francisco", "硅谷", "Silicon Valley", "圣何塞", "San Jose", "西雅图", "Seattle", "弗里蒙特", "Fremont"] },
  { id: "America/Toronto", abbr: ["EST", "EDT"], countries: ["CA"], places: ["加拿大", "Canada", "多伦多", "Toronto", "蒙特利尔", "Montreal", "渥太华", "Ottawa"] },
  { id: "America/Vancouver", abbr: ["PST", "PDT"], places: ["温哥华", "Vancouver"] },
  { id: "America/Mexico_City", countries: ["MX"], places: ["墨西哥", "Mexico", "México", "墨西哥城", "Mexico City", "蒙特雷", "Monterrey"] },
  { id: "America/Sao_Paulo", countries: ["BR"], places: ["巴西", "Brazil", "Brasil", "圣保罗", "São Paulo", "Sao Paulo", "里约热内卢", "Rio de Janeiro"] },
  { id: "Australia/Sydney", abbr: ["AEST", "AEDT"], countries: ["AU"], places: ["澳大利亚", "澳洲", "Australia", "悉尼", "Sydney", "墨尔本", "Melbourne"] },
  { id: "Pacific/Auckland", abbr: ["NZST", "NZDT"], countries: ["NZ"], places: ["新西兰", "New Zealand", "奥克兰", "Auckland", "惠灵顿", "Wellington"] },
  { id: "Africa/Johannesburg", abbr: ["SAST"], countries: ["ZA"], places: ["南非", "South Africa", "约翰内斯堡", "Johannesburg", "开普敦", "Cape Town"] },
];

/** The zones a stop may be in, in the form's order. */
export const STOP_TIME_ZONES = ZONES.map((z) => z.id) as [string, ...string[]];

const BY_ID = new Map(ZONES.map((z) => [z.id, z]));

// Names compared after NFKC folding and lower-casing, without diacritics (München, Munchen, munich).
const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFKC")
    .toLowerCase();

/** Every place name with its zone, longest first: the most specific name a place holds decides (洛杉矶 before 美国). */
const PLACE_NAMES = ZONES.flatMap((z) => z.places.map((name) => ({ name: fold(name), zone: z.id, latin: /^[\p{Script=Latin}\s.'-]+$/u.test(name) }))).sort(
  (a, b) => b.name.length - a.name.length,
);

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The zone a place names (a city or country in it), or null when it names none the list knows. */
export function zoneForPlace(place: string | null | undefined): string | null {
  if (!place) return null;
  const text = fold(place);
  for (const { name, zone, latin } of PLACE_NAMES) {
    let at = text.indexOf(name);
    while (at >= 0) {
      // A Latin name is a whole word ("Ulm", not "Ulmen"); Chinese names have no word breaks.
      if (!latin || (!isLetter(text[at - 1]) && !isLetter(text[at + name.length]))) return zone;
      at = text.indexOf(name, at + 1);
    }
  }
  return null;
}

/** The zone of an enterprise's city, else of its country, or null. */
export function zoneForEnterprise(e: { city?: string | null; country?: string | null } | null | undefined): string | null {
  if (!e) return null;
  return zoneForPlace(e.city) ?? (e.country ? (ZONES.find((z) => z.countries?.includes(e.country!))?.id ?? null) : null);
}

/** The zone a stop's place suggests, else its enterprise's; null when neither names one. */
export function suggestedZone(place: string | null | undefined, enterprise?: { city?: string | null; country?: string | null } | null): string | null {
  return zoneForPlace(place) ?? zoneForEnterprise(enterprise);
}

/**
 * The short name of a zone at an instant: CET or CEST, PST or PDT where the zone goes by one,
 * else its offset from UTC (UTC+7, UTC+5:30).
 */
export function zoneShortName(at: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(at, timeZone);
  const abbr = BY_ID.get(timeZone)?.abbr;
  if (abbr) {
    const [standard, summer] = abbr;
    if (!summer) return standard;
    const year = at.getUTCFullYear();
    const least = Math.min(zoneOffsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone), zoneOffsetMinutes(new Date(Date.UTC(year, 6, 1)), timeZone));
    return offset > least ? summer : standard;
  }
  const sign = offset < 0 ? "-" : "+";
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/** A zone's catalogue key under delegations.zones ("America/Los_Angeles" → "America.Los_Angeles"). */
export const zoneKey = (timeZone: string) => timeZone.replaceAll("/", ".");
