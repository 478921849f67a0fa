import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';
import { cleanText } from '../src/text/hygiene.js';
import { MARKUP_RULES } from '../src/text/markup.js';

const claimsOfText = (text: string) => extractClaims('p', text).map((c) => [c.kind, c.value ?? [c.low, c.high]]);

/** The cleaned text, and the original text behind the span of `needle` in it. */
function read(original: string, needle: string) {
  const clean = cleanText(original);
  const at = clean.text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in cleaned "${clean.text}"`);
  const [start, end] = clean.span(at, at + needle.length);
  return { text: clean.text, original: original.slice(start, end) };
}

describe('markup rules (LaTeX and PDF damage)', () => {
  it.each([
    ['latex-percent', 'a gain of 4.2\\% overall', '4.2%', '4.2\\%'],
    ['latex-times', 'it runs 3$\\times$ faster', '3x', '3$\\times$'],
    ['latex-times', 'a 2.4\\times speedup', '2.4x speedup', '2.4\\times speedup'],
    ['latex-times', 'runs 2.4\\texttimes{} faster', '2.4x faster', '2.4\\texttimes{} faster'],
    ['arrow-sign', 'mAP rises ($\\uparrow$3.1\\%) overall', '+3.1%', '$\\uparrow$3.1\\%'],
    ['arrow-sign', 'WER falls (\u2193 1.2%) overall', '-1.2%', '\u2193 1.2%'],
    ['latex-approx', 'about $\\sim$5x less memory', '~5x', '$\\sim$5x'],
    ['latex-dash', 'between 10\\textendash 20% fewer steps', '10-20%', '10\\textendash 20%'],
    ['latex-micro', 'an error of 0.02\\textmu m', '0.02µm', '0.02\\textmu m'],
    ['latex-fraction', 'uses $\\frac{1}{4}$ of the memory', '1/4 of', '\\frac{1}{4}$ of'],
    ['latex-wrapper', 'up to \\textbf{12x} smaller', '12x smaller', '12x} smaller'],
    ['latex-inline-math', 'only $10$ GPU hours', '10 GPU', '10$ GPU'],
    ['arrow-transition', 'accuracy 31.2% \u2192 45.6% overall', 'from 31.2% to 45.6%', '31.2% \u2192 45.6%'],
    ['arrow-transition', 'mAP (36.0 $\\rightarrow$ 39.0) overall', '36.0 to 39.0', '36.0 $\\rightarrow$ 39.0'],
    ['tex-range-dash', 'cuts memory by 60--73\\% overall', '60-73%', '60--73\\%'],
    ['tex-range-dash', 'and latency by 2 -- 3$\\times$ on phones', '2-3x', '2 -- 3$\\times$'],
    ['latex-braces', 'cuts cost by 70%{-}90%', '70%-90%', '70%{-}90%'],
    ['latex-nbsp', 'latency below 40~ms on a phone', '40 ms', '40~ms'],
    ['glued-parenthesis', 'on retrieval(Recall@5: +3.1%)', 'retrieval (Recall@5', 'retrieval(Recall@5'],
    ['pdf-split-thousands', 'and 1, 200 times faster decoding', '1,200 times', '1, 200 times'],
    ['pdf-lost-range-dash', 'a 2 4x gain in speed', '2-4x', '2 4x'],
  ])('%s: %s', (rule, original, cleaned, behind) => {
    expect(MARKUP_RULES.some((r) => r.name === rule)).toBe(true);
    const { original: mapped } = read(original, cleaned);
    expect(mapped).toBe(behind);
  });

  it('reads an arrow as a sign only when it is glued to a figure', () => {
    expect(cleanText('FID\u2193 of 12.3 and SSIM\u2191 of 0.91').text).toBe('FID\u2193 of 12.3 and SSIM\u2191 of 0.91');
    expect(extractClaims('p', 'We present a tagger. It improves mAP over the baseline (\u21913.1%).').map((c) => [c.kind, c.value, c.unit])).toEqual([['quality_delta', 3.1, 'pp']]);
  });

  it('reads an arrow between two figures as a change from the first to the second, and no other arrow', () => {
    const claims = extractClaims('p', 'We present a planner. It raises the pass rate (31.2% $\\rightarrow$ 45.6%) and accuracy from 60.1 \u2192 64.0 on the hard split.');
    expect(claims.map((c) => [c.kind, c.text, c.value])).toEqual([['quality_value', '45.6%', 45.6], ['quality_value', '64.0', 64]]);
    expect(cleanText('the encoder -> decoder path and A \u2192 B mapping').text).toBe('the encoder -> decoder path and A \u2192 B mapping');
  });

  it('reads a range whose ends are each in dollars, and LaTeX\'s \\( \\) delimiters as dollars', () => {
    expect(cleanText('speedups of $4.2$-$7.9\\times$ overall').text).toBe('speedups of 4.2-7.9x overall');
    expect(cleanText('it is \\(3\\times\\) faster and uses \\(45\\%\\) less memory').text).toBe('it is 3x faster and uses 45% less memory');
    expect(claimsOfText('We present a kernel. It yields $4.2$-$7.9\\times$ speedups over the dense baseline.')).toEqual([['speedup', [4.2, 7.9]]]);
    // near miss: prose inside the delimiters stays as written
    expect(cleanText('the rate \\(grows with n\\) here').text).toBe('the rate \\(grows with n\\) here');
  });

  it('reads a fraction of two whole numbers, and leaves a fraction of symbols alone', () => {
    expect(claimsOfText('We propose FooNet. It needs only $\\frac{1}{8}$ of the training steps.')).toEqual([['efficiency', 8]]);
    expect(claimsOfText('We propose FooNet. Its bound holds with probability $1-\\frac{1}{\\left|Z\\right|}$ for any Z.')).toEqual([]);
  });

  it('leaves prose in dollars alone and keeps plain dollar amounts', () => {
    expect(cleanText('it costs $3 and $5 per run').text).toBe('it costs $3 and $5 per run');
  });

  it('reads two hyphens as a range dash only between figures, not as a dash in prose', () => {
    expect(cleanText('a fast model -- 3x faster -- with less memory').text).toBe('a fast model -- 3x faster -- with less memory');
    const text = 'We present a kernel. It reduces memory by 60--73\\% and latency by 2--3$\\times$ against a dense baseline.';
    expect(extractClaims('p', text).map((c) => [c.kind, c.text, c.low != null ? [Number(c.low.toFixed(3)), Number(c.high!.toFixed(3))] : c.value])).toEqual([
      ['efficiency', '60--73\\%', [2.5, 3.704]],
      ['speedup', '2--3$\\times$', [2, 3]],
    ]);
  });

  it('reads a lost range dash only when the second number is larger', () => {
    expect(cleanText('on 8 4x nodes').text).toBe('on 8 4x nodes');
  });

  it('maps claims in LaTeX source back to the text as written', () => {
    const text = 'We present a kernel. It is up to \\textbf{16$\\times$} faster and uses 30\\% less memory than a dense baseline.';
    const claims = extractClaims('p', text);
    expect(claims.map((c) => [c.kind, c.text, Number(c.value?.toFixed(3))])).toEqual([
      ['speedup', '16$\\times$', 16],
      ['efficiency', '30\\%', 1.429],
    ]);
    for (const c of claims) expect(text.slice(c.span[0], c.span[1])).toBe(c.text);
    expect(claims[0].sentence).toBe('It is up to \\textbf{16$\\times$} faster and uses 30\\% less memory than a dense baseline.');
  });
});
