/**
 * DW4001 scans instruction texts only when `mayHaveTextHits`, regex and substring tests over the
 * whole file, allows a text hit. Differential check: wherever the gate says no, the full scan finds
 * nothing either (corpus, when present, fixtures of the rule's own tests, and edge cases).
 */
import { describe, it } from 'vitest';
import { expectGateSound } from '../../helpers/gate.js';
import { instructionTextHits, mayHaveTextHits } from '../../../rules/security/hardcoded-secret.js';

const CASES = [
  'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAZ7Q3LRM2WQXJ5N4P',
  'FROM alpine:3.20\nENV K=x.AKIAZ7Q3LRM2WQXJ5N4P',
  'FROM alpine:3.20\nENV T=ghp_Zq3LRm2WQxJ5N4PZq3LRm2WQxJ5N4PabCD',
  'FROM alpine:3.20\nENV T=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'FROM alpine:3.20\nENV T=sk-proj-T3BlbkFJabcdefghij1234567890ZZ',
  'FROM alpine:3.20\nRUN git clone https://ci-bot:s3cr3tPassw0rd@git.example.org/org/repo.git',
  'FROM alpine:3.20\nRUN echo "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7Zq3LRm2WQxJ5N4PZq3LRm2WQxJ5N4PZq3LRm2WQxJ5N4P\\n-----END RSA PRIVATE KEY-----" > /k',
  'FROM alpine:3.20\nRUN curl -u admin:hunter2x https://example.com/',
  'FROM alpine:3.20\nENV URL=ftp://u:p@files.example.com \\\n    OTHER=1',
];

describe('DW4001 gate', () => {
  it('never rules out a file in which the full scan finds a text hit', async () => {
    await expectGateSound(
      CASES,
      (model) => {
        const full = instructionTextHits(model);
        return [{ full, found: full.length > 0, allowed: mayHaveTextHits(model.text) }];
      },
      [],
    );
  });
});
