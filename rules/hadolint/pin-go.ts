import { defineRule, packageInstalls, wordRange } from '../../src/rule-api.js';

/** A package path that names a module on the network: its first element has a dot (`github.com/x/y`). */
function isRemoteModulePath(name: string): boolean {
  const first = name.split('/')[0] ?? '';
  return first.includes('.') && !name.endsWith('.go');
}

export default defineRule({
  code: 'DL3062',
  name: 'pin-go',
  severity: 'warning',
  category: 'unpinned-version',
  source: 'hadolint',
  fixable: false,
  docs: {
    summary: 'Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`',
    what: 'Flags `go install` and `go get` packages (and the package that `go run` runs) without `@version`, or pinned to the moving queries `@latest`, `@none`, `@upgrade` or `@patch`, in RUN and ONBUILD RUN.',
    why: 'Without a version, `go install` fetches the newest release of the module each time: the image changes without any change to the Dockerfile, and a compromised release lands on the next build.',
    examples: [
      { bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest', good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2' },
      { bad: 'FROM golang:1.23\nRUN go get github.com/google/uuid', good: 'FROM golang:1.23\nRUN go get github.com/google/uuid@v1.6.0' },
    ],
    exceptions: 'Local paths (`.`, `./cmd/...`, `/src`) are not flagged, as in hadolint. dockwise also skips `.go` files (`go run main.go`) and package paths without a domain (`myapp/cmd/server`, standard-library commands), which belong to the main module or the toolchain and cannot take a version; hadolint flags them. A package given through a variable whose value is unknown is not flagged.',
    equivalents: ['hadolint DL3062'],
  },
  check({ model, report }) {
    for (const { node, install } of packageInstalls(model)) {
      if (install.manager !== 'go') continue;
      for (const p of install.packages) {
        if (p.pinned || p.dynamic || p.source !== 'registry' || !isRemoteModulePath(p.name)) continue;
        const why = p.version !== null ? `\`@${p.version}\` is not a fixed version` : 'it has no version';
        report({ message: `Pin versions in go: \`${p.name}\` should be \`${p.name}@<version>\` (${why})`, range: wordRange(node, p.word) });
      }
    }
  },
});
