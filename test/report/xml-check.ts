/**
 * A tiny XML 1.0 well-formedness checker, enough for the flat documents our formatters emit:
 * declaration, nested elements, double-quoted attributes, character data, no comments/CDATA/DTD.
 * Returns the problems found (empty when well-formed) and a light element tree for assertions.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlCheck {
  problems: string[];
  root: XmlElement | undefined;
}

// Chars allowed by XML 1.0 production [2] Char (surrogate pairs are checked as pairs).
const ILLEGAL_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;

function decode(text: string, problems: string[], where: string): string {
  const bare = text.replace(ENTITY, '');
  if (bare.includes('&')) problems.push(`unescaped & in ${where}: ${JSON.stringify(text)}`);
  if (bare.includes('<')) problems.push(`unescaped < in ${where}: ${JSON.stringify(text)}`);
  return text.replace(ENTITY, (m) => {
    switch (m) {
      case '&amp;':
        return '&';
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&quot;':
        return '"';
      case '&apos;':
        return "'";
      default: {
        const cp = m.startsWith('&#x') ? parseInt(m.slice(3, -1), 16) : parseInt(m.slice(2, -1), 10);
        const ch = String.fromCodePoint(cp);
        if (ILLEGAL_CHAR.test(ch)) problems.push(`character reference to illegal char ${m}`);
        return ch;
      }
    }
  });
}

export function checkXml(xml: string): XmlCheck {
  const problems: string[] = [];
  if (ILLEGAL_CHAR.test(xml)) problems.push(`illegal character U+${(xml.match(ILLEGAL_CHAR)?.[0].codePointAt(0) ?? 0).toString(16)}`);
  let rest = xml;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(rest);
  if (!decl) problems.push('missing XML declaration');
  else rest = rest.slice(decl[0].length);

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([^\s/>]+)((?:\s+[^\s=]+="[^"]*")*)\s*(\/?)>/y;
  let pos = 0;
  while (pos < rest.length) {
    const lt = rest.indexOf('<', pos);
    const text = lt < 0 ? rest.slice(pos) : rest.slice(pos, lt);
    if (text.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim() !== '') problems.push(`text outside the root element: ${JSON.stringify(text)}`);
      } else {
        top.text += decode(text, problems, `<${top.name}> text`);
      }
    }
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(rest);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${JSON.stringify(rest.slice(lt, lt + 60))}`);
      break;
    }
    const [whole, closing, name = '', attrText = '', selfClosing] = m;
    if (!NAME.test(name)) problems.push(`bad element name ${name}`);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) problems.push(`mismatched </${name}> (open: ${open?.name ?? 'none'})`);
    } else {
      const el: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (const a of attrText.matchAll(/([^\s=]+)="([^"]*)"/g)) {
        const key = a[1] ?? '';
        if (!NAME.test(key)) problems.push(`bad attribute name ${key}`);
        if (key in el.attrs) problems.push(`duplicate attribute ${key} on <${name}>`);
        el.attrs[key] = decode(a[2] ?? '', problems, `${name}@${key}`);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) problems.push(`second root element <${name}>`);
      else root = el;
      if (!selfClosing) stack.push(el);
    }
    pos = lt + whole.length;
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.map((e) => e.name).join(', ')}`);
  if (!root) problems.push('no root element');
  return { problems, root };
}
