/** Rule helpers, re-exported by src/rule-api.ts (the one module rules import from). */

// ---------------------------------------------------------------------------------------------
// The implicit base-image dependency analysis (DW3xxx, rules/dockwise): where every program a
// Dockerfile runs comes from (src/analysis/provenance.ts), and the knowledge it reads.
// ---------------------------------------------------------------------------------------------
export { analyseProvenance, firstUses, installCommand, explicitAdvice } from '../analysis/provenance.js';
export type { Provenance, ProgramUse, ProgramSource, UseContext, ExplicitVia, StageBaseInfo, BaseTier, BaseProvider, KnownBase } from '../analysis/provenance.js';
export { commandProvidersInImage, packagesProvidingCommand, packageCommands as commandsOfPackage, packageDepends, packageRecommends, packageClosure, isShellBuiltin, shellKindOf } from '../knowledge/index.js';
export type { Family, PackageFamily, ShellName } from '../knowledge/index.js';
