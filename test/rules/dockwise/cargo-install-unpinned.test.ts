import { describe, expect, it } from 'vitest';
import { checkRule, findingsOf } from '../../helpers/lint.js';

describe('DW1009 cargo-install-unpinned', () => {
  it('flags cargo install without a version or --locked', () =>
    checkRule('DW1009', {
      valid: [
        'FROM rust:1.82\nRUN cargo install --locked ripgrep@14.1.1',
        'FROM rust:1.82\nRUN cargo install --locked --version 0.2.3 cargo-chef',
        'FROM rust:1.82\nRUN cargo install --locked --path .',
        'FROM rust:1.82\nRUN cargo install --locked --git https://github.com/x/y --tag v1.0.0',
        'FROM rust:1.82\nRUN cargo build --release',
      ],
      invalid: [
        { code: 'FROM rust:1.82\nRUN cargo install ripgrep', at: [[2, 19, 2, 26]], message: /ripgrep@<version>/ },
        { code: 'FROM rust:1.82\nRUN cargo install --version 0.2.3 cargo-chef', count: 1, message: /--locked/ },
        { code: 'FROM rust:1.82\nRUN cargo install --path .', message: /--locked/ },
        { code: 'FROM rust:1.82\nRUN cargo install --locked --git https://github.com/x/y', message: /--tag/ },
        { code: 'FROM rust:1.82\nRUN cargo install --locked --git https://github.com/x/y --branch main', count: 1 },
      ],
    }));

  it('reports a missing --locked as info with a fix', async () => {
    const [f] = await findingsOf('DW1009', 'FROM rust:1.82\nRUN cargo install sccache@0.8.2');
    expect(f?.severity).toBe('info');
    expect(f?.fix?.edits[0]?.newText).toBe(' --locked');
    const [g] = await findingsOf('DW1009', 'FROM rust:1.82\nRUN cargo install sccache');
    expect(g?.severity).toBe('warning');
  });
});
