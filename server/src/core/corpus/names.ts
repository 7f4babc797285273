// Name candidates for actor-spelling: clitic readings, spelling variants that share a fold key,
// and the title windows ("الرئيس التركي رجب طيب أردوغان") that mark a token sequence as a name.
import { isArabicLetter } from '../text/chars';
import { foldKey } from '../text/normalize';
import { AFTER_GAP, type ArabicWords, type WordForm } from '../text/arabic-words';

const ALEFS = ['\u0627', '\u0623', '\u0625', '\u0622']; // ا أ إ آ
const ALEF = '\u0627';
const HAMZA_ALEF = '\u0623';
const MADDA_ALEF = '\u0622';
const YEH = '\u064A';
const MAQSURA = '\u0649';
const YEH_HAMZA = '\u0626';
const WAW = '\u0648';
const WAW_HAMZA = '\u0624';
const TEH_MARBUTA = '\u0629';
const HEH = '\u0647';
export const ARTICLE = 'ال';
const MAX_VARIANTS = 64;

/** Proclitics a name may carry (وفايز، لأردوغان، وبإيمانويل), longest first; not ك, which starts names (كاريك، كارتر). */
export const PROCLITICS: readonly string[] = ['وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل'];

/** Function words and other very common words that are never part of a name, in fold keys. */
const STOP_LIST: readonly string[] = [
  'في', 'من', 'الى', 'على', 'عن', 'مع', 'ان', 'او', 'ام', 'اي', 'الا', 'اذا', 'اذ', 'لا', 'لم', 'لن', 'ما', 'ماذا', 'هل', 'قد', 'ثم',
  'بل', 'لكن', 'لكي', 'كي', 'حتى', 'منذ', 'عند', 'لدى', 'لدي', 'بين', 'خلال', 'بعد', 'قبل', 'حول', 'ضد', 'امام', 'وراء', 'دون',
  'تحت', 'فوق', 'عبر', 'نحو', 'هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'اولئك', 'هنا', 'هناك', 'الذي', 'التي', 'الذين', 'اللذين',
  'اللتين', 'اللواتي', 'هو', 'هي', 'هم', 'هما', 'هن', 'انا', 'نحن', 'انت', 'انتم', 'كل', 'بعض', 'غير', 'سوى', 'كما', 'كان',
  'كانت', 'يكون', 'تكون', 'ليس', 'ليست', 'اليوم', 'امس', 'غدا', 'يوم', 'عام', 'قال', 'قالت', 'اكد', 'اكدت', 'اضاف', 'اضافت',
  'اشار', 'اشارت', 'اوضح', 'اوضحت', 'ايضا', 'اما', 'اكثر', 'اقل', 'الي', 'علي', 'اخري', 'اخر', 'اول', 'اولي', 'انه', 'انها',
  'الان', 'مثل', 'لذلك', 'وفق', 'حيث', 'بينما', 'عندما', 'اين', 'كيف', 'متي', 'لماذا', 'يا', 'اجل', 'سنه', 'شهر', 'الف', 'مليون',
  'مما', 'عما', 'انما', 'لان', 'اثناء', 'ازاء', 'اثر', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت',
  'الماضي', 'المقبل', 'الحالي', 'الجاري', 'الاول', 'الثاني', 'الاخير', 'الاكثر', 'صباح', 'مساء', 'امام', 'الاسبوع', 'الشهر',
  'العام', 'اليوم', 'امس', 'باسم', 'اسم', 'احد', 'احدي', 'بعض', 'جميع', 'كافه',
];
/** Fold keys of function words: a word folding to one (علي, على) is never compared as a name. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_LIST.map(foldKey));

/**
 * Month names (أغسطس، أيلول): proper nouns of the calendar, not actors; their hamza is common-word
 * spelling. Fold keys.
 */
export const CALENDAR: ReadonlySet<string> = new Set(
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'أيلول', 'تشرين'].map(foldKey),
);

/** Words after which a name follows, possibly behind descriptors (الرئيس التركي …, وزير الخارجية …). */
const TITLE_WORDS: readonly string[] = [
  'الرئيس', 'رئيس', 'رئيسة', 'أمير', 'ملك', 'الملك', 'الملكة', 'الأمير', 'الأميرة', 'الشيخ', 'الشيخة', 'السيد', 'السيدة', 'الدكتور', 'الدكتورة',
  'د', 'المهندس', 'الوزير', 'وزير', 'وزيرة', 'نائب', 'النائب', 'المشير', 'الفريق', 'اللواء', 'العميد', 'العقيد', 'المقدم', 'الرائد',
  'النقيب', 'الجنرال', 'الأمين', 'المتحدث', 'الناطق', 'السفير', 'المستشار', 'المستشارة', 'الإمام', 'البابا', 'المبعوث', 'الممثل',
  'المدير', 'مدير', 'مديرة', 'المحافظ', 'محافظ', 'العاهل', 'الزعيم', 'القائد', 'قائد', 'الأستاذ', 'الأستاذة', 'الكاتب', 'الكاتبة',
  'الشاعر', 'اللاعب', 'اللاعبة', 'المدرب', 'الفنان', 'الفنانة', 'الإعلامي', 'الإعلامية', 'القاضي', 'المحامي', 'المفتي', 'الداعية',
  'الباحث', 'النجم', 'النجمة', 'المفوض', 'مفوض', 'الشهيد', 'الراحل', 'المرشح', 'المرشحة', 'الناشط', 'الناشطة', 'سمو', 'معالي', 'فضيلة', 'سعادة',
  // roles news puts before a name
  'الباحثة', 'الروائي', 'الروائية', 'الناقد', 'الصحفي', 'الصحفية', 'المخرج', 'المخرجة', 'الممثلة', 'المغني', 'المغنية', 'الخبير',
  'الخبيرة', 'المحلل', 'الطبيب', 'الطبيبة', 'المحامية', 'المهاجم', 'المدافع', 'الحارس', 'العداء', 'العداءة', 'البطل', 'البطلة',
  'المواطن', 'المواطنة', 'الطالب', 'الطالبة', 'المسؤول', 'المسؤولة', 'المتحدثة', 'الأكاديمي', 'الأكاديمية', 'المؤرخ', 'المفكر',
];
export const TITLES: ReadonlySet<string> = new Set(TITLE_WORDS.map(foldKey));

/** Nouns that open a title's complement rather than a name (رئيس مجلس الإدارة، وزير شؤون …). */
export const INSTITUTIONS: ReadonlySet<string> = new Set(
  [
    'مجلس', 'إدارة', 'حكومة', 'هيئة', 'وزارة', 'لجنة', 'جمعية', 'نادي', 'شركة', 'جامعة', 'منطقة', 'محافظة', 'مركز', 'مؤسسة', 'بنك',
    'اتحاد', 'حزب', 'حركة', 'منظمة', 'جهاز', 'مكتب', 'قسم', 'وكالة', 'دولة', 'جمهورية', 'مملكة', 'إمارة', 'بلدية', 'صندوق', 'برنامج',
    'مدينة', 'مستشفى', 'قوات', 'كلية', 'مدرسة', 'مجموعة', 'غرفة', 'محكمة', 'ديوان', 'فرع', 'شؤون', 'مديرية', 'قيادة', 'مجمع', 'معهد',
    'أمانة', 'إقليم', 'مفوضية', 'دائرة', 'عمادة', 'رابطة', 'تحرير', 'أركان', 'الوزراء', 'وزراء', 'عام', 'عهد', 'العهد', 'خادم', 'الحرمين',
    'جامعة', 'مجلة', 'صحيفة', 'قناة', 'شرطة', 'خارجية', 'داخلية', 'دفاع', 'عدل', 'مالية', 'تجارة', 'صحة', 'تعليم', 'إعلام',
    'عاصمة', 'ولاية', 'مقاطعة', 'قرية', 'مهرجان', 'ثقافة', 'اقتصاد', 'طاقة', 'نفط', 'زراعة', 'عمل', 'سياحة', 'حرس', 'أمن', 'استخبارات', 'مخابرات', 'جيش', 'أركان', 'الحملة', 'حملة', 'مطار', 'ميناء', 'سفارة', 'قنصلية', 'مصرف', 'هيئه', 'نيابة', 'الدولة', 'كتلة', 'تيار',
  ].map(foldKey),
);

/** Nouns followed by a place's or body's name (محافظة الطائف، جامعة حائل، مهرجان أبها). */
const PLACE_NOUNS: readonly string[] = [
  'مدينة', 'محافظة', 'منطقة', 'إمارة', 'أمانة', 'جامعة', 'نادي', 'بلدية', 'دولة', 'جمهورية', 'مملكة', 'عاصمة', 'ولاية', 'إقليم',
  'مقاطعة', 'قرية', 'مطار', 'ميناء', 'مهرجان', 'بمدينة', 'بمحافظة', 'بمنطقة', 'لمدينة', 'لمحافظة', 'لمنطقة', 'وجامعة', 'بجامعة',
];

/** Tokens that join parts of one name (محمد بن نايف، آل سعود). */
const CONNECTOR_WORDS: readonly string[] = ['بن', 'بنت', 'ابن', 'آل', 'أبو', 'أبي', 'ولد'];
export const CONNECTORS: ReadonlySet<string> = new Set(CONNECTOR_WORDS.map(foldKey));

export function letterCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) if (isArabicLetter(word.charCodeAt(i))) n++;
  return n;
}

/**
 * Surfaces that differ from `bare` only where spellings of one name differ (hamza and madda on
 * alef, hamza seats, final maqsura/yeh, ta marbuta/heh), `bare` excluded; bounded.
 */
export function spellingVariants(bare: string): string[] {
  let results = [''];
  let start = 0;
  const head = compoundHead(bare);
  if (head) {
    results = head === 'عبد' ? [head] : ['أبو', 'ابو'];
    start = head.length;
  }
  // A proclitic, or a proclitic with the article, written on the word: the stem starts after it.
  const prefix = head ? undefined : (ARTICLE_PREFIX.exec(bare) ?? CLITIC_BEFORE_ALEF.exec(bare))?.[0];
  // An ال that may be the start of the stem itself (المانيا for ألمانيا, والمانيا for وألمانيا).
  let alefLam: string[] = [];
  if (prefix && letterCount(bare) - prefix.length >= 3) {
    results = [prefix];
    start = prefix.length;
    if (prefix.endsWith(ARTICLE)) alefLam = expand(bare, [prefix.slice(0, -2)], prefix.length - 2);
  } else if (bare.startsWith(ARTICLE, start)) {
    results = results.map((r) => r + ARTICLE);
    start += 2;
  }
  results = expand(bare, results, start);
  return [...new Set([...results, ...alefLam])].filter((r) => r !== bare);
}

/** Every spelling of `bare` from `start` on, after each of `results` (bounded). */
function expand(bare: string, results: string[], start: number): string[] {
  for (let i = start; i < bare.length; i++) {
    const alternatives = alternativesAt(bare, i, start);
    if (alternatives.length === 1 || results.length * alternatives.length > MAX_VARIANTS) {
      results = results.map((r) => r + bare[i]);
    } else {
      results = results.flatMap((r) => alternatives.map((a) => r + a));
    }
  }
  return results;
}

/** `عبد` or `أبو` starting a compound name written joined (عبدالمجيد، أبوظبي), if any. */
export function compoundHead(bare: string): string | undefined {
  for (const head of ['عبد', 'أبو', 'ابو']) if (bare.length >= head.length + 3 && bare.startsWith(head)) return head;
  return undefined;
}

const ARTICLE_PREFIX = /^(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)/; // (و|ف)?(ب|ك)?ال، (و|ف)?لل
const CLITIC_BEFORE_ALEF = /^(?:[\u0648\u0641]?[\u0628\u0644\u0643]|[\u0648\u0641])(?=[\u0627\u0623\u0625\u0622])/;

function alternativesAt(word: string, i: number, stemStart: number): string[] {
  const ch = word[i];
  const last = i === word.length - 1;
  const previous = word[i - 1];
  if (ALEFS.includes(ch)) {
    if (i === stemStart) return ALEFS;
    if (i < stemStart) return [ch];
    return [ALEF, HAMZA_ALEF, MADDA_ALEF];
  }
  if (last && (ch === YEH || ch === MAQSURA || ch === YEH_HAMZA)) return [YEH, MAQSURA, YEH_HAMZA];
  if (last && (ch === TEH_MARBUTA || ch === HEH)) return [TEH_MARBUTA, HEH];
  if (ch === YEH_HAMZA) return [YEH_HAMZA, YEH];
  if (ch === YEH && i >= 2 && i > stemStart && previous === ALEF) return [YEH, YEH_HAMZA];
  if (ch === WAW_HAMZA) return [WAW_HAMZA, WAW];
  if (ch === WAW && i > stemStart && !last && word[i + 1] === ALEF) return [WAW, WAW_HAMZA];
  return [ch];
}

/** The same name with its final ta marbuta dropped or added (غسان سلامة / غسان سلام). */
export function taMarbutaDropped(bare: string): string {
  if (bare.endsWith(TEH_MARBUTA) || bare.endsWith(HEH)) return bare.slice(0, -1);
  return bare + TEH_MARBUTA;
}

/** Code units of `text` that the first `letters` Arabic letters (and marks after them) take. */
export function prefixLength(text: string, letters: number): number {
  let i = 0;
  let seen = 0;
  while (i < text.length && seen < letters) {
    if (isArabicLetter(text.charCodeAt(i))) seen++;
    i++;
  }
  while (i < text.length && !isArabicLetter(text.charCodeAt(i))) i++;
  return i;
}

const MAX_NAME_TOKENS = 4;
/** Words after a title searched for the name. */
const MAX_WINDOW = 8;

/**
 * Words that stand where names stand, from the text alone: after a title and its descriptors
 * (الرئيس التركي رجب طيب أردوغان), after a connector (بن سلمان، آل سعود), before بن, and after عبد
 * or أبو. Returns positions in `words`.
 */
export function nameContextWords(words: ArabicWords): Set<number> {
  const result = new Set<number>();
  const { count, before, forms } = words;
  const traits = (n: number) => nameTraits(forms[n]);
  const joined = (n: number) => n < count && before[n] !== AFTER_GAP;
  for (let w = 0; w < count; w++) {
    const own = traits(w);
    if (own & TITLE) {
      // The name is the first run of plain words after the title's complements (رئيس حكومة الوفاق
      // الوطني فايز السراج، المدير العام للشركة سالم النعيمي): a plain word starts a run
      // right after the title or after a word with the article; after an institution (لجنة حقوق
      // الإنسان) it belongs to the institution's name.
      let end = w + 1;
      // العام after a title is part of it (الأمين العام، المدير العام), not the year.
      const general = (n: number) => n === w + 1 && (traits(n) & GENERAL) !== 0;
      while (end - w <= MAX_WINDOW && joined(end) && (general(end) || !(traits(end) & FUNCTION)) && !(traits(end) & TITLE)) end++;
      let start = -1;
      let previous = 'title' as 'title' | 'article' | 'institution' | 'plain';
      for (let n = w + 1; n < end && start < 0; n++) {
        const kind = traits(n) & ARTICLED ? 'article' : traits(n) & INSTITUTION ? 'institution' : 'plain';
        if (kind === 'plain' && (previous === 'title' || previous === 'article')) start = n;
        previous = kind === 'plain' && previous === 'institution' ? 'institution' : kind;
      }
      for (let n = start, taken = 0; start >= 0 && n < end && taken < MAX_NAME_TOKENS; n++, taken++) {
        if (!(traits(n) & CONNECTOR)) result.add(n);
        if (traits(n) & ARTICLED) break; // a family name ends it (فايز السراج)
      }
    } else if (own & LINK && joined(w + 1)) {
      if (!(traits(w + 1) & (FUNCTION | TITLE_FOLD))) result.add(w + 1);
      if (own & BIN && w > 0 && joined(w) && forms[w - 1].fold !== '' && !forms[w - 1].fold.startsWith(ARTICLE) && !(traits(w - 1) & FUNCTION)) result.add(w - 1);
    }
  }
  return result;
}

// Name traits of a word, as bits of WordForm.nameTraits: computed once per distinct word.
/** A title in any spelling, with or without a proclitic (الرئيس، وزير، والأمير). */
const TITLE = 1 << 0;
/** A connector, عبد/أبو or a place noun, as written: a name follows. */
const LINK = 1 << 1;
const FUNCTION = 1 << 2;
const PLACE = 1 << 3;
/** The fold starts with the article, alone or after a proclitic. */
const ARTICLED = 1 << 4;
const INSTITUTION = 1 << 5;
const CONNECTOR = 1 << 6;
/** The fold is a title's (TITLES). */
const TITLE_FOLD = 1 << 7;
/** بن or بنت as written: a name also stands before it. */
const BIN = 1 << 8;
const GENERAL = 1 << 9;

function nameTraits(form: WordForm): number {
  if (form.nameTraits >= 0) return form.nameTraits;
  const { surface, fold } = form;
  const sets = surfaceSets();
  const role = sets.role.get(surface);
  return (form.nameTraits =
    (role === 'title' ? TITLE : 0) |
    (role === 'link' ? LINK : 0) |
    (sets.function.has(surface) ? FUNCTION : 0) |
    (sets.place.has(surface) ? PLACE : 0) |
    (fold.startsWith(ARTICLE) || CLITIC_ARTICLE.test(fold) ? ARTICLED : 0) |
    (INSTITUTIONS.has(fold) ? INSTITUTION : 0) |
    (CONNECTORS.has(fold) ? CONNECTOR : 0) |
    (TITLES.has(fold) ? TITLE_FOLD : 0) |
    (surface === 'بن' || surface === 'بنت' ? BIN : 0) |
    (surface === 'العام' ? GENERAL : 0));
}

/** A connector of one name (بن، آل، أبو), in any spelling. */
export function isConnectorForm(form: WordForm): boolean {
  return (nameTraits(form) & CONNECTOR) !== 0;
}

/** A noun followed by a place's or body's name, as written (see isPlaceNoun). */
export function isPlaceNounForm(form: WordForm): boolean {
  return (nameTraits(form) & PLACE) !== 0;
}

/** Every spelling of a word (hamza forms, maqsura…), with and without a proclitic. */
function spellings(words: Iterable<string>, withClitics: boolean): Set<string> {
  const result = new Set<string>();
  for (const word of words) {
    for (const spelling of [word, ...spellingVariants(word)]) {
      result.add(spelling);
      if (withClitics) for (const clitic of PROCLITICS) result.add(clitic + spelling);
    }
  }
  return result;
}

interface SurfaceSets {
  title: ReadonlySet<string>;
  /** Function words in every spelling but علي, which is first of all a name (علي عبدالله صالح). */
  function: ReadonlySet<string>;
  place: ReadonlySet<string>;
  /** Title and link surfaces in one map (a title where a surface is both), so most words take one lookup. */
  role: ReadonlyMap<string, 'title' | 'link'>;
}
let surfaceSetsBuilt: SurfaceSets | undefined;

/** Built on first use, not at load: spelling out every variant costs ~50 ms the server's start need not pay. */
function surfaceSets(): SurfaceSets {
  if (surfaceSetsBuilt) return surfaceSetsBuilt;
  const title = spellings(TITLE_WORDS, true);
  const link = spellings([...CONNECTOR_WORDS, 'عبد', 'أبو', ...PLACE_NOUNS], false);
  const role = new Map<string, 'title' | 'link'>();
  for (const surface of link) role.set(surface, 'link');
  for (const surface of title) role.set(surface, 'title');
  return (surfaceSetsBuilt = {
    title,
    function: new Set([...spellings(STOP_LIST, false)].filter((w) => w !== 'علي')),
    place: spellings(PLACE_NOUNS, false),
    role,
  });
}

/** A function word as written (على, الى, أن…); علي is a name here. */
export function isFunctionWord(surface: string): boolean {
  return surfaceSets().function.has(surface);
}

/** A noun followed by a place's or body's name (مدينة، محافظة، بمنطقة), as written. */
export function isPlaceNoun(surface: string): boolean {
  return surfaceSets().place.has(surface);
}

/** Whether the word carries the article, alone or after a proclitic (الأمم، بالإضافة، للأعمال). */
export function hasArticle(word: string): boolean {
  const fold = foldKey(word);
  return fold.startsWith(ARTICLE) || CLITIC_ARTICLE.test(fold);
}

/** A proclitic before the article (للإغاثة، والأعمال): a common noun, never inside a name. */
const CLITIC_ARTICLE = /^(?:لل|[وفبك]ال|[وف][بلك]ال|[وف]لل)/;

export interface NameContext {
  words: ArabicWords;
  /** Positions in `words` that stand where names stand (nameContextWords). */
  marked: Set<number>;
}
let lastContext: NameContext | undefined;

/**
 * The name positions of a text's words. Two facets (actor-spelling's names, the marked names) read
 * the same file's words in turn: the last result is kept for the next caller.
 */
export function nameContext(words: ArabicWords): NameContext {
  if (lastContext?.words !== words) lastContext = { words, marked: nameContextWords(words) };
  return lastContext;
}
