/** XML 1.0 escaping for the checkstyle and JUnit formatters. */

/**
 * Characters that XML 1.0 cannot carry at all, not even as character references: C0 controls other
 * than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. They are replaced by U+FFFD.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceIllegal(text: string): string {
  return text.replace(ILLEGAL, '\uFFFD');
}

/** Escapes character data (element content). */
export function xmlText(text: string): string {
  return replaceIllegal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes an attribute value (for double-quoted attributes). Tab, LF and CR become character
 * references so attribute-value normalisation keeps them.
 */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** `name="value"` pairs, in the order given; undefined values are left out. */
export function attrs(pairs: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  return pairs
    .filter((p): p is readonly [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
