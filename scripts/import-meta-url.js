// Injected into the CommonJS bundle by scripts/build.mjs, as esbuild's documentation shows: the
// sources are ES modules and find files beside themselves through import.meta.url, which a
// CommonJS file does not have.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
