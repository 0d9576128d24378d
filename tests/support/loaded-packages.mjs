// `node --import ./tests/support/loaded-packages.mjs …`: appends every package a process resolves (ESM
// imports and CommonJS requires) to the file named by LOADED_PACKAGES_FILE, one name a line, so a test
// can see what a real `papers` process loaded.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const file = process.env.LOADED_PACKAGES_FILE;
const packageOf = (path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];

if (file) {
  register(`data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from "node:fs";
    export async function resolve(specifier, context, next) {
      const r = await next(specifier, context);
      const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url);
      if (m) appendFileSync(${JSON.stringify(file)}, m[1] + "\\n");
      return r;
    }`)}`);
  const load = Module._load;
  Module._load = function (request, parent, ...rest) {
    try { const name = packageOf(Module._resolveFilename(request, parent)); if (name) appendFileSync(file, `${name}\n`); } catch { /* a builtin */ }
    return load.call(this, request, parent, ...rest);
  };
}
