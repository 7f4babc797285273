// fast-check arbitraries of Arabic-like article text for property and fuzz tests: Arabic letters
// with harakat, shadda, tatweel and invisible joiners, Latin words, digits of three systems,
// Arabic and Latin punctuation and quotes, emoji (surrogate pairs, ZWJ sequences, modifiers),
// combining marks, CRLF/LF/CR, a leading BOM, doubled spaces and doubled words.
import fc from 'fast-check';

export const BOM = '\uFEFF';
const TATWEEL = '\u0640';
const SHADDA = '\u0651';
const HARAKAT = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0652', '\u0670'];
const INVISIBLES = ['\u200C', '\u200D', '\u200F', '\u200E', '\u202A', '\u202B', '\u202C', '\u200B', '\u2060', '\u061C', '\u00AD', BOM];
const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى', '\u06A9' /* keheh */, '\u06CC' /* farsi yeh */, '\u06C1', '\u067E', '\u0686'];
const WORDS = ['الرئيس', 'الوزير', 'قال', 'إن', 'المحادثات', 'مستمرة', 'مع', 'في', 'محمد', 'عبد الله', 'عبدالله', 'القاهرة', 'والرئيس', 'بالقاهرة', 'الدكتور', 'السيد', 'أحمد', 'أحمد', 'احمد', 'الولايات المتحدة', 'الولاياتالمتحدة', 'لا', 'من', 'على'];
const PUNCTUATION = ['«', '»', '“', '”', '"', "'", ',', '،', '.', '؟', '?', ';', '؛', ':', '!', '(', ')', '-', '—', '...', '..', '!!', '،،', '٪', '%', '/'];
const EMOJI = ['😀', '👍🏽', '👨\u200D👩\u200D👧', '❤\uFE0F', '🇸🇦', '🏳\uFE0F\u200D🌈', '✋🏿'];
const COMBINING = ['\u0301', '\u0308', '\u0327', SHADDA, '\u064E', '\u0670', TATWEEL];
const NEWLINES = ['\n', '\r\n', '\r', '\r\n\r\n', '\n\n'];
const SPACES = [' ', ' ', ' ', '  ', '   ', '\t', '\u00A0'];
const DIGITS = ['0123456789', '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669', '\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9'];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

const arabicWord = fc
  .array(fc.tuple(pick(LETTERS), fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pick(HARAKAT) }, { weight: 1, arbitrary: fc.constant(SHADDA) }, { weight: 1, arbitrary: fc.constant(TATWEEL) }, { weight: 1, arbitrary: pick(INVISIBLES) })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([letter, mark]) => letter + mark).join(''));

const latinWord = fc.stringMatching(/^[A-Za-z]{1,8}$/);

const number = fc
  .tuple(fc.array(fc.tuple(fc.nat(2), fc.nat(9)), { minLength: 1, maxLength: 5 }), fc.option(pick([',', '.', '\u066B', '\u066C', '/', ':']), { nil: undefined }), fc.nat(9), fc.nat(2))
  .map(([digits, separator, tail, system]) => digits.map(([s, d]) => DIGITS[s][d]).join('') + (separator ? separator + DIGITS[system][tail] : ''));

const word = fc.oneof({ weight: 4, arbitrary: pick(WORDS) }, { weight: 4, arbitrary: arabicWord }, { weight: 1, arbitrary: latinWord });

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => `${w} ${w}`) }, // a doubled word
  { weight: 2, arbitrary: fc.tuple(pick(['الرئيس', 'الدكتور', 'السيد', 'الوزير']), pick(WORDS)).map(([title, name]) => `${title} ${name}`) },
  { weight: 2, arbitrary: number },
  { weight: 4, arbitrary: pick(PUNCTUATION) },
  { weight: 1, arbitrary: pick(EMOJI) },
  { weight: 1, arbitrary: pick(COMBINING) },
  { weight: 1, arbitrary: pick(INVISIBLES) },
  { weight: 2, arbitrary: pick(NEWLINES) },
  { weight: 1, arbitrary: fc.constant('https://example.com/a?b=1') },
);

/** An article: an optional leading BOM, then pieces joined by spaces (sometimes none, sometimes several). */
export const articleText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(piece, fc.oneof({ weight: 5, arbitrary: pick(SPACES) }, { weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pick(NEWLINES) })), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? BOM : '') + parts.map(([p, s]) => p + s).join(''));
