import { describe, it } from 'vitest';
import { checkRule } from '../../helpers/lint.js';

describe('DW5022 unsupported-substitution', () => {
  it('flags bash-only expansions in builder-expanded instructions', async () => {
    await checkRule('DW5022', {
      valid: [
        'ARG V=1\nFROM alpine:${V:-3.20}\nENV A=${V} B=${V:+x} C=${V-y} D=${V?err} E=${V:?err}',
        'FROM alpine:3.20\nARG V=1.2.3\nLABEL major=${V%%.*} rest=${V#*.} r=${V/./-} g=${V//./_} p=${V%.*} q=${V##*.}',
        'FROM alpine:3.20\nRUN echo ${V:0:7} ${V^^} ${#V}',
        'FROM alpine:3.20\nCMD echo ${V:0:7}',
        "FROM alpine:3.20\nENV PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '",
        'FROM alpine:3.20\nENV A=\\${V:0:1}',
        'FROM alpine:3.20\nENV A=${V:-${W:-x}}',
        // Only plain ${NAME} substitutions (the scan is skipped for those).
        "FROM alpine:3.20\nENV A=${V} B=\"${W_2}\" C='${_x}' \\\n    D=${V}${W}",
      ],
      invalid: [
        { code: 'FROM alpine:3.20\nARG GIT_SHA\nENV SHORT_SHA=${GIT_SHA:0:7}', at: [[3, 15, 3, 29]], message: /":0"/ },
        { code: 'FROM alpine:3.20\nARG NAME=app\nWORKDIR /srv/${NAME^^}', at: [[3, 14, 3, 23]], message: /"\^"/ },
        { code: 'FROM alpine:3.20\nARG V\nLABEL len=${#V}', message: /unsupported modifier "V"/ },
        { code: 'FROM alpine:3.20\nENV A=${}', message: /bad substitution/ },
        { code: 'FROM alpine:3.20\nENV A="${V"', message: /missing "}"/ },
        { code: 'FROM alpine:3.20\nCOPY --chown=${USER,,} a /b', at: [[2, 14, 2, 23]] },
        { code: 'FROM alpine:3.20\nCOPY ["${SRC:1}", "/dst/"]', count: 1 },
        // A plain substitution before a bad one, and a bad one split over a line continuation.
        { code: 'FROM alpine:3.20\nENV A=${V} B=${V:0:1}', count: 1, message: /":0"/ },
        { code: 'FROM alpine:3.20\nENV A=${V:\\\n0:1}', count: 1, message: /":0"/ },
      ],
    });
  });
});
