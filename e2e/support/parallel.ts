import type { Lang } from '../../shared/index.js';

/**
 * A short five-language news text for the reading view: paragraphs of very
 * different lengths per language (Chinese is dense, Russian and Kazakh run
 * long), so that aligned rows are something to prove rather than a given.
 */
export const PARALLEL: Record<Lang, string>[] = [
  {
    en: 'The summit opened in Astana.',
    zh: '峰会在阿斯塔纳开幕。',
    ru: 'Саммит открылся в Астане.',
    kk: 'Саммит Астанада ашылды.',
    uz: 'Sammit Astanada ochildi.',
  },
  {
    en: 'Leaders of the member states discussed trade, transport corridors and water, and agreed to meet again next year to review what has been done.',
    zh: '成员国领导人讨论了贸易、运输走廊和水资源问题。',
    ru: 'Руководители государств-членов обсудили торговлю, транспортные коридоры и водные ресурсы и договорились встретиться снова в следующем году, чтобы подвести итоги сделанного и наметить новые совместные шаги.',
    kk: 'Мүше мемлекеттердің басшылары сауда, көлік дәліздері және су мәселелерін талқылады.',
    uz: 'Aʼzo davlatlar rahbarlari savdo, transport yoʻlaklari va suv masalalarini muhokama qildi hamda kelgusi yili yana uchrashishga kelishib oldi.',
  },
  {
    en: 'Delegates arrived on time.',
    zh: '代表们按时抵达，会场秩序井然，各方代表在开幕式前进行了简短的非正式交流，气氛友好。',
    ru: 'Делегаты прибыли вовремя.',
    kk: 'Делегаттар уақытында келді.',
    uz: 'Delegatlar oʻz vaqtida yetib keldi.',
  },
  {
    en: 'The hosts thanked the guests.',
    zh: '东道主感谢了来宾。',
    ru: 'Хозяева поблагодарили гостей.',
    kk: 'Қабылдаушы тарап қонақтарға алғыс айтып, келесі кездесуде бірлескен жобалардың нәтижелерін қорытындылауды ұсынды және барлық қатысушыларға сапарлары сәтті өтсін деп тіледі.',
    uz: 'Mezbonlar mehmonlarga minnatdorchilik bildirdi.',
  },
  {
    en: 'A joint statement was signed.',
    zh: '双方签署了联合声明。',
    ru: 'Было подписано совместное заявление.',
    kk: 'Бірлескен мәлімдемеге қол қойылды.',
    uz: 'Qoʻshma bayonot imzolandi.',
  },
  {
    en: 'The next meeting will take place in Tashkent.',
    zh: '下一次会议将在塔什干举行。',
    ru: 'Следующая встреча пройдёт в Ташкенте.',
    kk: 'Келесі кездесу Ташкентте өтеді.',
    uz: 'Keyingi uchrashuv Toshkentda boʻlib oʻtadi.',
  },
];
