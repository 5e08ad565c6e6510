import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW4005 expose-ssh-port', () => {
  it('flags port 22 in stages that ship', () =>
    checkRule('DW4005', {
      valid: [
        'FROM debian:12\nEXPOSE 8080',
        'FROM debian:12\nEXPOSE 2222',
        'FROM debian:12\nEXPOSE 220/tcp',
        'FROM debian:12 AS build\nEXPOSE 22\nFROM debian:12\nEXPOSE 80',
        'FROM debian:12\nEXPOSE 20-30',
        'FROM debian:12\nARG P\nEXPOSE $P',
      ],
      invalid: [
        { code: 'FROM debian:12\nEXPOSE 22', at: [[2, 8, 2, 10]], message: /Port 22 \(SSH\)/ },
        { code: 'FROM debian:12\nEXPOSE 80 22/tcp', at: [[2, 11, 2, 13]] },
        { code: 'FROM debian:12\nEXPOSE 22/udp 22/tcp', count: 2 },
        { code: 'FROM debian:12\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}', at: [[3, 8, 3, 19]] },
        { code: 'FROM debian:12 AS base\nEXPOSE 22\nFROM base\nCMD ["sshd"]', count: 1 },
        { code: 'FROM debian:12\nEXPOSE 127.0.0.1:2200:22', at: [[2, 23, 2, 25]] },
      ],
    }));
});
