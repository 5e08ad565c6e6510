import { defineRule, globalArgScope, processWord, rangeText } from '../../src/rule-api.js';

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
  'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos', 'macos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64',
  's390', 's390x', 'sparc', 'sparc64', 'wasm', 'i386', 'x86_64', 'x86-64', 'aarch64', 'armhf', 'armel',
]);

function normalizeArch(arch: string): string {
  switch (arch) {
    case 'i386':
      return '386';
    case 'x86_64':
    case 'x86-64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    case 'armhf':
    case 'armel':
      return 'arm';
    default:
      return arch;
  }
}

/** containerd's platforms.Parse, reduced to OS and architecture; null when it would fail. */
function parsePlatform(spec: string): { os: string; arch: string } | null {
  const parts = spec.toLowerCase().split('/');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_-]+$/.test(p))) return null;
  const [a = '', b] = parts;
  if (parts.length === 1) {
    if (KNOWN_OS.has(a)) return { os: a === 'macos' ? 'darwin' : a, arch: 'amd64' };
    if (KNOWN_ARCH.has(a)) return { os: 'linux', arch: normalizeArch(a) };
    return null;
  }
  return { os: a === 'macos' ? 'darwin' : a, arch: normalizeArch(b ?? '') };
}

export default defineRule({
  code: 'FromPlatformFlagConstDisallowed',
  name: 'from-platform-flag-const-disallowed',
  severity: 'warning',
  category: 'correctness',
  source: 'buildkit',
  duplicates: ['DL3029'],
  fixable: false,
  docs: {
    summary: 'FROM --platform flag should not use a constant value',
    what: 'Flags a FROM whose `--platform` is a constant (`--platform=linux/amd64`), unless the stage name mentions that OS or architecture.',
    why: 'A constant platform pins the stage to one architecture: `docker build --platform linux/arm64,linux/amd64` then builds an amd64 stage for both, and the result runs under emulation or not at all. Use `$BUILDPLATFORM` for build tools, or leave the flag out and choose the platform on the command line.',
    examples: [
      { bad: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git', good: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache git' },
      { bad: 'FROM --platform=linux/arm64 golang:1.22 AS build', good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build' },
    ],
    exceptions: 'A stage whose name contains the OS or the architecture (`AS build_arm64`, `AS windows-base`) is meant to be platform-specific and is not flagged. Values with any variable, and values that are not valid platforms, are not flagged.',
    equivalents: ['BuildKit FromPlatformFlagConstDisallowed', 'hadolint DL3029'],
    references: ['https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/'],
  },
  check({ model, report }) {
    const { values } = globalArgScope(model);
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.valueRange || flag.value === null) continue;
      const r = processWord(rangeText(model, flag.valueRange).text, (n) => values.get(n), model.escapeChar);
      if (!r || r.matched.size > 0 || r.unmatched.length > 0) continue;
      const p = parsePlatform(r.result);
      if (!p) continue;
      const name = stage.name ?? '';
      if (name.includes(p.os) || name.includes(p.arch)) continue;
      report({ message: `FROM --platform flag should not use constant value ${JSON.stringify(r.result)}`, range: flag.range });
    }
  },
});
