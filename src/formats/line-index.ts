/** Offsets to 1-based line and column. */

export interface Position {
  line: number;
  column: number;
}

export interface LineIndex {
  at(offset: number): Position;
}

export function createLineIndex(text: string, lineOffset = 0): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    at(offset: number): Position {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1 + lineOffset, column: offset - starts[lo]! + 1 };
    },
  };
}
