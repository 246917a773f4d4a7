import { describe, expect, it } from "vitest";
import { getExecutor } from "./executor";

describe("getExecutor", () => {
  it("fails with unavailable:sandbox while the sandbox module is absent", async () => {
    const execute = getExecutor();
    await expect(execute([{ id: "a", language: "py", program: "print(1)" }])).rejects.toMatchObject({ code: "unavailable:sandbox" });
  });
});
