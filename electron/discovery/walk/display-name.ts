const exactDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Characters that could forge lines or reorder text where a path is shown: C0/C1 controls, DEL, bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\]/g;

export interface DecodedName {
  /** Safe to show and to store as evidence: invalid bytes as \xNN, unsafe characters as \u{NN}, '\' doubled so the escapes stay unambiguous. */
  display: string;
  /** What .gitignore patterns are matched against: invalid bytes become U+FFFD. */
  text: string;
  /** True when `text` is exactly the name on disk, so a string path reaches the file. */
  exact: boolean;
}

/** One directory entry's name, from the bytes readdir returned. */
export function decodeFileName(bytes: Buffer): DecodedName {
  try {
    const text = exactDecoder.decode(bytes);
    return { display: escapeUnsafeCharacters(text), text, exact: true };
  } catch {
    return { display: escapeInvalidUtf8(bytes), text: lossyDecoder.decode(bytes), exact: false };
  }
}

function escapeUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTER, (c) => (c === '\\' ? '\\\\' : `\\u{${c.codePointAt(0)!.toString(16)}}`));
}

/** Rare path (a name that is not UTF-8), so clarity wins over speed: decode one code point at a time. */
function escapeInvalidUtf8(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      out += escapeUnsafeCharacters(exactDecoder.decode(bytes.subarray(i, i + length)));
      i += length;
    }
  }
  return out;
}

function validSequenceLength(bytes: Buffer, start: number): number {
  if (bytes[start]! < 0x80) return 1;
  for (let length = 2; length <= 4 && start + length <= bytes.length; length++) {
    try {
      exactDecoder.decode(bytes.subarray(start, start + length));
      return length;
    } catch {
      // Not a complete sequence at this length; try one byte longer.
    }
  }
  return 0;
}
