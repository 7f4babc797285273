// Arabic messages, keyed by the English template (see index.ts). Written for news editors in
// Modern Standard Arabic, not word for word: «علامة تنصيص»، «تطويل»، «تشكيل»، «المدوّنة» (the
// corpus)، «سجل الأعلام» (actors.yaml: people, organizations and places are «أعلام»). Rule ids,
// file names, YAML keys and option values stay as they are written in the configuration.
// Counts give the Arabic forms: one, two, few (3–10), many (11–99), other (100, 0…).
import type { Catalog } from './index';

const FILES = { zero: 'أي ملف', one: 'ملف واحد', two: 'ملفين', few: '{0} ملفات', many: '{0} ملفًا', other: '{0} ملف' };

export const AR: Catalog = {
  // ---- shared pieces ----
  ', ': '، ',
  '; ': '؛ ',
  ' and ': ' و',
  '{0} and {1}': '{0} و{1}',
  "'{0}'": '«{0}»',
  '{0} files': FILES,
  '{0} (not fixed automatically: {1})': '{0} (لا يُصحَّح تلقائيًا: {1})',

  // ---- tatweel ----
  "Tatweel stretches '{0}'": 'تطويل (كشيدة) في «{0}»',
  "Remove tatweel: '{0}'": 'حذف التطويل: «{0}»',

  // ---- quote-marks ----
  'Quotation marks {0} mixed with {1} in this article': 'علامتا التنصيص {0} في مقال يغلب عليه {1}',
  'Quotation marks {0} differ from the house style {1}': 'علامتا التنصيص {0} تخالفان الأسلوب المعتمد {1}',
  'Closing mark of this quotation': 'علامة إغلاق هذا الاقتباس',
  'Use {0}': 'استعمال {0}',
  'the first mark {0} sits after a word, like a closing mark: check where the quotation starts': 'العلامة الأولى {0} جاءت بعد كلمة كأنها علامة إغلاق: تحقّق من موضع بداية الاقتباس',
  'the quotation runs over several lines: check that these marks belong together': 'الاقتباس يمتد على عدة أسطر: تحقّق من أن العلامتين لاقتباس واحد',
  'Unbalanced quotation mark {0}: no closing mark on this line, so no fix (it cannot tell where the quotation ends)':
    'علامة تنصيص {0} بلا علامة إغلاق في هذا السطر، فلا تصحيح (لا يُعرف أين ينتهي الاقتباس)',
  'Unbalanced quotation mark {0}: no opening mark on this line, so no fix (it cannot tell where the quotation starts)':
    'علامة تنصيص {0} بلا علامة فتح في هذا السطر، فلا تصحيح (لا يُعرف أين يبدأ الاقتباس)',
  'Unpaired quotation mark {0} on this line: no fix (it cannot tell where the quotation starts or ends)':
    'علامة تنصيص {0} مفردة في هذا السطر: لا تصحيح (لا يُعرف أين يبدأ الاقتباس ولا أين ينتهي)',
  'Quotation closed with the double prime {0} (an inch mark) instead of a quotation mark': 'اقتباس أُغلق بعلامة البوصة {0} بدل علامة تنصيص',
  'Doubled single quotes used as quotation marks: {0}…{1}': 'علامتا تنصيص مفردتان مكررتان بدل علامتي تنصيص: {0}…{1}',
  'Reversed quotation marks {0}…{1}': 'علامتا تنصيص معكوستان {0}…{1}',
  'Quotation opened with the closing mark {0}': 'اقتباس فُتح بعلامة الإغلاق {0}',
  'Quotation closed with the opening mark {0}': 'اقتباس أُغلق بعلامة الفتح {0}',
  'Mismatched quotation marks {0}…{1}': 'علامتا تنصيص غير متطابقتين {0}…{1}',

  // ---- repeated-word ----
  "Repeated word '{0}'": 'كلمة مكررة «{0}»',
  "Remove the second '{0}'": 'حذف «{0}» الثانية',

  // ---- stray-diacritic ----
  "Diacritics on '{0}' in an article written without vocalization": 'تشكيل على «{0}» في مقال غير مشكول',
  "Remove diacritics: '{0}'": 'حذف التشكيل: «{0}»',

  // ---- punctuation-artifact ----
  "Stray punctuation '{0}' left by scraping": 'علامات ترقيم زائدة «{0}» من مخلفات النسخ الآلي',
  "Keep only '{0}'": 'الإبقاء على «{0}» وحدها',

  // ---- spacing ----
  'Trailing whitespace': 'مسافة زائدة في آخر السطر',
  'Remove trailing whitespace': 'حذف المسافة من آخر السطر',
  "Space before '{0}'": 'مسافة قبل «{0}»',
  "Remove the space before '{0}'": 'حذف المسافة قبل «{0}»',
  '{0} spaces between words': { one: 'مسافة واحدة بين كلمتين', two: 'مسافتان بين كلمتين', few: '{0} مسافات بين كلمتين', many: '{0} مسافة بين كلمتين', other: '{0} مسافة بين كلمتين' },
  'Replace with one space': 'الاكتفاء بمسافة واحدة',
  'No-break space between words': 'مسافة غير فاصلة بين كلمتين',
  'Replace with a plain space': 'استبدال مسافة عادية بها',
  "Missing space after '{0}'": 'لا مسافة بعد «{0}»',
  "Insert a space after '{0}'": 'إضافة مسافة بعد «{0}»',

  // ---- latin-punctuation ----
  "Latin comma '{0}' in Arabic text; use '{1}'": 'فاصلة لاتينية «{0}» في نص عربي؛ الصواب «{1}»',
  "Latin semicolon '{0}' in Arabic text; use '{1}'": 'فاصلة منقوطة لاتينية «{0}» في نص عربي؛ الصواب «{1}»',
  "Latin question mark '{0}' in Arabic text; use '{1}'": 'علامة استفهام لاتينية «{0}» في نص عربي؛ الصواب «{1}»',
  "Replace with '{0}'": 'تصحيح إلى «{0}»',

  // ---- persian-letter ----
  "'{0}' (or '{1}' at the end)": '«{0}» (أو «{1}» في آخر الكلمة)',
  "'{0}' or '{1}'": '«{0}» أو «{1}»',
  "'{0}' ({1})": '«{0}» ({1})',
  "Persian letters {1} in '{2}'; Arabic uses {3}": {
    one: 'حرف فارسي {1} في «{2}»؛ والعربية تكتب {3}',
    two: 'حرفان فارسيان {1} في «{2}»؛ والعربية تكتب {3}',
    other: 'حروف فارسية {1} في «{2}»؛ والعربية تكتب {3}',
  },
  "a final '{0}' may be '{1}' or '{2}'": '«{0}» في آخر الكلمة قد تكون «{1}» أو «{2}»',

  // ---- mixed-digits ----
  Western: 'غربية',
  'Arabic-Indic': 'هندية',
  Persian: 'فارسية',
  'Western digits': 'الأرقام الغربية (0-9)',
  'Arabic-Indic digits': 'الأرقام الهندية (٠-٩)',
  'Persian digits': 'الأرقام الفارسية (۰-۹)',
  "{0} digits '{1}'": 'أرقام {0} في «{1}»',
  '{0}; numbers are configured to use {1}': '{0}، والإعداد يقضي بكتابة الأعداد ب{1}',
  '{0} in an article that writes numbers in {1} ({2} of {3} digits)': '{0} في مقال يكتب الأعداد ب{1} ({2} من أصل {3} من أرقامه)',
  "Write in {0}: '{1}'": 'الكتابة ب{0}: «{1}»',
  "the separator in '{0}' may be a decimal or a thousands separator": 'الفاصل في «{0}» قد يكون فاصلًا عشريًا أو فاصل آلاف',

  // ---- invisible-char ----
  'Invisible {0}': 'محرف خفي: {0}',
  '{0} invisible characters: {1}': { two: 'محرفان خفيان: {1}', few: '{0} محارف خفية: {1}', many: '{0} محرفًا خفيًا: {1}', other: '{0} محرف خفي: {1}' },
  character: 'محرف',
  'Replace with a space': 'استبدال مسافة به',
  'Remove the invisible character': 'حذف المحرف الخفي',
  'Remove the invisible characters': 'حذف المحارف الخفية',
  'it splits a number, whose digits the scraper may have reversed (4.3 for 3.4): check the number by hand':
    'يفصل بين أرقام عدد ربما عكس النسخُ الآلي ترتيبها (4.3 بدل 3.4): راجع العدد بنفسك',
  'SOFT HYPHEN': 'واصلة اختيارية',
  'ARABIC LETTER MARK': 'علامة الحرف العربي',
  'ZERO WIDTH SPACE': 'مسافة صفرية العرض',
  'ZERO WIDTH NON-JOINER': 'فاصل صفري العرض (يمنع الوصل)',
  'ZERO WIDTH JOINER': 'واصل صفري العرض',
  'LEFT-TO-RIGHT MARK': 'علامة الاتجاه من اليسار إلى اليمين',
  'RIGHT-TO-LEFT MARK': 'علامة الاتجاه من اليمين إلى اليسار',
  'LEFT-TO-RIGHT EMBEDDING': 'تضمين من اليسار إلى اليمين',
  'RIGHT-TO-LEFT EMBEDDING': 'تضمين من اليمين إلى اليسار',
  'POP DIRECTIONAL FORMATTING': 'إنهاء تنسيق الاتجاه',
  'LEFT-TO-RIGHT OVERRIDE': 'فرض الاتجاه من اليسار إلى اليمين',
  'RIGHT-TO-LEFT OVERRIDE': 'فرض الاتجاه من اليمين إلى اليسار',
  'WORD JOINER': 'واصل الكلمات',
  'LEFT-TO-RIGHT ISOLATE': 'عزل من اليسار إلى اليمين',
  'RIGHT-TO-LEFT ISOLATE': 'عزل من اليمين إلى اليسار',
  'FIRST STRONG ISOLATE': 'عزل باتجاه أول حرف',
  'POP DIRECTIONAL ISOLATE': 'إنهاء العزل',
  'ZERO WIDTH NO-BREAK SPACE (BOM)': 'مسافة صفرية العرض غير فاصلة (علامة ترتيب البايتات)',

  // ---- merged-word ----
  "Words run together: '{0}' for '{1}'; {2}": 'كلمتان ملتصقتان: «{0}» والمقصود «{1}»؛ {2}',
  '"{0}" occurs {1} in {2}': '«{0}» وردت {1} في {2}',
  '"{0}" ({1})': '«{0}» ({1})',
  "{1} are words, '{2}' is not": { two: '{1} كلمتان معروفتان، أما «{2}» فلا', other: '{1} كلمات معروفة، أما «{2}» فلا' },
  'not elsewhere': 'لم ترد في موضع آخر',
  '{0} times': { one: 'مرة واحدة', two: 'مرتين', few: '{0} مرات', many: '{0} مرة', other: '{0} مرة' },
  "Split into '{0}'": 'الفصل إلى «{0}»',
  'only the dictionary supports this split': 'لا يسند هذا الفصلَ إلا المعجم',

  // ---- actor-spelling ----
  '"{0}" is written "{1}" {2}': '«{0}» يُكتب «{1}» {2}',
  'in the actor registry': 'في سجل الأعلام',
  'in {0} of {1} mentions across {2}': 'في {0} من أصل {1} من مواضع ذكره، في {2}',
  '"{0}" here': '«{0}» هنا',
  'Write "{0}"': 'تصحيح إلى «{0}»',
  'another transliteration, which may be house style': 'رسم آخر لاسم أجنبي، وقد يكون الرسم المعتمد في المؤسسة',

  // ---- nassaq.yaml ----
  'nassaq.yaml is larger than {0} characters': 'حجم nassaq.yaml يتجاوز {0} محرف',
  'nassaq.yaml must be a mapping with keys {0}': 'يجب أن يكون nassaq.yaml قاموس مفاتيح من بين: {0}',
  "Unknown key '{0}'; expected one of {1}": 'مفتاح غير معروف «{0}»؛ المفاتيح المعروفة: {1}',
  "'{0}' must be a list of strings": 'يجب أن يكون «{0}» قائمة نصوص',
  "'{0}' entries must be strings": 'يجب أن تكون عناصر «{0}» نصوصًا',
  "'{0}' must be a file path, relative to nassaq.yaml": 'يجب أن يكون «{0}» مسار ملف، نسبةً إلى nassaq.yaml',
  "'rules' must map rule ids to a severity or to { severity, options… }": 'يجب أن يربط «rules» كل قاعدة بدرجة أو بـ{ severity, options… }',
  "Unknown rule '{0}'. Known rules: {1}": 'قاعدة غير معروفة «{0}». القواعد المعروفة: {1}',
  "'{0}' takes a severity ({1}) or a mapping": 'تأخذ «{0}» درجة ({1}) أو قاموس إعدادات',
  "Rule '{0}' has no option '{1}'; options: severity, {2}": 'ليس للقاعدة «{0}» خيار «{1}»؛ خياراتها: severity، {2}',
  "Rule '{0}' has no option '{1}'; it only takes severity": 'ليس للقاعدة «{0}» خيار «{1}»؛ لا تأخذ إلا severity',
  "'{0}' of '{1}' must be one of: {2}": 'يجب أن تكون قيمة «{0}» في «{1}» إحدى القيم: {2}',
  'Severity must be one of: {0}': 'يجب أن تكون الدرجة إحدى القيم: {0}',

  // ---- actors.yaml ----
  'actors.yaml is larger than {0} characters': 'حجم actors.yaml يتجاوز {0} محرف',
  "actors.yaml must be a mapping whose key 'actors' holds a list of actors": 'يجب أن يكون actors.yaml قاموسًا مفتاحه «actors» يحمل قائمة الأعلام',
  "Unknown key '{0}'; actors.yaml has one key, 'actors'": 'مفتاح غير معروف «{0}»؛ لملف actors.yaml مفتاح واحد هو «actors»',
  'An actor is a mapping with id, name, type and optional aliases, variants, description, links':
    'العلَم قاموس فيه id وname وtype، واختياريًا aliases وvariants وdescription وlinks',
  "Unknown key '{0}'; an actor has {1}": 'مفتاح غير معروف «{0}»؛ مفاتيح العلَم: {1}',
  "This actor has no '{0}'": 'ينقص هذا العلَم «{0}»',
  "'type' must be one of: {0}": 'يجب أن يكون «type» إحدى القيم: {0}',
  "'description' must be a line of text": 'يجب أن يكون «description» سطرًا من النص',
  "The variant '{0}' is the name itself": 'الرسم الخاطئ «{0}» هو الاسم نفسه',
  "Duplicate id '{0}' (first used on line {1})": 'المعرّف «{0}» مكرر (ورد أولًا في السطر {1})',
  "'{0}' is claimed by '{1}' (line {2}) and '{3}'": '«{0}» منسوب إلى «{1}» (السطر {2}) وإلى «{3}» معًا',
  "'{0}' must be a list of spellings": 'يجب أن يكون «{0}» قائمة بأشكال الرسم',
  "'{0}' entries must be spellings (text)": 'يجب أن تكون عناصر «{0}» أشكال رسم (نصوصًا)',
  "'links' holds Wikidata ids and URLs": 'يحمل «links» معرّفات ويكي بيانات وروابط',
  'The name is empty': 'الاسم فارغ',
  'actors.yaml has errors; fix them before adding an actor': 'في actors.yaml أخطاء؛ أصلحها قبل إضافة علَم',
  '"{0}" is already in actors.yaml (actor \'{1}\')': '«{0}» موجود في actors.yaml (العلَم «{1}»)',
  "actors.yaml has no 'actors' list": 'لا قائمة «actors» في actors.yaml',

  // ---- language server ----
  'Indexing corpus': 'فهرسة المدوّنة',
  '{0}/{1} files': '{0} من {1} ملف',
  'Fix all Nassaq problems in this file': 'تصحيح كل مشكلات نسق في هذا الملف',
  'Fix all {0} problems in this file ({1})': 'تصحيح كل مشكلات {0} في هذا الملف ({1})',
  "Accept '{0}' in this corpus": 'قبول «{0}» في هذه المدوّنة',
  'Fix all spellings of "{0}" in the workspace': 'توحيد رسم «{0}» في كل ملفات المدوّنة',
  'Fix all spellings': 'توحيد الرسم',
  'Fix all spellings of "{0}"': 'توحيد رسم «{0}»',
  'Fix all spellings in the workspace': 'توحيد رسم الأعلام في كل ملفات المدوّنة',
  '{0}: not applied ({1})': '{0}: لم يُطبَّق ({1})',
  'the editor refused the edit': 'رفض المحرر التعديل',
  '{1}: {0} files changed on disk since they were indexed and were left alone: {2}': {
    one: '{1}: تغيّر ملف واحد على القرص بعد فهرسته فتُرك كما هو: {2}',
    two: '{1}: تغيّر ملفان على القرص بعد فهرستهما فتُركا كما هما: {2}',
    few: '{1}: تغيّرت {0} ملفات على القرص بعد فهرستها فتُركت كما هي: {2}',
    other: '{1}: تغيّر {0} ملفًا على القرص بعد فهرستها فتُركت كما هي: {2}',
  },
  'Add "{0}" to actors.yaml': 'إضافة «{0}» إلى actors.yaml',
  'The editor did not apply the edit': 'لم يطبّق المحرر التعديل',
  'Open an article and select a name first': 'افتح مقالًا وحدّد اسمًا أولًا',
  'Select the Arabic words of a name (up to six words)': 'حدّد الكلمات العربية للاسم (ست كلمات على الأكثر)',
  'Not an actor': 'ليس علَمًا',
  'Not an actor: rename works on a mention of an actor or on its entry in actors.yaml': 'ليس علَمًا: إعادة التسمية تكون على موضع ذكر علَم أو على مدخله في actors.yaml',
  '"{0}" is not in actors.yaml; add it first ("Add to actors.yaml"), then rename it': '«{0}» ليس في actors.yaml؛ أضفه أولًا («إضافة إلى actors.yaml») ثم أعد تسميته',
  'actors.yaml has errors or unsaved changes the server has not read; fix it and try again': 'في actors.yaml أخطاء أو تعديلات غير محفوظة لم يقرأها الخادم؛ أصلحه وأعد المحاولة',
  'The new name is empty or spans lines': 'الاسم الجديد فارغ أو يمتد على أكثر من سطر',
  '"{0}" is already a spelling of \'{1}\' in actors.yaml': '«{0}» رسمٌ مسجّل للعلَم «{1}» في actors.yaml',
  'actors.yaml could not be read': 'تعذّرت قراءة actors.yaml',
  People: 'أشخاص',
  Organizations: 'مؤسسات وهيئات',
  Places: 'أماكن',
  Other: 'أعلام أخرى',
  person: 'شخص',
  organization: 'مؤسسة',
  place: 'مكان',
  actor: 'علَم',
  other: 'علَم آخر',
  'not in actors.yaml': 'ليس في actors.yaml',
  '{0} mentions': { one: 'ذُكر مرة واحدة', two: 'ذُكر مرتين', few: 'ذُكر {0} مرات', many: 'ذُكر {0} مرة', other: 'ذُكر {0} مرة' },
  '{0} articles': { zero: 'أي مقال', one: 'مقال واحد', two: 'مقالين', few: '{0} مقالات', many: '{0} مقالًا', other: '{0} مقال' },
  '{0} in {1}': '{0} في {1}',
  'Aliases: {0}': 'أسماء أخرى: {0}',
  'Known variants: {0}': 'رسوم خاطئة معروفة: {0}',
  'Written: {0}': 'يُكتب: {0}',
  'Often with: {0}': 'يرد غالبًا مع: {0}',
  'Only in {0}': 'في {0} وحده',
  'First in {0}, latest in {1}': 'أول ذكر في {0}، وآخره في {1}',
  'Links: {0}': 'روابط: {0}',
  'Marked as a name {0} in {1} (after a title or a place noun)': 'ورد اسمًا {0} في {1} (بعد لقب أو اسم مكان)',
  'Add it to actors.yaml to give it a canonical spelling, a description and corpus-wide rename': 'أضفه إلى actors.yaml ليكون له رسم معتمد ووصف، وتُتاح إعادة تسميته في المدوّنة كلها',

  // ---- command line ----
  'no article files found (see include/exclude in nassaq.yaml)': 'لم يُعثر على مقالات (راجع include وexclude في nassaq.yaml)',
  'no such file or directory: {0}': 'لا ملف ولا مجلد بهذا الاسم: {0}',
  'cannot read {0}: {1}': 'تعذّرت قراءة {0}: {1}',
  Indexing: 'الفهرسة',
  Checking: 'التدقيق',
  Fixing: 'التصحيح',
  'skipped: ': 'تُرك: ',
  '{0} problems can be fixed automatically with --fix': {
    one: 'يمكن تصحيح مشكلة واحدة تلقائيًا بالخيار ‎--fix',
    two: 'يمكن تصحيح مشكلتين تلقائيًا بالخيار ‎--fix',
    few: 'يمكن تصحيح {0} مشكلات تلقائيًا بالخيار ‎--fix',
    many: 'يمكن تصحيح {0} مشكلةً تلقائيًا بالخيار ‎--fix',
    other: 'يمكن تصحيح {0} مشكلة تلقائيًا بالخيار ‎--fix',
  },
  ' ({0} skipped)': ' (تُرك منها {0})',
  'No problems in {0}': 'لا مشكلات في {0}',
  '{0} ({1}) in {2} of {3}': '{0} ({1}) في {2} من أصل {3}',
  '{0} problems': { one: 'مشكلة واحدة', two: 'مشكلتان', few: '{0} مشكلات', many: '{0} مشكلةً', other: '{0} مشكلة' },
  '{0} errors': { zero: 'لا أخطاء', one: 'خطأ واحد', two: 'خطآن', few: '{0} أخطاء', many: '{0} خطأً', other: '{0} خطأ' },
  '{0} warnings': { zero: 'لا تحذيرات', one: 'تحذير واحد', two: 'تحذيران', few: '{0} تحذيرات', many: '{0} تحذيرًا', other: '{0} تحذير' },
  '{0} info': 'ملاحظات: {0}',
  '{0} hints': { one: 'تلميح واحد', two: 'تلميحان', few: '{0} تلميحات', many: '{0} تلميحًا', other: '{0} تلميح' },
  '; {0} files not fixed (see above)': {
    one: '؛ ولم يُصحَّح ملف واحد (انظر أعلاه)',
    two: '؛ ولم يُصحَّح ملفان (انظر أعلاه)',
    few: '؛ ولم تُصحَّح {0} ملفات (انظر أعلاه)',
    other: '؛ ولم يُصحَّح {0} ملفًا (انظر أعلاه)',
  },
  'No fixes applied': 'لم يُطبَّق أي تصحيح',
  'Applied {0} in {1}': 'طُبّق {0} في {1}',
  '{0} fixes': { one: 'تصحيح واحد', two: 'تصحيحان', few: '{0} تصحيحات', many: '{0} تصحيحًا', other: '{0} تصحيح' },
};
