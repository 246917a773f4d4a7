import { afterAll, describe, expect, it } from "vitest";
import { closeDefaultPool } from "@/lib/sandbox";
import { getExecutor } from "./executor";

afterAll(async () => { await closeDefaultPool(); });

describe("the evaluation executor", () => {
  it("runs programs in the sandbox and reports each verdict under the caller's id", async () => {
    const seen: string[] = [];
    const results = await getExecutor()(
      [
        { id: "good", language: "py", program: "assert 1 + 1 == 2\n" },
        { id: "bad", language: "py", program: "assert 1 + 1 == 3\n" },
        { id: "broken", language: "js", program: "function (\n" },
      ],
      { onResult: (id) => seen.push(id) },
    );
    expect(results.get("good")!.status).toBe("ok");
    expect(results.get("bad")!.status).toBe("exception");
    expect(results.get("bad")!.stderr).toContain("AssertionError");
    expect(results.get("broken")!.status).not.toBe("ok");
    expect(seen.sort()).toEqual(["bad", "broken", "good"]);
  });
});
