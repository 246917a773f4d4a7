import { describe, expect, it } from "vitest";
import { snippetNames, snippetReference } from "./snippet-names";

describe("the names a snippet defines, for the demo model's instructions", () => {
  it("finds functions, methods and classes across languages, in order, without keywords", () => {
    expect(snippetNames("import os\n\ndef parse_header(line):\n    return line\n\ndef main():\n    pass\n")).toEqual(["parse_header"]);
    expect(snippetNames("export function loadConfig(path) {}\nclass Store {}\n")).toEqual(["loadConfig", "Store"]);
    expect(snippetNames("static int count_words(const char *s) {\n  if (s) {\n  }\n}\n")).toEqual(["count_words"]);
    expect(snippetNames("public List<String> splitLines(String text) {\n  for (int i = 0; i < 1; i++) {}\n}")).toEqual(["splitLines"]);
    expect(snippetNames("usage() {\n  echo hi\n}\n")).toEqual(["usage"]);
    expect(snippetNames("func (s *Server) handle(w http.ResponseWriter) {}")).toEqual(["handle"]);
  });

  it("says nothing about a snippet that defines nothing", () => {
    expect(snippetReference("x = 1\nprint(x)\n")).toBe("");
    expect(snippetReference("def a(): pass\ndef b(): pass\ndef c(): pass")).toBe("Write it in the spirit of `a` and `b` from the given snippet (same conventions and error handling).");
  });
});
