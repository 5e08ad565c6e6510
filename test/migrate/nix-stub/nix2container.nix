# Offline stand-in for nix2container (nlewo/nix2container default.nix, master 2026-03):
# formals copy its buildImage / buildLayer / pullImage argument lists (no `...`).
let
  drv = name: extra: { type = "derivation"; inherit name; } // extra
    // { outPath = builtins.deepSeq extra "/nix/store/00000000000000000000000000000000-${name}"; };
  permsOk = perms: builtins.all (p: builtins.isAttrs p && p ? path && p ? regex && p ? mode) perms;
in
{
  buildImage = { name, tag ? null, config ? { }, layers ? [ ], copyToRoot ? null, fromImage ? "",
                 arch ? "amd64", perms ? [ ], maxLayers ? 1, initializeNixDatabase ? false,
                 nixUid ? 0, nixGid ? 0, created ? "0001-01-01T00:00:00Z", contents ? null, meta ? { } }@args:
    assert permsOk perms;
    assert !(config ? Healthcheck); # OCI ImageConfig has no Healthcheck; nix2container drops it (#197)
    drv "image-${name}.json" { inherit args; };
  buildLayer = { deps ? [ ], copyToRoot ? null, ignore ? null, layers ? [ ], reproducible ? true,
                 perms ? [ ], maxLayers ? 1, contents ? null, metadata ? { created_by = "nix2container"; } }@args:
    assert permsOk perms;
    drv "layers.json" { inherit args; };
  pullImage = { imageName, imageDigest, sha256, os ? "linux", arch ? "amd64", tlsVerify ? true, name ? "image" }@args:
    drv name { inherit args; };
}
