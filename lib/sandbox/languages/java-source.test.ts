import { describe, expect, it } from "vitest";
import { javaSourceFacts } from "@/lib/sandbox/languages/java-source";

describe("javaSourceFacts", () => {
  it("MultiPL-E's non-public Problem class holds main", () => {
    const facts = javaSourceFacts("import java.util.*;\nclass Problem {\n  public static long add(long x) { return x; }\n  public static void main(String[] args) {\n  }\n}\n");
    expect(facts).toEqual({ publicClass: null, packageName: null, mainClass: "Problem" });
  });

  it("finds the public class and the class with main among several, ignoring comments and strings", () => {
    const source = [
      "// class Fake { public static void main(String[] a) {} }",
      'import java.util.*; /* public class AlsoFake {} */',
      "class Helper { static String s = \"class Nope { static void main(\"; }",
      "public final class Solution {",
      "  static class Inner { public static void main(String[] a) {} }",
      "  public static void main(String... args) { System.out.println(\"}\"); }",
      "}",
    ].join("\n");
    expect(javaSourceFacts(source)).toEqual({ publicClass: "Solution", packageName: null, mainClass: "Solution" });
  });

  it("reads the package, for the fully qualified class to run", () => {
    expect(javaSourceFacts("package a.b;\npublic class Main { public static void main(String[] x) {} }").packageName).toBe("a.b");
  });

  it("a main that is not static does not count", () => {
    expect(javaSourceFacts("class A { void main(String[] x) {} }\nclass B { static public void main(String[] x) {} }").mainClass).toBe("B");
  });
});
