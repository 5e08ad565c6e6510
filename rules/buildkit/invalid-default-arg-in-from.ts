import { defineRule, globalArgScope, processWord, rangeText } from '../../src/rule-api.js';

function isLowerAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/** One path component: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
function validComponent(s: string): boolean {
  if (s === '' || !isLowerAlnum(s[0] as string) || !isLowerAlnum(s[s.length - 1] as string)) return false;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (isLowerAlnum(c)) {
      i++;
      continue;
    }
    // A separator: '.', '_', '__' or one or more '-'; must be followed by an alphanumeric.
    let j = i;
    if (c === '.') j++;
    else if (c === '_') j += s[i + 1] === '_' ? 2 : 1;
    else if (c === '-') while (s[j] === '-') j++;
    else return false;
    if (!isLowerAlnum(s[j] ?? '')) return false;
    i = j;
  }
  return true;
}

function validDomain(s: string): boolean {
  let host = s;
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && !s.endsWith(']')) {
    if (!/^[0-9]+$/.test(s.slice(colon + 1))) return false;
    host = s.slice(0, colon);
  }
  if (host.startsWith('[')) return host.endsWith(']') && /^\[[0-9A-Fa-f:.]+\]$/.test(host);
  if (host === '') return false;
  return host.split('.').every((label) => /^[A-Za-z0-9]$|^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$/.test(label));
}

/** `reference.ParseNormalizedNamed` from distribution/reference: does `ref` parse? */
export function isValidImageReference(ref: string): boolean {
  if (ref === '') return false;
  let rest = ref;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const colon = digest.indexOf(':');
    if (colon <= 0 || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)?$/.test(digest.slice(0, colon)) || !/^[0-9a-fA-F]{32,}$/.test(digest.slice(colon + 1))) return false;
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    const tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return false;
  }
  if (rest === '' || rest.length > 255) return false;
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  let path = parts;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!validDomain(first)) return false;
    path = parts.slice(1);
  } else if (parts.length === 1 && /^[a-f0-9]{64}$/.test(first)) {
    return false;
  }
  return path.length > 0 && path.every(validComponent);
}

export default defineRule({
  code: 'InvalidDefaultArgInFrom',
  name: 'invalid-default-arg-in-from',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  fixable: false,
  docs: {
    summary: 'Default value for global ARG results in an empty or invalid base image name',
    what: 'Expands each FROM image reference with only the defaults of the global ARGs (as if no `--build-arg` were given) and flags it when the result is empty or not a valid image reference (such as `busybox:` or a name with uppercase letters).',
    why: 'A Dockerfile should build without extra arguments. `ARG TAG` without a default makes `FROM busybox:${TAG}` expand to `busybox:`, and the build fails for anyone who does not know which `--build-arg` to pass.',
    examples: [
      { bad: 'ARG TAG\nFROM busybox:${TAG}', good: 'ARG TAG=latest\nFROM busybox:${TAG}' },
      { bad: 'ARG IMAGE\nFROM ${IMAGE}', good: 'ARG IMAGE=alpine:3.20\nFROM ${IMAGE}' },
    ],
    exceptions: 'An ARG may stay empty when the reference is valid without it (`FROM busybox:stable${VARIANT}`), and `${TAG:-3.20}` supplies its own default. As in BuildKit, a FROM without variables is checked too, so a literal invalid name (`FROM cgr.dev/ORG/app`) is reported with the same message; the name of an earlier stage is accepted in any case.',
    equivalents: ['BuildKit InvalidDefaultArgInFrom', 'dockerfile-utils BASE_NAME_EMPTY'],
    references: ['https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/'],
  },
  check({ model, report }) {
    const { values } = globalArgScope(model);
    for (const stage of model.stages) {
      const image = stage.from.args[0];
      if (!image) continue;
      const r = processWord(rangeText(model, image.range).text, (n) => values.get(n), model.escapeChar);
      if (!r || isValidImageReference(r.result)) continue;
      // An earlier stage's name is fine in any case (BuildKit matches stage names without case).
      const lower = r.result.toLowerCase();
      if (model.stages.some((s) => s.index < stage.index && s.name === lower)) continue;
      report({ message: `Default value for ARG ${image.value} results in empty or invalid base image name`, range: image.range });
    }
  },
});
