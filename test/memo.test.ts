import { describe, expect, it } from 'vitest';
import { Memo } from '../src/memo.ts';

describe('Memo', () => {
  it('works a value out once per key, and again after being cleared', () => {
    const memo = new Memo<string, number>(10);
    let made = 0;
    const make = () => ++made;
    expect(memo.get('a', make)).toBe(1);
    expect(memo.get('a', make)).toBe(1);
    expect(memo.get('b', make)).toBe(2);
    memo.clear();
    expect(memo.get('a', make)).toBe(3);
  });

  it('keeps a value that is null or undefined like any other', () => {
    const memo = new Memo<string, null | undefined>(10);
    let made = 0;
    memo.get('none', () => (made++, null));
    memo.get('none', () => (made++, null));
    memo.get('missing', () => (made++, undefined));
    memo.get('missing', () => (made++, undefined));
    expect(made).toBe(2);
  });

  it('holds at most max values, starting afresh when full', () => {
    const memo = new Memo<number, number>(3);
    for (let i = 0; i < 3; i++) memo.get(i, () => i);
    expect(memo.size).toBe(3);
    memo.get(3, () => 3);
    expect(memo.size).toBe(1);
    let made = 0;
    memo.get(0, () => ++made);
    expect(made).toBe(1);
  });
});
