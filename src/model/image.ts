/** Docker image references: `[registry/]path[:tag][@digest]`. */

export interface ParsedImageRef {
  /** Registry host when the first path component names one (has `.` or `:`, or is `localhost`). */
  registry: string | null;
  /** Repository path as written, without registry, tag or digest (`library/python`, `python`, `org/app`). */
  repository: string;
  /** Last path component (`python` for `docker.io/library/python`). */
  name: string;
  tag: string | null;
  digest: string | null;
}

export function parseImageRef(ref: string): ParsedImageRef {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon + 1).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const lastSlash = rest.lastIndexOf('/');
  return { registry, repository: rest, name: lastSlash >= 0 ? rest.slice(lastSlash + 1) : rest, tag, digest };
}
