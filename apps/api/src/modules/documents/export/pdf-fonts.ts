import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Noto Sans Hans (Simplified Chinese, full CJK coverage) from @embedpdf/fonts-sc. The package only
 * exports its JS entry, so the OTF files are found next to it. pdfkit embeds just the glyphs used.
 *
 * The parsed fonts are kept for the life of the process (each file is ≈8 MB; parsing and the first
 * subset cost ≈1 s): pdfkit accepts a fontkit font object wherever it accepts font bytes, and only reads it.
 */
interface FontkitFont {
  layout(text: string): unknown;
  postscriptName: string;
}

// fontkit comes with pdfkit (its font engine); it ships no typings, hence the small interface above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(data: Uint8Array): FontkitFont };

let cache: { regular: FontkitFont; bold: FontkitFont } | null = null;

export function fontsDirectory(): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The fonts as pdfkit's registerFont takes them (typed as bytes, which is what @types/pdfkit knows). */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: fontkit.create(readFileSync(join(fontsDirectory(), 'NotoSansHans-Regular.otf'))),
    bold: fontkit.create(readFileSync(join(fontsDirectory(), 'NotoSansHans-Bold.otf'))),
  };
  return cache as unknown as { regular: Buffer; bold: Buffer };
}
