import { describe, expect, it } from "vitest";
import { makeStub } from "@/lib/pipeline/verify/make-stub";
import { stubSolution, type SyntaxNode } from "./stub-solution";

// makeStub = the language's tree-sitter parse + stubSolution; the parse is the only I/O (a local grammar).
const stub = async (language: string, source: string) => {
  const r = await makeStub(language, source);
  if (!r.ok) throw new Error(r.reason);
  return r.stub;
};

describe("stubSolution: same declarations, bodies replaced by a default return, constructors kept", () => {
  it("python: every def returns None, __init__ and non-ASCII text around it kept", async () => {
    const src = "import math\n# é ü\nclass Circle:\n    def __init__(self, r):\n        self.r = r\n    def area(self):\n        return math.pi * self.r ** 2\n\ndef add(a, b):\n    \"\"\"Sum.\"\"\"\n    return a + b\n";
    expect(await stub("py", src)).toBe("import math\n# é ü\nclass Circle:\n    def __init__(self, r):\n        self.r = r\n    def area(self):\n        return None\n\ndef add(a, b):\n    return None\n");
  });

  it("javascript: functions, arrows, methods and getters return undefined; the constructor is kept", async () => {
    const src = "function add(a, b) { return a + b; }\nconst mul = (a, b) => a * b;\nclass C { constructor(x) { this.x = x; } get v() { return this.x; } m() { return 2; } }\n";
    expect(await stub("js", src)).toBe("function add(a, b) { return undefined; }\nconst mul = (a, b) => (undefined);\nclass C { constructor(x) { this.x = x; } get v() { return undefined; } m() { return undefined; } }\n");
  });

  it("typescript: the default value is cast so the signature still type-checks; a setter returns nothing", async () => {
    const src = "function add(a: number, b: number): number { return a + b; }\nclass K { set v(x: number) { console.log(x); } }\n";
    expect(await stub("ts", src)).toBe("function add(a: number, b: number): number { return undefined as any; }\nclass K { set v(x: number) {} }\n");
  });

  it("java: the default of the return type (0, false, null, nothing for void); constructors kept", async () => {
    const src = "import java.util.*;\nclass Sol {\n  Sol() { }\n  static int add(int a, int b) { return a + b; }\n  static boolean ok() { return true; }\n  static List<String> names() { return List.of(\"x\"); }\n  void log() { System.out.println(1); }\n}\n";
    expect(await stub("java", src)).toBe("import java.util.*;\nclass Sol {\n  Sol() { }\n  static int add(int a, int b) { return 0; }\n  static boolean ok() { return false; }\n  static List<String> names() { return null; }\n  void log() {}\n}\n");
  });

  it("cpp: value-initialised returns; void, references and deduced types handled; main and constructors kept", async () => {
    const src = "#include <vector>\nint add(int a, int b) { return a + b; }\nstd::vector<int> v() { return {1}; }\nvoid p() { }\nauto q() { return 1; }\nauto t() -> int { return 1; }\nint& r(int& x) { return x; }\nstruct S { S() { } int f() const { return 1; } };\ntemplate <typename T> T id(T x) { return x; }\n";
    expect(await stub("cpp", src)).toBe("#include <vector>\nint add(int a, int b) { return {}; }\nstd::vector<int> v() { return {}; }\nvoid p() {}\nauto q() { throw 0; }\nauto t() -> int { return {}; }\nint& r(int& x) { throw 0; }\nstruct S { S() { } int f() const { return {}; } };\ntemplate <typename T> T id(T x) { return {}; }\n");
  });

  it("csharp: default(T) for blocks and expression bodies, nothing for void, async Task unwrapped", async () => {
    const src = "using System;\nusing System.Threading.Tasks;\nclass Sol {\n  public Sol() { }\n  public static int Add(int a, int b) { return a + b; }\n  public static string S() => \"x\";\n  public static void V() => Console.WriteLine(1);\n  public static async Task<int> A() { await Task.Delay(1); return 1; }\n}\n";
    expect(await stub("cs", src)).toBe("using System;\nusing System.Threading.Tasks;\nclass Sol {\n  public Sol() { }\n  public static int Add(int a, int b) { return default(int); }\n  public static string S() => default(string);\n  public static void V() => _ = 0;\n  public static async Task<int> A() { return default(int); }\n}\n");
  });

  it("php: the declared return type's default (null when nullable or undeclared); __construct kept", async () => {
    const src = "<?php\nfunction add(int $a, int $b): int { return $a + $b; }\nfunction s($x) { return $x; }\nfunction v(): void { echo 1; }\nclass A { public function __construct() { } public function f(): ?string { return 'x'; } public function g(): array { return [1]; } }\n";
    expect(await stub("php", src)).toBe("<?php\nfunction add(int $a, int $b): int { return 0; }\nfunction s($x) { return null; }\nfunction v(): void { }\nclass A { public function __construct() { } public function f(): ?string { return null; } public function g(): array { return []; } }\n");
  });

  it("bash: every function does nothing", async () => {
    expect(await stub("sh", "add() {\n  echo $(( $1 + $2 ))\n}\nfunction mul { echo 1; }\necho top\n")).toBe("add() { :; }\nfunction mul { :; }\necho top\n");
  });

  it("says why when it cannot stub: a parse error, no function at all, an unknown language", async () => {
    expect(await makeStub("py", "def f(:\n  return 1\n")).toEqual({ ok: false, reason: expect.stringMatching(/does not parse/) });
    expect(await makeStub("py", "x = 1\nprint(x)\n")).toEqual({ ok: false, reason: expect.stringMatching(/no function or method/) });
    const leaf: SyntaxNode = { type: "module", text: "", startIndex: 0, endIndex: 0, hasError: false, namedChildren: [], childForFieldName: () => null };
    expect(stubSolution("rust", "", leaf)).toEqual({ ok: false, reason: expect.stringMatching(/no stub rules/) });
  });
});
