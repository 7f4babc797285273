// Arabic sentences written for the encoding tests, in the style of news articles, and the byte
// samples made from them: each sentence alone and in paragraphs, encoded in every encoding the
// detector knows (Windows-1256 and ISO-8859-6 through iconv-lite, UTF-16 with and without BOM).
import iconv = require('iconv-lite');
import type { Encoding } from '../../server/src/node/encoding';

export const SENTENCES: readonly string[] = [
  'قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.',
  'أعلنت الحكومة عن خطة جديدة لدعم المزارعين بعد موسم الجفاف.',
  'ارتفعت أسعار النفط بنسبة 3 في المئة خلال تعاملات الثلاثاء.',
  'افتتح الرئيس مستشفى جديدا في المدينة الشمالية صباح اليوم.',
  'تشهد البلاد موجة حر غير مسبوقة منذ بداية الشهر.',
  'وقع الطرفان اتفاقا للتعاون في مجالات الطاقة والتعليم والصحة.',
  'أكد المتحدث باسم الجيش أن الوضع تحت السيطرة.',
  'فاز المنتخب الوطني على نظيره بهدفين مقابل هدف واحد.',
  'دعت الأمم المتحدة إلى وقف فوري لإطلاق النار وحماية المدنيين.',
  'تراجعت نسبة البطالة إلى أدنى مستوى لها منذ عشر سنوات.',
  'شارك آلاف الطلاب في معرض الكتاب الذي اختتم أعماله أمس.',
  'قررت المحكمة تأجيل النظر في القضية إلى جلسة الشهر القادم.',
  'حذرت الأرصاد الجوية من أمطار غزيرة وسيول في المناطق الجبلية.',
  'يبحث البرلمان مشروع قانون الانتخابات في دورته الحالية.',
  'نظمت الجامعة مؤتمرا دوليا حول الذكاء الاصطناعي بمشاركة خبراء من عشرين دولة.',
  'ذكرت مصادر مطلعة أن المفاوضات وصلت إلى مرحلة حاسمة.',
  'انخفض سعر صرف العملة المحلية أمام الدولار بشكل طفيف.',
  'استقبل ولي العهد وفدا رسميا يرأسه رئيس الوزراء الياباني.',
  'تعتزم الشركة توظيف خمسمئة مهندس خلال العام المقبل.',
  'ضرب زلزال بقوة 5.2 درجات الساحل الغربي دون أن يسفر عن ضحايا.',
  'هل تنجح الوساطة في إنهاء الأزمة؟ يتساءل المراقبون.',
  'أشار التقرير إلى ضرورة تحسين ظروف العمل في القطاع الخاص؛ وطالب بزيادة الأجور.',
  'غادر اللاعب ناديه بعد ثماني سنوات، وانتقل إلى الدوري الإسباني.',
  'بلغ عدد الزوار 120 ألف شخص في أيام المهرجان الثلاثة.',
  'أظهرت الدراسة أن الأطفال يقضون وقتا أطول أمام الشاشات.',
  'طالبت النقابة بتحسين رواتب المعلمين وتخفيض ساعات الدوام.',
  'عُقد الاجتماع في مقر الجامعة العربية بحضور وزراء الاقتصاد.',
  'أطلقت وكالة الفضاء قمرا صناعيا لرصد التغيرات المناخية.',
  'تواصل فرق الإنقاذ البحث عن المفقودين لليوم الثالث على التوالي.',
  'صرح مدير الشركة لوكالة Reuters بأن الأرباح تضاعفت هذا العام.',
];

export interface Sample {
  name: string;
  text: string;
  encoding: Encoding;
  bom: boolean;
  bytes: Buffer;
}

/** Characters ISO-8859-6 lacks (Arabic-Indic digits are not used above). */
const NOT_IN_8859_6 = /[«»\u064F\u0640]/;

/** Every sentence alone, and paragraphs of three sentences (LF and CRLF), in every encoding. */
export function encodedSamples(): Sample[] {
  const texts: Array<{ name: string; text: string }> = SENTENCES.map((text, i) => ({ name: `sentence ${i + 1}`, text }));
  for (let i = 0; i + 3 <= SENTENCES.length; i += 3) {
    const eol = i % 2 === 0 ? '\n' : '\r\n';
    texts.push({ name: `paragraph ${i / 3 + 1}`, text: SENTENCES.slice(i, i + 3).join(eol) + eol });
  }
  const samples: Sample[] = [];
  for (const { name, text } of texts) {
    samples.push({ name, text, encoding: 'windows-1256', bom: false, bytes: iconv.encode(text, 'windows-1256') });
    if (!NOT_IN_8859_6.test(text)) samples.push({ name, text, encoding: 'iso-8859-6', bom: false, bytes: iconv.encode(text, 'iso-8859-6') });
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      for (const bom of [false, true]) samples.push({ name, text, encoding, bom, bytes: iconv.encode(text, encoding, { addBOM: bom }) });
    }
    samples.push({ name, text, encoding: 'utf-8', bom: false, bytes: Buffer.from(text, 'utf8') });
  }
  return samples;
}
