import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/text.js';

/** Line starts as the character loop finds them (LineIndex takes a faster path for text without \r). */
function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

describe('LineIndex line starts', () => {
  it('break after \\n, \\r\\n and a lone \\r, with or without a final line break', () => {
    for (const t of ['', 'a', '\n', 'a\nb', 'a\nb\n', '\n\n', 'a\r\nb', 'a\rb\r', '\r\n\r\n', 'a\n\rb', 'é😀\nx']) {
      expect(new LineIndex(t).lineStarts, JSON.stringify(t)).toEqual(referenceLineStarts(t));
    }
  });

  it('are those of the character loop on random text', () => {
    const token = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r', '😀', '\\');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(new LineIndex(t).lineStarts).toEqual(referenceLineStarts(t));
      }),
      { numRuns: 1000 },
    );
  });
});
