/**
 * Parsing of the config instructions (CMD, ENTRYPOINT, HEALTHCHECK, EXPOSE, VOLUME, USER ...)
 * into plain values. Program resolution (store paths) happens in the planner.
 */
import type { InstructionNode } from '../../model/model.js';
import { argsTextOf, parseDuration } from './util.js';

export type CommandForm = { form: 'exec'; argv: string[] } | { form: 'shell'; text: string };

/** CMD / ENTRYPOINT / RUN-like arguments: exec form (JSON) or shell form (text). */
export function parseCommandArgs(text: string, node: InstructionNode): CommandForm {
  const json = node.syntax.json;
  if (json !== null && node.syntax.heredocs.length === 0) return { form: 'exec', argv: json.map((w) => w.value) };
  return { form: 'shell', text: argsTextOf(text, node) };
}

export interface ParsedHealthcheck {
  none: boolean;
  cmd: CommandForm | null;
  intervalNs?: number;
  timeoutNs?: number;
  startPeriodNs?: number;
  startIntervalNs?: number;
  retries?: number;
  /** Flags that could not be read. */
  bad: string[];
}

export function parseHealthcheck(text: string, node: InstructionNode): ParsedHealthcheck {
  const out: ParsedHealthcheck = { none: false, cmd: null, bad: [] };
  for (const f of node.syntax.flags) {
    const name = f.name.toLowerCase();
    const raw = f.value ?? '';
    const v = node.resolve(raw) ?? raw;
    if (name === 'retries') {
      if (/^\d+$/.test(v)) out.retries = Number(v);
      else out.bad.push(`--retries=${raw}`);
      continue;
    }
    const ns = parseDuration(v);
    if (ns === null) {
      out.bad.push(`--${f.name}=${raw}`);
      continue;
    }
    if (name === 'interval') out.intervalNs = ns;
    else if (name === 'timeout') out.timeoutNs = ns;
    else if (name === 'start-period') out.startPeriodNs = ns;
    else if (name === 'start-interval') out.startIntervalNs = ns;
    else out.bad.push(`--${f.name}`);
  }
  const rest = argsTextOf(text, node);
  const m = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  const kw = (m?.[1] ?? '').toUpperCase();
  if (kw === 'NONE') {
    out.none = true;
    return out;
  }
  if (kw !== 'CMD') {
    out.bad.push(`expected CMD or NONE, got ${m?.[1] ?? 'nothing'}`);
    return out;
  }
  const body = (m?.[2] ?? '').trim();
  if (body.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (Array.isArray(parsed) && parsed.every((x): x is string => typeof x === 'string')) {
        out.cmd = { form: 'exec', argv: parsed };
        return out;
      }
    } catch {
      // not JSON: shell form, as Docker reads it
    }
  }
  out.cmd = { form: 'shell', text: body };
  return out;
}

export interface PortSpec {
  port: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** EXPOSE arguments; null when a value cannot be read (variables without values, bad syntax). */
export function parsePorts(node: InstructionNode): PortSpec[] | null {
  const out: PortSpec[] = [];
  for (const w of node.syntax.args) {
    const v = node.resolve(w.value);
    if (v === null) return null;
    for (const part of v.split(/\s+/).filter((x) => x !== '')) {
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(part);
      if (m === null) return null;
      const from = Number(m[1]);
      const to = m[2] !== undefined ? Number(m[2]) : from;
      const protocol = (m[3]?.toLowerCase() ?? 'tcp') as PortSpec['protocol'];
      if (to < from || to - from > 256 || to > 65535) return null;
      for (let p = from; p <= to; p++) out.push({ port: p, protocol });
    }
  }
  return out;
}

/** VOLUME arguments (JSON or words). */
export function parseVolumes(node: InstructionNode): string[] | null {
  const words = node.syntax.json ?? node.syntax.args;
  const out: string[] = [];
  for (const w of words) {
    const v = node.resolve(w.value);
    if (v === null) return null;
    out.push(v.replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** USER value split into user and group. */
export function parseUser(spec: string): { user: string; group: string | null } {
  const i = spec.indexOf(':');
  return i < 0 ? { user: spec, group: null } : { user: spec.slice(0, i), group: spec.slice(i + 1) };
}
