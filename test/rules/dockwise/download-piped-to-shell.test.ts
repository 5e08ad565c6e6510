import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW1012 download-piped-to-shell', () => {
  it('flags scripts fetched and run unchecked', () =>
    checkRule('DW1012', {
      valid: [
        'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh',
        'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg',
        'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz',
        'FROM debian:12\nRUN V=$(curl -fsSL https://api.github.com/repos/x/y/releases/latest | jq -r .tag_name)',
        'FROM debian:12\nRUN echo "curl https://example.com | sh"',
      ],
      invalid: [
        { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh', at: [[2, 16, 2, 46]], message: /piped into `sh`/ },
        { code: 'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sudo -E bash -', message: /`bash`/ },
        { code: 'FROM debian:12\nRUN curl -sSL https://install.python-poetry.org | python3 -', message: /`python3`/ },
        { code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"', count: 1 },
        { code: 'FROM debian:12\nRUN bash <(curl -fsSL https://example.com/install.sh)', count: 1 },
        { code: 'FROM debian:12 AS build\nRUN set -o pipefail && curl -sSf https://sh.rustup.rs | sh -s -- -y\nFROM debian:12\nCOPY --from=build /root/.cargo /root/.cargo', count: 1 },
        { code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSL https://example.com/install.sh | bash\nEOF', at: [[3, 12, 3, 42]] },
      ],
    }));
});
