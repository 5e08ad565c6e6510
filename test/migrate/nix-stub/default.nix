# Offline stand-in for the slice of nixpkgs that dockwise's generated expressions use.
#
# Function formals copy the documented argument lists (no `...`), so a misspelt or
# unsupported argument fails exactly as it would against nixpkgs:
#   - dockerTools: nixpkgs doc/build-helpers/images/dockertools.section.md (streamLayeredImage
#     inputs) and pkgs/build-support/docker/default.nix; buildLayeredImage forwards to
#     streamLayeredImage (+ compressor in recent nixpkgs). There is no runAsRoot here.
#   - fakeNss: pkgs/by-name/fa/fakeNss/package.nix (extraPasswdLines, extraGroupLines).
#   - language builders: the arguments dockwise emits plus the common documented ones; real
#     nixpkgs passes unknown arguments on to mkDerivation, this stub is deliberately stricter.
# Package attributes come from data/package-map.json, so an attribute that is not in the
# mapping table fails with "attribute ... missing". `nodePackages` does not exist (removed in
# nixpkgs 26.05).
{ ... }:
let
  hashOf = name: builtins.substring 0 32 (builtins.hashString "sha256" name);
  # outPath forces every argument deeply, so anything wrong inside an argument (a missing
  # attribute, a failed assertion, a context path that does not exist) surfaces when the image
  # is evaluated with `nix-instantiate --eval --strict`.
  drv = name: extra:
    { type = "derivation"; inherit name; } // extra
    // { outPath = builtins.deepSeq extra "/nix/store/${hashOf name}-${name}"; };

  # --- attributes from the mapping table ------------------------------------------------
  packageMap = builtins.fromJSON (builtins.readFile ../../../data/package-map.json);
  tables = builtins.attrValues packageMap.entries;
  mappedAttrs = builtins.filter (a: a != null)
    (builtins.concatLists (map (t: map (e: e.nixAttr) (builtins.attrValues t)) tables));
  setPath = path: value:
    if path == [ ] then value
    else { ${builtins.head path} = setPath (builtins.tail path) value; };
  merge = a: b:
    a // builtins.mapAttrs
      (n: v: if a ? ${n} && builtins.isAttrs v && builtins.isAttrs a.${n} && !(v ? type) then merge a.${n} v else v)
      b;
  fromPath = attrPath:
    let parts = builtins.filter builtins.isString (builtins.split "\\." attrPath);
    in setPath parts (drv (builtins.replaceStrings [ "." ] [ "-" ] attrPath) { });
  mapped = builtins.foldl' merge { } (map fromPath mappedAttrs);
  extraKnown = builtins.listToAttrs (map (n: { name = n; value = drv n { }; })
    [ "bashInteractive" "coreutils" "cacert" "iana-etc" "tzdata" "glibcLocales" "busybox" "nginx" "openssl" "zlib" "autoconf" "pkg-config" ]);

  # --- python ---------------------------------------------------------------------------
  buildPythonApplication =
    { pname, version, src, pyproject ? null, format ? null, build-system ? [ ], dependencies ? [ ],
      nativeBuildInputs ? [ ], buildInputs ? [ ], propagatedBuildInputs ? [ ], doCheck ? true,
      pythonImportsCheck ? [ ], meta ? { } }@args:
    assert builtins.isList dependencies && builtins.isList build-system;
    drv "${pname}-${version}" { inherit args; };
  pyPkgs = (mapped.python3Packages or { }) // {
    setuptools = drv "setuptools" { };
    wheel = drv "wheel" { };
    inherit buildPythonApplication;
  };
  mkPython = name: drv name {
    withPackages = f:
      let selected = f pyPkgs;
      in assert builtins.isList selected;
        drv "${name}-env" { selected = map (p: p.name) selected; };
    pkgs = pyPkgs;
  };

  # --- dockerTools ----------------------------------------------------------------------
  streamLayeredImage =
    { name, tag ? null, fromImage ? null, contents ? [ ], config ? { }, architecture ? "amd64",
      created ? "1970-01-01T00:00:01Z", mtime ? "1970-01-01T00:00:01Z", uid ? 0, gid ? 0,
      uname ? "root", gname ? "root", maxLayers ? 100, extraCommands ? "", fakeRootCommands ? "",
      enableFakechroot ? false, includeStorePaths ? true, includeNixDB ? false, passthru ? { },
      meta ? { } }@args:
    assert builtins.isList contents || builtins.isAttrs contents;
    assert builtins.isAttrs config;
    assert builtins.isString fakeRootCommands;
    drv "stream-${name}" { inherit args; imageTag = if tag == null then "0000" else tag; };
  buildImage =
    { name, tag ? null, fromImage ? null, fromImageName ? null, fromImageTag ? null,
      copyToRoot ? null, keepContentsDirlinks ? false, runAsRoot ? null, extraCommands ? "",
      config ? null, architecture ? "amd64", diskSize ? 1024, buildVMMemorySize ? 512,
      created ? "1970-01-01T00:00:01Z", uid ? 0, gid ? 0, compressor ? "gz",
      includeNixDB ? false, meta ? { }, contents ? null }@args:
    drv "docker-image-${name}.tar.gz" { inherit args; };
  pullImage =
    { imageName, imageDigest, sha256 ? "", hash ? "", os ? "linux", arch ? "amd64",
      finalImageName ? imageName, finalImageTag ? "latest", tlsVerify ? true, name ? "image" }@args:
    assert sha256 != "" || hash != "";
    drv "docker-image-${name}.tar" { inherit args; };
  fakeNssWith = { extraPasswdLines ? [ ], extraGroupLines ? [ ] }@args:
    assert builtins.all builtins.isString (extraPasswdLines ++ extraGroupLines);
    drv "fake-nss" { inherit args; override = fakeNssWith; };

  # --- trivial builders and fetchers ----------------------------------------------------
  runCommand = name: env: script:
    assert builtins.isString name && builtins.isAttrs env && builtins.isString script;
    drv name { inherit script; };
  fetchurl = { url, hash ? "", sha256 ? "", name ? baseNameOf url }@args:
    assert hash != "" || sha256 != "";
    drv name { inherit args; };
in
mapped // extraKnown // {
  lib = {
    fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };
  inherit runCommand fetchurl;
  python3 = mkPython "python3";
  python3Packages = pyPkgs;
  stdenv.mkDerivation =
    { pname, version, src, nativeBuildInputs ? [ ], buildInputs ? [ ], configurePhase ? "",
      dontConfigure ? false, buildPhase ? "", installPhase ? "", meta ? { } }@args:
    drv "${pname}-${version}" { inherit args; };
  buildGoModule =
    { pname, version, src, vendorHash, subPackages ? [ ], ldflags ? [ ], tags ? [ ], env ? { },
      proxyVendor ? false, modRoot ? "./", nativeBuildInputs ? [ ], buildInputs ? [ ],
      doCheck ? true, meta ? { } }@args:
    assert vendorHash == null || builtins.isString vendorHash;
    drv "${pname}-${version}" { inherit args; };
  rustPlatform.buildRustPackage =
    { pname, version, src, cargoHash, cargoBuildFlags ? [ ], buildFeatures ? [ ],
      nativeBuildInputs ? [ ], buildInputs ? [ ], doCheck ? true, meta ? { } }@args:
    assert builtins.isString cargoHash;
    drv "${pname}-${version}" { inherit args; };
  buildNpmPackage =
    { pname, version, src, npmDepsHash, npmBuildScript ? "build", dontNpmBuild ? false,
      npmFlags ? [ ], nodejs ? null, makeCacheWritable ? false, nativeBuildInputs ? [ ],
      buildInputs ? [ ], meta ? { } }@args:
    assert builtins.isString npmDepsHash;
    drv "${pname}-${version}" { inherit args; };
  dockerTools = {
    inherit streamLayeredImage buildImage pullImage;
    # recent nixpkgs: buildLayeredImage = streamLayeredImage + compression ("none" | "gz" | "zstd")
    buildLayeredImage = { compressor ? "gz", ... }@args:
      assert builtins.elem compressor [ "none" "gz" "zstd" ];
      (streamLayeredImage (builtins.removeAttrs args [ "compressor" ])) // { name = "${args.name}.tar.gz"; };
    binSh = drv "bin-sh" { };
    usrBinEnv = drv "usr-bin-env" { };
    caCertificates = drv "ca-certificates" { };
    fakeNss = fakeNssWith { };
    shadowSetup = "";
  };
}
