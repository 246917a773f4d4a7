import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `lua f.lua`, 15 s (Lua 5.3 there, Debian's 5.4 here); the tests use luaunit (Debian's lua-unit). */
export const lua: LanguageSpec = {
  id: "lua",
  name: "Lua",
  extension: "lua",
  requires: () => [
    { path: "/usr/bin/lua5.4", install: "apt package lua5.4" },
    { path: "/usr/share/lua/5.4/luaunit.lua", install: "apt package lua-unit" },
  ],
  defaultLimits: {},
  sourceFile: () => "main.lua",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/lua5.4", sourceFile] }),
  syntaxError: /^\S*lua5\.4: [^\n]*:\d+: (syntax error|unexpected symbol|'[^']*' expected|unfinished (string|long string|long comment)|malformed number)/m,
  outOfMemory: /not enough memory/,
};
