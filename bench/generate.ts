// A deterministic synthetic corpus for benchmarks: news-like Arabic articles made by recombining
// sentence templates with names, and the actors.yaml that registers most of those names. Same
// options, same bytes (a seeded PRNG, no Math.random). One "hot" actor is mentioned an exact,
// known number of times, with proclitics, by alias and in other spellings, so that references and
// rename can be measured at scale (and the index's count checked against the generator's).
// Slips are injected into the template text at low rates (ERROR_RATES): tatweel, merged words,
// Latin commas and mixed quotation marks; names are written in listed variants or loose spellings.
// One article (the first) is about 10 KB, for the editing benchmark.
//
//   node --import tsx bench/generate.ts [--out DIR] [--articles N] [--actors K] [--hot M] [--seed S]
//
// The word lists and templates were written for this file; they are not taken from any corpus.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nameKey } from '../server/src/core/actors/registry';
import { TATWEEL } from '../server/src/core/text/chars';
import { yamlScalar } from '../server/src/core/actors/registry-edit';
import { mulberry32 } from '../test/eval/generate';
import { intFlag, parseFlags, stringFlag } from './lib';

export interface GenerateOptions {
  /** Folder to write into (created); default: a fresh temporary folder. */
  out?: string;
  articles?: number;
  actors?: number;
  /** Mentions of the hot actor across the corpus (capped at 8 per article). */
  hotMentions?: number;
  seed?: number;
}

export const DEFAULTS = { articles: 5_000, actors: 5_000, hotMentions: 12_000, seed: 1 } as const;

/** Size of the first article, the one the editing benchmark types into. */
export const LONG_ARTICLE_BYTES = 10_240;

/**
 * Chance of a slip per opportunity in the template text (numbers are never touched): tatweel per
 * word with the article ال (الــوزارة), a merge per space between two words (فيالمدينة), a Latin
 * comma per Arabic comma, mixed marks per quotation (“…», "…"), and per name a listed variant,
 * or else a loose spelling, at `nameVariant` each (the hot actor more often: ArticleWriter.entity).
 * Tuned so that `nassaq check` finds about as many per 10,000 words as in 5,000 real news articles
 * (the saudinewsnet sample: tatweel 4, merged-word 4, latin-punctuation 9, actor-spelling 13;
 * generated: 4, 4, 9.5, 18). Quotations are rarer in the templates than in real news, so
 * quote-marks findings are fewer (about 9 against 48).
 */
export const ERROR_RATES = { tatweel: 0.0021, merge: 0.0008, latinComma: 0.1, quoteMix: 0.28, nameVariant: 0.015 } as const;

export interface HotMention {
  file: string;
  /** UTF-16 offset of the name proper (after proclitics), and its line/character. */
  offset: number;
  length: number;
  line: number;
  character: number;
}

export interface GeneratedCorpus {
  dir: string;
  articlesDir: string;
  registry: string;
  articles: number;
  /** Total UTF-8 size of the articles. */
  bytes: number;
  actors: { total: number; person: number; organization: number; place: number; withAliases: number; withVariants: number };
  hot: {
    id: string;
    name: string;
    /** A spelling of the name not written in the registry (for workspace/symbol). */
    otherSpelling: string;
    mentions: number;
    articles: number;
    /** Mentions by how they are written. */
    forms: { name: number; variant: number; spelling: number; alias: number };
    /** Mentions written with a proclitic (و، ب، ل…), and of those with ل + the alias's article (للأنصاري). */
    withProclitic: number;
    lamArticle: number;
    /** A mention of the name, as written in the registry, without proclitic. */
    sample: HotMention;
  };
  /** The article of about LONG_ARTICLE_BYTES. */
  long: { file: string; bytes: number };
  /** Words written, and the slips injected into them (see ERROR_RATES). */
  words: number;
  injected: Injected;
  options: Required<Omit<GenerateOptions, 'out'>>;
}

// ---- deterministic randomness (mulberry32, shared with the evaluation) ----

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

function shuffle<T>(random: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// ---- names ----

const MALE_FIRST = [
  'محمد', 'أحمد', 'علي', 'حسن', 'حسين', 'خالد', 'عمر', 'يوسف', 'إبراهيم', 'مصطفى', 'سامي', 'طارق', 'وليد', 'ماجد',
  'فيصل', 'نبيل', 'هشام', 'عادل', 'كمال', 'جمال', 'رامي', 'زياد', 'باسم', 'عماد', 'مازن', 'نادر', 'سليم', 'منير',
  'أسامة', 'إياد', 'أيمن', 'مؤيد', 'هاني', 'فؤاد', 'لؤي', 'وائل', 'غسان', 'جواد', 'قاسم', 'مهدي', 'ناصر', 'صالح',
  'منصور', 'سعود', 'حمزة', 'أنور', 'بشير', 'شريف', 'عصام', 'توفيق', 'عبد الله', 'عبد الرحمن', 'عبد العزيز',
  'عبد الكريم', 'عبد الحميد', 'عبد الرزاق', 'أنس', 'إسماعيل', 'مراد', 'رضا', 'ثامر', 'فراس', 'معاذ', 'بلال',
];
const FEMALE_FIRST = [
  'فاطمة', 'مريم', 'سارة', 'ليلى', 'هدى', 'رنا', 'دينا', 'سلمى', 'نادية', 'سعاد', 'لمياء', 'رشا', 'إيمان', 'أسماء',
  'منى', 'هالة', 'عائشة', 'رحاب', 'غادة', 'نجلاء', 'آمنة', 'بشرى', 'وفاء', 'ريم',
];
const FAMILIES = [
  'الحسيني', 'العبيدي', 'الجبوري', 'الدليمي', 'السامرائي', 'الطائي', 'الشمري', 'العنزي', 'المطيري', 'الزهراني',
  'الغامدي', 'الحربي', 'العتيبي', 'الدوسري', 'الكبيسي', 'الراوي', 'التكريتي', 'البغدادي', 'الموصلي', 'الحلبي',
  'الدمشقي', 'الحمصي', 'البيروتي', 'الصيداوي', 'المصري', 'السوداني', 'التونسي', 'الجزائري', 'المغربي', 'الفاسي',
  'الطرابلسي', 'اليمني', 'الحضرمي', 'العدني', 'الهاشمي', 'القرشي', 'الأيوبي', 'العلوي', 'الخطيب', 'النجار',
  'الصباغ', 'الخياط', 'العطار', 'السقا', 'الشامي', 'الكردي', 'البدوي', 'الزعبي', 'المجالي', 'الرفاعي', 'الروسان',
  'العمري', 'الخوري', 'عازار', 'نصار', 'سلامة', 'شاهين', 'جرادات', 'عبيدات', 'الطراونة', 'الخصاونة', 'النعيمي',
  'الكعبي', 'المري', 'المهيري', 'الظاهري', 'الرئيسي', 'البلوشي', 'اللواتي', 'الحارثي', 'المعمري', 'السيابي',
  'المؤمني', 'الإدريسي', 'الأسعد', 'الآلوسي', 'البناء', 'الأحمدي', 'الأمين', 'الإمام', 'الأطرش', 'الأشقر',
  'الجنابي', 'الربيعي', 'الساعدي', 'الفتلاوي', 'الخزاعي', 'الزبيدي', 'الكناني', 'العزاوي', 'القيسي', 'المالكي',
  'الشريف', 'الحكيم', 'الصدر', 'العاني', 'الهيتي', 'النقيب', 'الدباغ', 'القصاب', 'الطحان', 'الفخراني',
];
const FATHERS = ['محمد', 'أحمد', 'علي', 'حسن', 'إبراهيم', 'عبد الله', 'صالح', 'يوسف', 'عمر', 'سعيد', 'جاسم', 'كاظم'];

const CITIES = [
  'بغداد', 'البصرة', 'الموصل', 'أربيل', 'كركوك', 'النجف', 'كربلاء', 'الحلة', 'الرمادي', 'الفلوجة', 'سامراء', 'تكريت',
  'السليمانية', 'دهوك', 'العمارة', 'الناصرية', 'الكوت', 'الديوانية', 'دمشق', 'حلب', 'حمص', 'حماة', 'اللاذقية',
  'طرطوس', 'دير الزور', 'الرقة', 'إدلب', 'درعا', 'السويداء', 'بيروت', 'صيدا', 'زحلة', 'بعلبك', 'جبيل', 'عمان',
  'الزرقاء', 'إربد', 'العقبة', 'الكرك', 'مادبا', 'القدس', 'رام الله', 'نابلس', 'الخليل', 'غزة', 'جنين', 'بيت لحم',
  'القاهرة', 'الإسكندرية', 'الجيزة', 'أسوان', 'الأقصر', 'بورسعيد', 'السويس', 'المنصورة', 'طنطا', 'أسيوط', 'الخرطوم',
  'أم درمان', 'بورتسودان', 'الرياض', 'جدة', 'مكة المكرمة', 'الدمام', 'الطائف', 'تبوك', 'أبها', 'الأحساء', 'الدوحة',
  'المنامة', 'مسقط', 'صلالة', 'نزوى', 'دبي', 'أبوظبي', 'الشارقة', 'العين', 'عجمان', 'صنعاء', 'عدن', 'تعز', 'الحديدة',
  'المكلا', 'صفاقس', 'سوسة', 'القيروان', 'بنزرت', 'وهران', 'قسنطينة', 'عنابة', 'تلمسان', 'الرباط', 'الدار البيضاء',
  'فاس', 'مراكش', 'طنجة', 'أكادير', 'مكناس', 'وجدة', 'بنغازي', 'مصراتة', 'سبها', 'نواكشوط', 'نواذيبو', 'مقديشو',
  'إسطنبول', 'أنقرة', 'طهران', 'باريس', 'لندن', 'برلين', 'روما', 'موسكو', 'واشنطن', 'نيويورك', 'جنيف', 'بروكسل',
  'فيينا', 'بكين', 'طوكيو', 'نيودلهي',
];
const COUNTRIES = [
  'العراق', 'سوريا', 'لبنان', 'الأردن', 'فلسطين', 'مصر', 'السودان', 'ليبيا', 'تونس', 'الجزائر', 'المغرب', 'موريتانيا',
  'السعودية', 'الكويت', 'قطر', 'البحرين', 'سلطنة عمان', 'الإمارات', 'اليمن', 'الصومال', 'جيبوتي', 'تركيا', 'إيران',
  'فرنسا', 'ألمانيا', 'بريطانيا', 'إيطاليا', 'إسبانيا', 'روسيا', 'الصين', 'اليابان', 'الهند', 'البرازيل', 'كندا',
  'الولايات المتحدة', 'باكستان', 'إندونيسيا', 'ماليزيا', 'إثيوبيا', 'كينيا', 'نيجيريا', 'اليونان', 'قبرص',
];
/** Other accepted names and known wrong spellings of some places. */
const PLACE_EXTRAS: Record<string, { aliases?: string[]; variants?: string[] }> = {
  'السعودية': { aliases: ['المملكة العربية السعودية'] },
  'الإمارات': { aliases: ['الإمارات العربية المتحدة'] },
  'الولايات المتحدة': { aliases: ['أمريكا'], variants: ['أميركا'] },
  'بريطانيا': { aliases: ['المملكة المتحدة'] },
  'مكة المكرمة': { aliases: ['مكة'] },
  'صنعاء': { variants: ['صنعا'] },
  'إسطنبول': { variants: ['استانبول'] },
  'أبوظبي': { variants: ['أبو ظبي'] },
  'نيودلهي': { variants: ['نيو دلهي'] },
  'الدار البيضاء': { aliases: ['كازابلانكا'] },
};
const COASTAL = ['البصرة', 'اللاذقية', 'طرطوس', 'بيروت', 'صيدا', 'العقبة', 'الإسكندرية', 'بورسعيد', 'السويس', 'بورتسودان', 'جدة', 'الدمام', 'صلالة', 'عدن', 'الحديدة', 'المكلا', 'صفاقس', 'بنزرت', 'وهران', 'عنابة', 'طنجة', 'أكادير', 'بنغازي', 'مصراتة', 'نواذيبو', 'مقديشو'];

interface Head {
  word: string;
  definite: string;
  feminine: boolean;
}
const HEADS: Head[] = [
  { word: 'هيئة', definite: 'الهيئة', feminine: true },
  { word: 'مجلس', definite: 'المجلس', feminine: false },
  { word: 'صندوق', definite: 'الصندوق', feminine: false },
  { word: 'مركز', definite: 'المركز', feminine: false },
  { word: 'بنك', definite: 'البنك', feminine: false },
  { word: 'مؤسسة', definite: 'المؤسسة', feminine: true },
  { word: 'وكالة', definite: 'الوكالة', feminine: true },
  { word: 'مديرية', definite: 'المديرية', feminine: true },
  { word: 'نقابة', definite: 'النقابة', feminine: true },
  { word: 'جمعية', definite: 'الجمعية', feminine: true },
  { word: 'اتحاد', definite: 'الاتحاد', feminine: false },
  { word: 'معهد', definite: 'المعهد', feminine: false },
  { word: 'مصرف', definite: 'المصرف', feminine: false },
  { word: 'لجنة', definite: 'اللجنة', feminine: true },
  { word: 'جهاز', definite: 'الجهاز', feminine: false },
  { word: 'شركة', definite: 'الشركة', feminine: true },
];
const ADJECTIVES: Array<[string, string]> = [
  ['الأعلى', 'العليا'], ['الوطني', 'الوطنية'], ['العام', 'العامة'], ['المركزي', 'المركزية'], ['العربي', 'العربية'],
  ['الدولي', 'الدولية'], ['الاتحادي', 'الاتحادية'], ['المستقل', 'المستقلة'],
];
const DOMAINS = [
  'الاستثمار', 'الزراعة', 'الصناعة', 'التجارة', 'الطاقة', 'المياه', 'الصحة', 'التعليم', 'النقل', 'الإسكان', 'السياحة',
  'الثقافة', 'الإعلام', 'الاتصالات', 'البيئة', 'الشباب', 'الرياضة', 'العمل', 'المالية', 'التخطيط', 'الإحصاء', 'الموانئ',
  'الطيران المدني', 'الكهرباء', 'النفط', 'الغاز', 'التنمية', 'الإغاثة', 'حقوق الإنسان', 'الأوقاف', 'الانتخابات',
  'النزاهة', 'المنافسة', 'الأمن الغذائي', 'البحث العلمي', 'الآثار', 'التأمين', 'الضرائب',
];
const SECTORS = ['للمقاولات', 'للتجارة العامة', 'للصناعات الغذائية', 'للاستثمار العقاري', 'للنقل البحري', 'للأدوية', 'للإسمنت', 'للاتصالات', 'للطاقة المتجددة', 'للتأمين'];
const CITY_ORGS = ['جامعة', 'بلدية', 'غرفة تجارة', 'نادي', 'مستشفى'];

const MALE_TITLES = [
  'الرئيس', 'رئيس الوزراء', 'وزير الخارجية', 'وزير المالية', 'وزير الداخلية', 'وزير الصحة', 'وزير الطاقة', 'وزير التربية',
  'المتحدث باسم الحكومة', 'رئيس البرلمان', 'النائب', 'السفير', 'محافظ البنك المركزي', 'رئيس الأركان', 'اللواء', 'العميد',
  'الشيخ', 'الدكتور', 'الخبير الاقتصادي', 'المحلل السياسي', 'رجل الأعمال', 'المدرب', 'اللاعب', 'الكاتب',
  'الناشط الحقوقي', 'المدير التنفيذي', 'رئيس البلدية',
];
const FEMALE_TITLES = [
  'رئيسة الوزراء', 'وزيرة الخارجية', 'وزيرة الصحة', 'وزيرة التربية', 'وزيرة الشؤون الاجتماعية', 'المتحدثة باسم الحكومة',
  'النائبة', 'السفيرة', 'الدكتورة', 'الخبيرة الاقتصادية', 'الكاتبة', 'الناشطة الحقوقية', 'المديرة التنفيذية',
  'رئيسة البلدية', 'الباحثة', 'الصحفية',
];

const HOT = {
  id: 'hot-ansari',
  name: 'رائد الأنصاري',
  alias: 'الأنصاري',
  /** Listed in actors.yaml as known wrong spellings. */
  variants: ['رايد الأنصاري', 'رائد الأنصارى'],
  /** Not in actors.yaml: the same name, another spelling (found through the fold key). */
  spelling: 'رائد الانصاري',
  title: 'وزير الخارجية',
  description: 'وزير الخارجية',
};
const RESERVED_FAMILY = 'الأنصاري'; // the hot actor's alone: its alias must name nobody else

/** A plausible other spelling: hamza seats and final yeh written loosely (one change). */
function looseSpelling(random: Random, name: string): string | undefined {
  const changes: Array<[RegExp, string]> = [
    [/[أإآ]/, 'ا'],
    [/ئ/, 'ي'],
    [/ؤ/, 'و'],
    [/ي$/, 'ى'],
    [/ي( |$)/, 'ى$1'],
    [/ة$/, 'ه'],
  ];
  const possible = changes.filter(([re]) => re.test(name));
  if (!possible.length) return undefined;
  const [re, by] = pick(random, possible);
  return name.replace(re, by);
}

// ---- the registry ----

type Kind = 'person' | 'organization' | 'place';

interface Entity {
  id: string;
  kind: Kind;
  name: string;
  feminine: boolean;
  aliases: string[];
  variants: string[];
  description?: string;
  title?: string;
}

function buildRegistry(random: Random, total: number): Entity[] {
  const claimed = new Set<string>();
  const claim = (spelling: string) => {
    const key = nameKey(spelling);
    if (claimed.has(key)) return false;
    claimed.add(key);
    return true;
  };
  const entities: Entity[] = [];
  const add = (entity: Entity) => {
    if (!claim(entity.name)) return false;
    entity.aliases = entity.aliases.filter(claim);
    // A variant with the name's own key needs no claim (nameKey folds it onto the name).
    entity.variants = entity.variants.filter((v) => v !== entity.name && (nameKey(v) === nameKey(entity.name) || claim(v)));
    entities.push(entity);
    return true;
  };
  add({ id: HOT.id, kind: 'person', name: HOT.name, feminine: false, aliases: [HOT.alias], variants: [...HOT.variants], description: HOT.description, title: HOT.title });

  const places = Math.min(Math.round(total * 0.1), 400);
  const organizations = Math.round(total * 0.3);

  // Places: countries and cities, then airports, ports and governorates.
  const placeNames: Array<{ name: string; aliases?: string[]; variants?: string[] }> = shuffle(random, [...COUNTRIES, ...CITIES]).map((name) => ({ name, ...PLACE_EXTRAS[name] }));
  for (const city of CITIES) placeNames.push({ name: `مطار ${city} الدولي`, aliases: [`مطار ${city}`] });
  for (const city of COASTAL) placeNames.push({ name: `ميناء ${city}` });
  for (const city of CITIES.slice(0, 60)) placeNames.push({ name: `محافظة ${city}` });
  let placeCount = 0;
  for (const place of placeNames) {
    if (placeCount >= places) break;
    const variants = place.variants ?? [];
    const loose = random() < 0.15 ? looseSpelling(random, place.name) : undefined;
    if (add({ id: `place-${placeCount + 1}`, kind: 'place', name: place.name, feminine: true, aliases: place.aliases ?? [], variants: loose ? [...variants, loose] : variants })) placeCount++;
  }

  // Organizations: «هيئة الاستثمار», «الهيئة العامة للاستثمار», «جامعة الموصل», «شركة العبيدي للمقاولات».
  const orgCandidates: Entity[] = [];
  for (const head of HEADS) {
    for (const domain of DOMAINS) {
      const short = `${head.word} ${domain}`;
      orgCandidates.push({ id: '', kind: 'organization', name: short, feminine: head.feminine, aliases: [], variants: [] });
      for (const [masculine, feminine] of ADJECTIVES) {
        const lil = domain.startsWith('ال') ? `ل${domain.slice(1)}` : `ل${domain}`;
        orgCandidates.push({ id: '', kind: 'organization', name: `${head.definite} ${head.feminine ? feminine : masculine} ${lil}`, feminine: head.feminine, aliases: random() < 0.2 ? [short] : [], variants: [] });
      }
    }
  }
  for (const kind of CITY_ORGS) for (const city of CITIES) orgCandidates.push({ id: '', kind: 'organization', name: `${kind} ${city}`, feminine: kind !== 'نادي' && kind !== 'مستشفى', aliases: [], variants: [] });
  for (const family of FAMILIES) {
    for (const sector of SECTORS) orgCandidates.push({ id: '', kind: 'organization', name: `شركة ${family} ${sector}`, feminine: true, aliases: [], variants: [] });
    orgCandidates.push({ id: '', kind: 'organization', name: `مجموعة ${family} القابضة`, feminine: true, aliases: [], variants: [] });
  }
  let orgCount = 0;
  for (const org of shuffle(random, orgCandidates)) {
    if (orgCount >= organizations) break;
    if (random() < 0.1) {
      const loose = looseSpelling(random, org.name);
      if (loose) org.variants.push(loose);
    }
    org.id = `org-${orgCount + 1}`;
    if (add(org)) orgCount++;
  }

  // People: first + family names (a fifth of them women), then first + father + family if more are needed.
  const personCandidates: Array<{ first: string; family: string; feminine: boolean }> = [];
  for (const family of FAMILIES) {
    if (family === RESERVED_FAMILY) continue;
    for (const first of MALE_FIRST) personCandidates.push({ first, family, feminine: false });
    for (const first of FEMALE_FIRST) personCandidates.push({ first, family, feminine: true });
  }
  shuffle(random, personCandidates);
  const persons = total - entities.length;
  let personCount = 0;
  for (let round = 0; personCount < persons && round < 1 + FATHERS.length; round++) {
    for (const candidate of personCandidates) {
      if (personCount >= persons) break;
      const middle = round === 0 ? '' : ` ${candidate.feminine ? 'بنت' : 'بن'} ${FATHERS[round - 1]}`;
      const name = `${candidate.first}${middle} ${candidate.family}`;
      const aliases = round === 0 && random() < 0.25 ? [`${candidate.first} ${pick(random, FATHERS)} ${candidate.family}`] : [];
      const variants: string[] = [];
      if (random() < 0.3) {
        const loose = looseSpelling(random, name);
        if (loose) variants.push(loose);
      }
      const titles = candidate.feminine ? FEMALE_TITLES : MALE_TITLES;
      const title = random() < 0.6 ? pick(random, titles) : undefined;
      const entity: Entity = { id: `person-${personCount + 1}`, kind: 'person', name, feminine: candidate.feminine, aliases, variants, ...(title ? { title, description: title } : {}) };
      if (add(entity)) personCount++;
    }
  }
  return entities;
}

function registryYaml(entities: readonly Entity[], seed: number): string {
  const lines = [`# Generated by bench/generate.ts (seed ${seed}): ${entities.length} actors. Not real people.`, 'actors:'];
  const list = (values: readonly string[]) => `[${values.map(yamlScalar).join(', ')}]`;
  for (const e of entities) {
    lines.push(`  - id: ${e.id}`, `    name: ${yamlScalar(e.name)}`, `    type: ${e.kind}`);
    if (e.aliases.length) lines.push(`    aliases: ${list(e.aliases)}`);
    if (e.variants.length) lines.push(`    variants: ${list(e.variants)}`);
    if (e.description) lines.push(`    description: ${yamlScalar(e.description)}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- the articles ----

// Slots: {P} a person, {TP} title + person, {O} an organization, {L} a city, {C} a country, {N} a
// number, {S} a score, {T} a temperature, {PCT} a percentage, {M} a month, {D} a weekday, {Y} a
// year, {SEC} a sector. A proclitic joins its slot: {و+P}, {ب+O}, {ل+TP}. [masculine|feminine]
// agrees with the first person, organization or place of the sentence.
const SENTENCES = [
  '[قال|قالت] {TP} إن الحكومة ستواصل تنفيذ خطة الإصلاح الاقتصادي خلال الأشهر المقبلة رغم الصعوبات.',
  '[أعلن|أعلنت] {O} يوم {D} عن إطلاق برنامج جديد بقيمة {N} مليون دولار لدعم المشاريع الصغيرة في {L}.',
  '[وأكد|وأكدت] {TP} في تصريح صحفي أن المفاوضات مع {O} وصلت إلى مرحلة متقدمة.',
  '[والتقى|والتقت] {TP} في {L} وفدا من {O} لبحث سبل تعزيز التعاون المشترك.',
  'وشارك في الاجتماع أكثر من {N} ممثلا عن المنظمات المحلية والدولية، بينهم {P} {و+P}.',
  'ارتفعت أسعار المواد الغذائية في {L} بنسبة {PCT} خلال شهر {M} الماضي، بحسب بيانات {O}.',
  '[وأوضح|وأوضحت] {P} أن العمل جار بالتنسيق مع {O} لمعالجة النقص في الكوادر الطبية.',
  'وفي سياق متصل، [استقبل|استقبلت] {TP} سفير {C} لدى البلاد، وجرى خلال اللقاء استعراض العلاقات الثنائية.',
  'ونقلت وكالة الأنباء الرسمية عن {TP} [قوله|قولها] إن الوضع الأمني في {L} مستقر.',
  'ومن المقرر أن [يزور|تزور] {TP} {C} الأسبوع المقبل في جولة تشمل عددا من دول المنطقة.',
  '[وانتقد|وانتقدت] {O} في بيان [أصدره|أصدرته] مساء {D} قرار رفع الرسوم الجمركية على الواردات.',
  'وفي تصريحات {ل+P} [أشار|أشارت] إلى أن الأزمة تحتاج إلى حلول عاجلة وشاملة.',
  'وأشاد المشاركون بالدور الذي [يقوم|تقوم] به {O} في دعم الأسر المتضررة في {L}.',
  '[وكان|وكانت] {O} قد [حذر|حذرت] في وقت سابق من تفاقم أزمة المياه في {L} {و+L}.',
  'وأعلنت الجهات المنظمة أن عدد المستفيدين من المبادرة بلغ نحو {N} ألف شخص في {L} {و+L}.',
  '[ودعا|ودعت] {TP} إلى ضبط النفس وتغليب لغة الحوار، [مؤكدا|مؤكدة] أن الحل السياسي هو الخيار الوحيد.',
  'وتأتي هذه الخطوة بعد أيام من اجتماع جمع {P} {ب+P} في {L} لبحث ملف الحدود.',
  '[وأضاف|وأضافت] {P} أن الحكومة ستقدم تسهيلات للمستثمرين في {L} خلال العام {Y}.',
  'وأفادت مصادر محلية في {L} بأن قوات الأمن اعتقلت {N} أشخاصا يشتبه في تورطهم في أعمال تخريب.',
  '[وتوقع|وتوقعت] {TP} أن يتجاوز معدل النمو {PCT} خلال العام الجاري.',
  '[ووقع|ووقعت] {O} اتفاقية تعاون مع {O} لتطوير البنية التحتية في {L} بكلفة تقدر بنحو {N} مليون دولار.',
  '[ورحب|ورحبت] {TP} بقرار {O} تمديد المهلة الممنوحة للشركات.',
  'وفي {L}، تظاهر المئات أمام مقر {O} للمطالبة بتحسين الخدمات وتوفير فرص العمل.',
  'ولم [يصدر|تصدر] عن {O} أي تعليق رسمي حتى ساعة إعداد هذا التقرير.',
  'وأوردت صحيفة محلية أن {P} [سيتولى|ستتولى] رئاسة اللجنة المكلفة بمتابعة الملف.',
  'وقد [عبر|عبرت] {P} عن [قلقه|قلقها] من استمرار التصعيد في {C}.',
  'ويرى مراقبون أن تصريحات {P} تعكس تغيرا في موقف {O} من القضية.',
  'وأكد بيان مشترك صادر عن {O} {و+O} ضرورة الإسراع في تنفيذ الاتفاق.',
  '[وشدد|وشددت] {TP} خلال مؤتمر صحفي عقد في {L} على أهمية حماية المدنيين.',
  '[ومن جانبه، رد|ومن جانبها، ردت] {P} على الانتقادات بالقول إن الأرقام المعلنة دقيقة.',
  '[وقدم|وقدمت] {O} منحة بقيمة {N} ألف دولار {ل+O} لتمويل مشروع لإعادة تأهيل المدارس.',
  'وأشار التقرير الصادر عن {O} إلى أن نسبة البطالة بين الشباب بلغت {PCT}.',
  '[واجتمع|واجتمعت] {TP} {ب+P} في مقر الوزارة، وناقش الجانبان آخر المستجدات.',
  'كما [التقى|التقت] {P} ممثلين عن {O} {و+O}.',
  'وأعلنت السلطات في {L} تعليق الدراسة يوم {D} بسبب الأحوال الجوية.',
  'وتنطلق في {L} يوم {D} فعاليات المعرض الدولي للكتاب بمشاركة {N} دار نشر من {C} ودول أخرى.',
  '[ووجه|ووجهت] {TP} رسالة {ل+P} تتعلق بتطورات الملف الاقتصادي.',
  'وفاز فريق {L} على ضيفه فريق {L} بنتيجة {S} مقابل {S} في المباراة التي جرت مساء {D}.',
  '[وتسلم|وتسلمت] {P} جائزة التميز من {O} خلال حفل أقيم في {L}.',
  '[ونفى|ونفت] {TP} صحة الأنباء التي تحدثت عن [استقالته|استقالتها] من [منصبه|منصبها].',
  'وبحسب أرقام {O}، فإن حجم التبادل التجاري مع {C} تجاوز {N} مليون دولار في عام {Y}.',
  'وتزامن ذلك مع زيارة [يجريها|تجريها] {TP} إلى {L} على رأس وفد رفيع المستوى.',
  'وطالب نواب في البرلمان {TP} بتقديم إيضاحات حول صفقة الأسلحة الأخيرة.',
  'وأثار قرار {O} إغلاق المعابر جدلا واسعا في الأوساط السياسية في {C}.',
  '[وكتب|وكتبت] {P} في تدوينة على [حسابه|حسابها] أن المرحلة المقبلة تتطلب تكاتف الجميع.',
  'وأشار مسؤول في {O} إلى أن الاجتماع الذي عقد {ب+P} تناول سبل دعم قطاع {SEC}.',
  '[وقال|وقالت] {TP} في مؤتمر صحفي: «لن نسمح بأي تأخير في تنفيذ المشاريع المتفق عليها».',
  '[وأضاف|وأضافت] {P} أن «المرحلة المقبلة تتطلب تعاون الجميع» وأن الحكومة ستعلن تفاصيل الخطة قريبا.',
  'ووصف بيان صادر عن {O} الاتفاق بأنه «خطوة مهمة نحو الاستقرار».',
];
const FILLERS = [
  'وتشهد المنطقة منذ سنوات موجة جفاف أثرت على المحاصيل الزراعية وأدت إلى ارتفاع أسعار الحبوب.',
  'ويعاني القطاع الصحي من نقص حاد في الأدوية والمستلزمات الطبية.',
  'ويعد هذا المشروع من أكبر المشاريع التنموية التي تنفذ في البلاد خلال العقد الأخير.',
  'وتأتي هذه التطورات في ظل ظروف اقتصادية صعبة تمر بها المنطقة.',
  'وتشير التقديرات إلى أن عدد السكان سيتضاعف خلال العقدين المقبلين.',
  'ويطالب السكان منذ سنوات بتحسين شبكات الكهرباء والمياه والطرق.',
  'ولا تزال المفاوضات متعثرة بسبب الخلافات حول آلية توزيع العائدات.',
  'ويرى خبراء أن الإصلاحات المعلنة تحتاج إلى وقت قبل أن تظهر نتائجها على حياة المواطنين.',
  'ويتوقع أن تستمر موجة الحر حتى نهاية الأسبوع، مع ارتفاع درجات الحرارة إلى {T} درجة مئوية.',
  'وتراجعت قيمة العملة المحلية أمام الدولار بنسبة {PCT} منذ بداية العام.',
];
const HEADLINES = [
  '{O} [يعلن|تعلن] عن خطة جديدة لتطوير قطاع {SEC}',
  '{P} [يزور|تزور] {C} لبحث التعاون الاقتصادي',
  'ارتفاع أسعار الوقود في {L} يثير غضب السكان',
  '{TP}: لا تراجع عن الإصلاحات',
  'اتفاق بين {O} {و+O} لتمويل مشاريع في {L}',
  'احتجاجات في {L} للمطالبة بتحسين الخدمات',
  '{O} [يحذر|تحذر] من أزمة مياه في {L}',
  'توقيع مذكرة تفاهم بين {C} {و+C} في مجال الطاقة',
];
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const DAYS = ['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'];
const SECTOR_NAMES = ['الطاقة', 'الزراعة', 'السياحة', 'النقل', 'التعليم', 'الصحة', 'الاتصالات', 'الإسكان'];
const SLOT = /\{(?:([وبلف]{1,2})\+)?(TP|P|O|L|C|N|S|T|PCT|M|D|Y|SEC)\}|\[([^|\]]*)\|([^\]]*)\]/g;
const ENTITY_SLOTS = new Set(['TP', 'P', 'O', 'L', 'C']);
const PERSON_SENTENCES = SENTENCES.filter((s) => /\{(?:[^}+]*\+)?T?P\}/.test(s));

/** A proclitic written onto a word: ل + ال is written لل. */
function attach(clitic: string, word: string): string {
  if (!clitic) return word;
  return clitic.endsWith('ل') && word.startsWith('ال') ? clitic + word.slice(1) : clitic + word;
}

interface Pools {
  persons: Entity[];
  organizations: Entity[];
  cities: Entity[];
  countries: Entity[];
}

export interface Injected {
  tatweel: number;
  merge: number;
  latinComma: number;
  quoteMix: number;
  /** Names written in a listed variant or a loose spelling (hot actor included). */
  nameVariant: number;
}

/** Mixed or foreign quotation marks a quotation may get instead of «…». */
const QUOTE_SLIPS: ReadonlyArray<[string, string]> = [['“', '»'], ['«', '”'], ['"', '"'], ['“', '”'], ['”', '”']];

/** Injects slips into template text at ERROR_RATES, counting them. */
function injectSlips(random: Random, text: string, injected: Injected): string {
  text = text.replace(/«([^«»]*)»/g, (quote, inner: string) => {
    if (random() >= ERROR_RATES.quoteMix) return quote;
    injected.quoteMix++;
    const [open, close] = pick(random, QUOTE_SLIPS);
    return `${open}${inner}${close}`;
  });
  text = text.replace(/،/g, (comma) => {
    if (random() >= ERROR_RATES.latinComma) return comma;
    injected.latinComma++;
    return ',';
  });
  const words = text.split(' ');
  let out = '';
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    if (/^[وفب]?ال[\u0621-\u064A]{3,}/.test(word) && random() < ERROR_RATES.tatweel) {
      const at = word.indexOf('ال') + 2;
      word = word.slice(0, at) + TATWEEL.repeat(between(random, 1, 3)) + word.slice(at);
      injected.tatweel++;
    }
    const joinable = i > 0 && /[\u0621-\u064A]$/.test(words[i - 1]) && /^[\u0621-\u064A]/.test(word);
    if (joinable && random() < ERROR_RATES.merge) injected.merge++;
    else if (i > 0) out += ' ';
    out += word;
  }
  return out;
}

interface HotTally {
  name: number;
  variant: number;
  spelling: number;
  alias: number;
  withProclitic: number;
  lamArticle: number;
}

class ArticleWriter {
  private hotInArticle = 0;
  readonly injected: Injected = { tatweel: 0, merge: 0, latinComma: 0, quoteMix: 0, nameVariant: 0 };

  constructor(
    private readonly random: Random,
    private readonly pools: Pools,
    private readonly hot: Entity,
    readonly tally: HotTally,
  ) {}

  /** One article; `hotQuota` mentions of the hot actor. Returns the text and the first plain mention of the hot name. */
  article(targetBytes: number, hotQuota: number): { text: string; sample?: number } {
    const random = this.random;
    this.hotInArticle = 0;
    let remaining = hotQuota;
    let sample: number | undefined;
    const lines: string[] = [];
    let length = 0; // UTF-16 length of lines joined with \n, for offsets
    let bytes = 0;
    const emit = (line: string, hotAt: number[]) => {
      for (const at of hotAt) if (sample === undefined) sample = length + (lines.length ? 1 : 0) + at;
      length += (lines.length ? 1 : 0) + line.length;
      bytes += Buffer.byteLength(line) + 1;
      lines.push(line);
    };
    const fill = (template: string) => {
      const wantHot = () => remaining > 0 && (random() < 0.35 || bytes > targetBytes * 0.7);
      const result = this.fill(template, wantHot);
      remaining -= result.hot;
      return result;
    };
    const headline = fill(pick(random, HEADLINES));
    emit(headline.text, headline.plainHotAt);
    emit('', []);
    while (bytes < targetBytes || remaining > 0) {
      const sentences: string[] = [];
      const hotAt: number[] = [];
      const count = between(random, 1, 3);
      for (let i = 0; i < count; i++) {
        const template = remaining > 0 && bytes > targetBytes * 0.7 ? pick(random, PERSON_SENTENCES) : random() < 0.2 ? pick(random, FILLERS) : pick(random, SENTENCES);
        const sentence = fill(template);
        const base = sentences.reduce((n, s) => n + s.length + 1, 0);
        for (const at of sentence.plainHotAt) hotAt.push(base + at);
        sentences.push(sentence.text);
      }
      emit(sentences.join(' '), hotAt);
      if (bytes < targetBytes || remaining > 0) emit('', []);
    }
    return { text: `${lines.join('\n')}\n`, sample };
  }

  private fill(template: string, wantHot: () => boolean): { text: string; hot: number; plainHotAt: number[] } {
    let feminine: boolean | undefined;
    const values: Array<{ text: string; hot?: 'plain' | 'other' }> = [];
    let hotHere = false; // one mention of the hot actor per sentence at most
    const once = () => !hotHere && wantHot();
    // First pass: entities (the agreement follows the first one), values in order.
    for (const match of template.matchAll(SLOT)) {
      const [, clitic = '', slot, masculine] = match;
      if (masculine !== undefined) {
        values.push({ text: '' });
        continue;
      }
      if (ENTITY_SLOTS.has(slot)) {
        const { text, entityFeminine, hot } = this.entity(slot, clitic, once);
        if (hot) hotHere = true;
        feminine ??= entityFeminine;
        values.push({ text, hot });
      } else {
        values.push({ text: attach(clitic, this.value(slot)) });
      }
    }
    let hot = 0;
    const plainHotAt: number[] = [];
    let i = 0;
    let text = '';
    let last = 0;
    for (const match of template.matchAll(SLOT)) {
      text += injectSlips(this.random, template.slice(last, match.index), this.injected);
      const value = values[i++];
      if (match[3] !== undefined) text += feminine ? match[4] : match[3];
      else {
        if (value.hot) {
          hot++;
          if (value.hot === 'plain') plainHotAt.push(text.length + value.text.indexOf(this.hot.name));
        }
        text += value.text;
      }
      last = match.index + match[0].length;
    }
    text += injectSlips(this.random, template.slice(last), this.injected);
    return { text, hot, plainHotAt };
  }

  private entity(slot: string, clitic: string, wantHot: () => boolean): { text: string; entityFeminine: boolean; hot?: 'plain' | 'other' } {
    const random = this.random;
    if ((slot === 'P' || slot === 'TP') && wantHot()) {
      const t = this.tally;
      let written: string;
      const roll = random();
      if (this.hotInArticle > 0 && slot === 'P' && roll < 0.3) {
        written = this.hot.aliases[0];
        t.alias++;
      } else if (roll < 0.06) {
        written = pick(random, this.hot.variants);
        t.variant++;
        this.injected.nameVariant++;
      } else if (roll < 0.12) {
        written = HOT.spelling;
        t.spelling++;
        this.injected.nameVariant++;
      } else {
        written = this.hot.name;
        t.name++;
      }
      this.hotInArticle++;
      const titled = slot === 'TP' ? `${HOT.title} ${written}` : written;
      if (clitic && slot === 'P') {
        t.withProclitic++;
        if (clitic.endsWith('ل') && written.startsWith('ال')) t.lamArticle++;
      }
      const plain = written === this.hot.name && !(clitic && slot === 'P');
      return { text: attach(clitic, titled), entityFeminine: false, hot: plain ? 'plain' : 'other' };
    }
    const pool = slot === 'O' ? this.pools.organizations : slot === 'L' ? this.pools.cities : slot === 'C' ? this.pools.countries : this.pools.persons;
    let entity = pick(random, pool);
    let name = entity.name;
    if (slot === 'P' || slot === 'TP') {
      // A fifth of the people named are not in the registry.
      if (random() < 0.2) {
        const feminine = random() < 0.2;
        const first = pick(random, feminine ? FEMALE_FIRST : MALE_FIRST);
        entity = { id: '', kind: 'person', name: `${first} ${pick(random, FAMILIES.filter((f) => f !== RESERVED_FAMILY))}`, feminine, aliases: [], variants: [] };
        name = entity.name;
      }
    }
    // One roll, three bands: a listed variant, an alias (6%, not a slip), a loose spelling.
    const roll = random();
    const rate = ERROR_RATES.nameVariant;
    if (roll < rate) name = entity.variants.length ? pick(random, entity.variants) : name;
    else if (roll < rate + 0.06) name = entity.aliases.length ? pick(random, entity.aliases) : name;
    else if (roll < 2 * rate + 0.06) name = looseSpelling(random, name) ?? name;
    if (name !== entity.name && !entity.aliases.includes(name)) this.injected.nameVariant++;
    if (slot === 'TP') {
      const title = entity.title ?? pick(random, entity.feminine ? FEMALE_TITLES : MALE_TITLES);
      name = `${title} ${name}`;
    }
    return { text: attach(clitic, name), entityFeminine: entity.feminine };
  }

  private value(slot: string): string {
    const random = this.random;
    switch (slot) {
      case 'N':
        return String(between(random, 3, 950));
      case 'S':
        return String(between(random, 0, 5));
      case 'T':
        return String(between(random, 36, 49));
      case 'PCT':
        return `${between(random, 1, 40)} في المئة`;
      case 'M':
        return pick(random, MONTHS);
      case 'D':
        return pick(random, DAYS);
      case 'Y':
        return String(between(random, 2015, 2025));
      default:
        return pick(random, SECTOR_NAMES);
    }
  }
}

/** Writes the corpus and its registry; returns what was written. */
export function generateCorpus(options: GenerateOptions = {}): GeneratedCorpus {
  const articles = options.articles ?? DEFAULTS.articles;
  const actorCount = Math.max(options.actors ?? DEFAULTS.actors, 50);
  const seed = options.seed ?? DEFAULTS.seed;
  const hotMentions = Math.min(options.hotMentions ?? DEFAULTS.hotMentions, articles * 8);
  const random = mulberry32(seed);
  const dir = options.out ? path.resolve(options.out) : mkdtempSync(path.join(tmpdir(), 'nassaq-bench-'));
  const articlesDir = path.join(dir, 'articles');
  mkdirSync(articlesDir, { recursive: true });

  const entities = buildRegistry(random, actorCount);
  const registry = path.join(dir, 'actors.yaml');
  writeFileSync(registry, registryYaml(entities, seed));
  writeFileSync(path.join(dir, 'nassaq.yaml'), '# Generated by bench/generate.ts.\ninclude:\n  - "articles/**/*.txt"\n');

  const countries = new Set(COUNTRIES);
  const hot = entities[0];
  const pools: Pools = {
    persons: entities.filter((e) => e.kind === 'person' && e !== hot),
    organizations: entities.filter((e) => e.kind === 'organization'),
    cities: entities.filter((e) => e.kind === 'place' && !countries.has(e.name)),
    countries: entities.filter((e) => e.kind === 'place' && countries.has(e.name)),
  };
  if (!pools.cities.length) pools.cities = pools.countries;
  if (!pools.countries.length) pools.countries = pools.cities;

  // Hot quotas: about 2.2 mentions in each article that has any, from 1 to 8.
  const quotas = new Uint8Array(articles);
  const hotArticles = shuffle(random, Array.from({ length: articles }, (_, i) => i)).slice(0, Math.min(articles, Math.ceil(hotMentions / 2.2)));
  let placed = 0;
  for (const i of hotArticles) {
    if (placed === hotMentions) break;
    quotas[i] = 1;
    placed++;
  }
  while (placed < hotMentions) {
    const i = pick(random, hotArticles);
    if (quotas[i] < 8) {
      quotas[i]++;
      placed++;
    }
  }

  const tally: HotTally = { name: 0, variant: 0, spelling: 0, alias: 0, withProclitic: 0, lamArticle: 0 };
  const writer = new ArticleWriter(random, pools, hot, tally);
  const perDay = Math.max(1, Math.ceil(articles / (4 * 365)));
  const start = Date.UTC(2021, 0, 1);
  let bytes = 0;
  let words = 0;
  let long = { file: '', bytes: 0 };
  let sample: HotMention | undefined;
  const made = new Set<string>();
  for (let i = 0; i < articles; i++) {
    const date = new Date(start + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const folder = path.join(articlesDir, date.slice(0, 4), date.slice(5, 7));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const file = path.join(folder, `${date}-${String(i + 1).padStart(5, '0')}.txt`);
    const { text, sample: at } = writer.article(i === 0 ? LONG_ARTICLE_BYTES : between(random, 2000, 4000), quotas[i]);
    writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    bytes += size;
    words += text.split(/\s+/).length - 1;
    if (i === 0) long = { file, bytes: size };
    if (!sample && at !== undefined) {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      sample = { file, offset: at, length: HOT.name.length, line, character: at - (before.lastIndexOf('\n') + 1) };
    }
  }
  const mentions = tally.name + tally.variant + tally.spelling + tally.alias;
  if (!sample && mentions > 0) throw new Error('no plain mention of the hot actor was written');
  return {
    dir,
    articlesDir,
    registry,
    articles,
    bytes,
    actors: {
      total: entities.length,
      person: entities.filter((e) => e.kind === 'person').length,
      organization: pools.organizations.length,
      place: pools.cities.length + pools.countries.length,
      withAliases: entities.filter((e) => e.aliases.length).length,
      withVariants: entities.filter((e) => e.variants.length).length,
    },
    hot: {
      id: HOT.id,
      name: HOT.name,
      otherSpelling: 'رايد الانصارى',
      mentions,
      articles: quotas.reduce((n, q) => n + (q > 0 ? 1 : 0), 0),
      forms: { name: tally.name, variant: tally.variant, spelling: tally.spelling, alias: tally.alias },
      withProclitic: tally.withProclitic,
      lamArticle: tally.lamArticle,
      sample: sample ?? { file: '', offset: 0, length: 0, line: 0, character: 0 },
    },
    long,
    words,
    injected: writer.injected,
    options: { articles, actors: actorCount, hotMentions, seed },
  };
}

if (require.main === module) {
  try {
    const flags = parseFlags(process.argv.slice(2));
    const started = Date.now();
    const corpus = generateCorpus({
      out: stringFlag(flags, 'out'),
      articles: intFlag(flags, 'articles', DEFAULTS.articles),
      actors: intFlag(flags, 'actors', DEFAULTS.actors),
      hotMentions: intFlag(flags, 'hot', DEFAULTS.hotMentions),
      seed: intFlag(flags, 'seed', DEFAULTS.seed),
    });
    console.log(JSON.stringify({ ...corpus, seconds: (Date.now() - started) / 1000 }, null, 2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
