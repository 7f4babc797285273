// Recurring names the generator may misspell (actor-spelling gold). The generator only uses a name
// whose dominant spelling in the base corpus is clear, and misspells that spelling. `person` names
// may also lose a final ة on their surname. A word marked ~ is part of the name but a common word,
// never misspelt. Bodies named by common words only (الأمم المتحدة، الاتحاد الأوروبي، مجلس الأمن،
// الإمارات…) are left out on purpose: الامم or المتحده is common-word spelling, not an actor's.
export interface NameEntry {
  text: string;
  person: boolean;
}

const PEOPLE = [
  'فائز السراج',
  'غسان سلامة',
  'إيمانويل ماكرون',
  'أردوغان',
  'عبد المجيد تبون',
  'أنطونيو غوتيريش',
  'موسى فكي محمد',
  'خليفة حفتر',
  'مصطفى صنع الله',
  'أنغيلا ميركل',
  'أحمد أبو الغيط',
  'أنس جابر',
  'إسماعيل بن ناصر',
  'عائشة بن عمر',
  'لؤي الساعدي',
  'ليلى الحسيني',
  'إبراهيم الكعبي',
  'علي المرزوقي',
  'مصطفى الزين',
  'عبدالله الحربي',
  'أمين الشريف',
  'عبد الرحمن بن عيسى',
  'سلمان بن عبدالعزيز',
  'محمد بن نايف',
  'محمد بن سلمان',
  'عادل الجبير',
  'أوباما',
  'بشار الأسد',
  'خالد الفيصل',
  'عبدربه منصور هادي',
  'علي عبدالله صالح',
  'جون كيري',
  'يحيى',
  'عيسى',
  'موسى',
  'إبراهيم',
  'أحمد',
  'عبدالعزيز',
  'عبدالله',
  'عبدالرحمن',
  'عبداللطيف',
];

const PLACES_AND_BODIES = [
  'مكة ~المكرمة',
  'أوبك',
  'أرامكو',
  'اليونسكو',
  'إيران',
  'إسرائيل',
  'أبوظبي',
  'أنقرة',
  'إسطنبول',
  'أديس أبابا',
  'ألمانيا',
  'أوروبا',
  'إيطاليا',
  'أفغانستان',
  'أفريقيا',
  'أمريكا',
  'الأردن',
  'الأحساء',
  'الطائف',
  'حائل',
  'أبها',
];

export const NAMES: readonly NameEntry[] = [
  ...PEOPLE.map((text) => ({ text, person: true })),
  ...PLACES_AND_BODIES.map((text) => ({ text, person: false })),
];

/** Words a misspelt name must never turn into: frequent function words. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'على علي إلى الى الي في فى من عن ما لا أن ان إن أو او أي اي إذ اذ إذا اذا حتى لدى لدي مدى التي الذي هذا هذه ذلك تلك كان كانت بين بعد قبل عند مع'.split(' '),
);

/** The words of a name, without the ~ marks. */
export function nameWords(name: NameEntry): string[] {
  return name.text.split(' ').map((w) => w.replace(/^~/, ''));
}

/** The words of a name that are common words, never misspelt. */
export function fixedWords(name: NameEntry): string[] {
  return name.text.split(' ').filter((w) => w.startsWith('~')).map((w) => w.slice(1));
}
