import { describe, expect, it } from 'vitest';
import { marcText } from '../../../functions/core/marc/build-marcxml.ts';

describe('marcText', () => {
  it.each([
    ['a\n\nb', 'a b'],
    ['  a  \r\n  b ', 'a b'],
    ['a\u2028b\u2029c', 'a b c'],
    ['a\u0085b', 'a b'],
    ['a\tb', 'a b'],
    ['a\u0000b\u007f', 'a b'],
    ['  plain  text ', 'plain  text'],
    ['a\u00a0b', 'a\u00a0b'],
    ['Телеграмма', 'Телеграмма'],
  ])('makes %j one line: %j', (value, expected) => {
    expect(marcText(value)).toBe(expected);
  });
});
