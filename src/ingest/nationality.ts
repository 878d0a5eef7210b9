/**
 * Nationalities: the adjective an article uses ("German", "South Korean") and the country a
 * COUNTRY claim records ("Germany", "South Korea").
 */

export const DEMONYMS: Record<string, string> = {
  Chinese: 'China', German: 'Germany', Japanese: 'Japan', Korean: 'South Korea', 'South Korean': 'South Korea',
  American: 'United States', Taiwanese: 'Taiwan', French: 'France', British: 'United Kingdom', Swedish: 'Sweden',
  Finnish: 'Finland', Dutch: 'Netherlands', Swiss: 'Switzerland', Indian: 'India', Italian: 'Italy', Canadian: 'Canada',
  Israeli: 'Israel', Austrian: 'Austria', Danish: 'Denmark', Norwegian: 'Norway', Spanish: 'Spain', Irish: 'Ireland',
  Singaporean: 'Singapore', Belgian: 'Belgium', Polish: 'Poland', Brazilian: 'Brazil', Mexican: 'Mexico', Australian: 'Australia',
  Vietnamese: 'Vietnam', Thai: 'Thailand', Indonesian: 'Indonesia', Malaysian: 'Malaysia', Turkish: 'Turkey', Estonian: 'Estonia',
};

export function isDemonym(word: string): boolean {
  return Object.hasOwn(DEMONYMS, word);
}
