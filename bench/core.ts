// The core modules the in-process benchmarks time, bundled by esbuild as dist/server.js is
// (see loadBundled in lib.ts): run through tsx's per-module transform they are several times slower.
export { ActorIndex } from '../server/src/core/actors/actor-index';
export { NameMatcher } from '../server/src/core/actors/matcher';
export { parseRegistry } from '../server/src/core/actors/registry';
export { LineIndex } from '../server/src/core/text/lines';
export { arabicWords } from '../server/src/core/text/arabic-words';
