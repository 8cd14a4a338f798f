/** The initial article a catalog skips when sorting a title (MARC 245 ind2, MODS nonSort). */
import { describe, expect, it } from 'vitest';
import { nonFilingTitle } from '../../../functions/core/records/non-filing-title.ts';

describe('nonFilingTitle', () => {
  it.each([
    ['The Anti-Soviet Fabrications', 'The '],
    ['A Conversation with Stalin', 'A '],
    ['An Account of the Talks', 'An '],
    ['the minutes, as written', 'the '],
    ['"The Plan" of 1950', '"The '],
    ['The "Big Three" Meeting', 'The "'],
    ['“The Plan” of 1950', '“The '],
  ])('skips the article of "%s": "%s"', (title, nonSort) => {
    const { nonSort: skipped, rest } = nonFilingTitle(title);
    expect(skipped).toBe(nonSort);
    expect(`${skipped}${rest}`).toBe(title);
  });

  it.each([
    'Telegram from Mao Zedong to I.V. Stalin',
    'Theory of Revolution',
    'Another Report',
    'A-bomb Tests',
    'A & B Report',
    '"Telegram" from Beijing',
    'The',
    'A ',
  ])('skips nothing in "%s"', (title) => {
    expect(nonFilingTitle(title)).toEqual({ nonSort: '', rest: title });
  });
});
