import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5005 invalid-mount', () => {
  it('checks RUN --mount types and options', async () => {
    await checkRule('DW5005', {
      valid: [
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache,sharing=locked,id=pip,uid=1000,gid=1000,mode=0755 pip install x',
        'FROM alpine:3.20\nRUN --mount=type=bind,source=go.sum,target=go.sum,ro --mount=target=/src,rw=true go build',
        'FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required --mount=type=secret,id=tok,env=TOKEN npm ci',
        'FROM alpine:3.20\nRUN --mount=type=ssh,required=true git clone x',
        'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/tmp,size=64m echo',
        'FROM alpine:3.20\nRUN --mount=Type=Cache,Target=/x echo',
        'FROM alpine:3.20\nRUN --mount=type=bind,from=builder,source=/out,target=/out echo',
        'FROM alpine:3.20\nRUN --mount=type=cache,target=$CACHE_DIR,id=$ID echo',
        'FROM alpine:3.20\nRUN --mount="type=bind,source=a,target=/b" echo',
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nRUN --mount=type=cahce,target=/x echo', at: [[2, 18, 2, 23]], message: /did you mean cache/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,targte=/x echo', at: [[2, 24, 2, 33]], message: /did you mean target/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target echo', message: /key=value pair/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,ro=yes echo', message: /Invalid value for ro/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,required echo', message: /only secret and ssh/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,size=1g echo', message: /only tmpfs/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=bind,target=/x,sharing=locked echo', message: /only cache mounts/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,sharing=lock echo', message: /shared, private or locked/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,mode=755x echo', message: /octal/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=bind,target=/x,uid=0 echo', message: /uid not allowed/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x,gid=root echo', message: /expected a number/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=secret echo', message: /one of id, source or target/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=a,source=b echo', message: /source and id/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=a,from=b echo', message: /should not have a from/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=bind,from=$IMAGE,target=/x echo', at: [[2, 28, 2, 34]], message: /variable expansion/ },
        { code: 'FROM alpine:3.20\nRUN --mount=type=bind,source=a\\"b,target=/x echo', message: /CSV/ },
      ],
    });
  });
});
