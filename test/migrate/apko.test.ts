import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { apkoLimitations, emitApkoYaml } from '../../src/migrate/apko.js';
import type { MigrationPlan } from '../../src/migrate/plan.js';
import { goPlan, kitchenSinkPlan, seedPlan } from './fixtures.js';

const apko = (make: () => MigrationPlan): MigrationPlan => ({ ...make(), target: 'apko' });

describe('apko.yaml', () => {
  test('is valid YAML for every fixture and deterministic', () => {
    for (const make of [seedPlan, goPlan, kitchenSinkPlan]) {
      const text = emitApkoYaml(apko(make));
      expect(text).toBe(emitApkoYaml(apko(make)));
      const doc = YAML.parse(text) as Record<string, unknown>;
      expect(doc['archs']).toEqual(['x86_64', 'aarch64']);
    }
  });

  test('alpine base: same branch repositories, apk packages, entrypoint and accounts', () => {
    const doc = YAML.parse(emitApkoYaml(apko(seedPlan))) as Record<string, Record<string, unknown>>;
    expect(doc['contents']).toEqual({
      repositories: ['https://dl-cdn.alpinelinux.org/alpine/v3.5/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.5/community'],
      packages: ['python2'],
    });
    expect(doc['cmd']).toBe('/usr/bin/python /usr/src/app/app.py');
  });

  test('strings with quotes, ${ and backslashes survive', () => {
    const doc = YAML.parse(emitApkoYaml(apko(kitchenSinkPlan))) as Record<string, Record<string, unknown>>;
    expect(doc['environment']?.['GREETING']).toBe("say \"hi\" to ${USER}\\n and $HOME; it''s fine");
    expect(doc['annotations']?.['maintainer']).toBe('Jane "JD" Doe <jd@example.org>');
    expect(doc['accounts']).toEqual({ groups: [{ groupname: 'app', gid: 10001 }], users: [{ username: 'app', uid: 10001, gid: 10001, shell: '/sbin/nologin' }], 'run-as': 'app' });
  });

  test('what apko cannot express is reported and needs a person', () => {
    const limits = apkoLimitations(apko(kitchenSinkPlan));
    const rules = new Set(limits.map((l) => l.rule));
    for (const r of ['builder-needs-melange', 'files-need-melange', 'package-needs-apk-name', 'ports-unsupported', 'labels-as-annotations', 'healthcheck-unsupported']) {
      expect(rules.has(r), r).toBe(true);
    }
    expect(limits.filter((l) => l.rule === 'ports-unsupported')[0]?.needsPerson).toBe(false);
    expect(emitApkoYaml(apko(kitchenSinkPlan))).toContain('# Not expressible with apko');
  });
});
