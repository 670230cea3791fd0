/** A short English document and its Russian translation, for import tests (server and e2e). */
export const EN_PARAGRAPHS = [
  'China–Central Asia Summit',
  'The first China–Central Asia Summit was held in Xi’an on 18 and 19 May 2023.',
  'The leaders of China, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan attended.',
  'They signed the Xi’an Declaration and agreed to hold the summit every two years.',
  'The second summit will take place in Kazakhstan in 2025.',
];

export const RU_PARAGRAPHS = [
  'Саммит «Китай — Центральная Азия»',
  'Первый саммит «Китай — Центральная Азия» прошёл в Сиане 18 и 19 мая 2023 года.',
  'В нём участвовали лидеры Китая, Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана.',
  'Они подписали Сианьскую декларацию и договорились проводить саммит раз в два года.',
  'Второй саммит пройдёт в Казахстане в 2025 году.',
];
