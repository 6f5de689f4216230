/**
 * Chinese text takes full-width punctuation. Authors type half-width marks by habit (and
 * text pasted from web pages carries them), so prose is normalised where a mark touches a
 * Chinese character; numbers such as 61.4 or 1,000 are left alone.
 */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’《》';
const MARKS: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

// A mark touching a Chinese character, or ending a line of text that has Chinese in it.
const besideCjk = new RegExp(`(?<=[${CJK}])\\s*([,;:!?])|([,;:!?])(?=\\s*[${CJK}]|$)`, 'gm');
const parens = new RegExp(`\\(([^()]*[${CJK}][^()]*)\\)`, 'g');

export function toFullWidth(text: string): string {
  if (!new RegExp(`[${CJK}]`).test(text)) return text;
  let out = text.replace(besideCjk, (_m, a: string | undefined, b: string | undefined) => MARKS[(a ?? b)!]!);
  out = out.replace(parens, '（$1）');
  // Straight double quotes around Chinese text become curly ones, alternating open/close.
  if (new RegExp(`"[^"]*[${CJK}][^"]*"`).test(out)) {
    let open = true;
    out = out.replace(/"/g, () => ((open = !open) ? '”' : '“'));
  }
  return out;
}
