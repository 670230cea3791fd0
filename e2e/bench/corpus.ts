import type { Lang } from '../../shared/index.js';

/**
 * Realistic sentences per language (news register, like the demo document),
 * combined into paragraphs of two or three sentences. Aligned by index, so a
 * paragraph's targets translate its source.
 */
const SENTENCES: Record<Lang, string[]> = {
  en: [
    'The second China–Central Asia Summit was held in Astana on Tuesday afternoon.',
    'The heads of state reviewed the results of cooperation since the Xi’an summit.',
    'They agreed to deepen trade, transport links and cultural exchange.',
    'A treaty of permanent good-neighbourliness and friendly cooperation was signed.',
    'Trade between the two sides grew by more than a third last year.',
    'New railway and road corridors will shorten delivery times to Europe.',
    'Universities will open joint programmes and exchange more students.',
    'The leaders also discussed water management and green energy.',
  ],
  zh: [
    '第二届中国—中亚峰会于星期二下午在阿斯塔纳举行。',
    '各国元首回顾了西安峰会以来的合作成果。',
    '他们同意深化贸易、交通互联和人文交流。',
    '各方签署了永久睦邻友好合作条约。',
    '去年双方贸易额增长了三分之一以上。',
    '新的铁路和公路走廊将缩短通往欧洲的运输时间。',
    '各大学将开设联合项目并扩大学生交流。',
    '领导人还讨论了水资源管理和绿色能源。',
  ],
  ru: [
    'Второй саммит «Китай — Центральная Азия» прошёл в Астане во вторник днём.',
    'Главы государств подвели итоги сотрудничества после саммита в Сиане.',
    'Они договорились углублять торговлю, транспортные связи и культурный обмен.',
    'Был подписан договор о вечном добрососедстве и дружественном сотрудничестве.',
    'Товарооборот сторон в прошлом году вырос более чем на треть.',
    'Новые железнодорожные и автомобильные коридоры сократят сроки доставки в Европу.',
    'Университеты откроют совместные программы и расширят обмен студентами.',
    'Лидеры также обсудили управление водными ресурсами и зелёную энергетику.',
  ],
  kk: [
    'Екінші «Қытай — Орталық Азия» саммиті сейсенбі күні түстен кейін Астанада өтті.',
    'Мемлекет басшылары Сиань саммитінен бергі ынтымақтастық нәтижелерін қорытындылады.',
    'Олар сауда, көлік байланысы мен мәдени алмасуды тереңдетуге келісті.',
    'Мәңгілік тату көршілік және достық ынтымақтастық туралы шартқа қол қойылды.',
    'Өткен жылы тараптардың тауар айналымы үштен бірден астам өсті.',
    'Жаңа теміржол және автомобиль дәліздері Еуропаға жеткізу мерзімін қысқартады.',
    'Университеттер бірлескен бағдарламалар ашып, студент алмасуын кеңейтеді.',
    'Көшбасшылар су ресурстарын басқару мен жасыл энергетиканы да талқылады.',
  ],
  uz: [
    'Ikkinchi «Xitoy — Markaziy Osiyo» sammiti seshanba kuni tushdan keyin Astanada boʻlib oʻtdi.',
    'Davlat rahbarlari Sian sammitidan beri hamkorlik natijalarini sarhisob qildi.',
    'Ular savdo, transport aloqalari va madaniy almashinuvni chuqurlashtirishga kelishdi.',
    'Abadiy yaxshi qoʻshnichilik va doʻstona hamkorlik toʻgʻrisida shartnoma imzolandi.',
    'Oʻtgan yili tomonlar oʻrtasidagi tovar aylanmasi uchdan bir qismdan koʻproq oʻsdi.',
    'Yangi temir yoʻl va avtomobil yoʻlaklari Yevropaga yetkazib berish muddatini qisqartiradi.',
    'Universitetlar qoʻshma dasturlar ochib, talabalar almashinuvini kengaytiradi.',
    'Yetakchilar suv resurslarini boshqarish va yashil energetikani ham muhokama qildi.',
  ],
};

/** Paragraph `i` in `lang`: two or three consecutive sentences, the same ones in every language. */
export function paragraphText(lang: Lang, i: number): string {
  const s = SENTENCES[lang];
  const count = 2 + (i % 2);
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(s[(i + k) % s.length] ?? '');
  return out.join(lang === 'zh' ? '' : ' ');
}
