{
  description = "app image, migrated from ./Dockerfile by dockwise (see ./migration-report.json)";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/NIXOS_RELEASE"; # P003: fill with: a release branch such as nixos-<YY.MM>; then `nix flake lock` pins the exact revision in flake.lock
  outputs = { self, nixpkgs }:
  let
    forAll = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: f system nixpkgs.legacyPackages.${system});
  in
  {
    packages = forAll (system: pkgs: {
      default = import ./default.nix { inherit pkgs; };
    });
  };
}
