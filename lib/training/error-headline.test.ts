import { describe, expect, it } from "vitest";
import { errorHeadline } from "./error-headline";

describe("errorHeadline", () => {
  it("picks the exception line at the end of a Python traceback", () => {
    const err = [
      "the trainer exited with code 1; last log lines:",
      "Traceback (most recent call last):",
      '  File "/w/trainer/data.py", line 31, in read_jsonl',
      '    with open(path, encoding="utf-8") as f:',
      "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/data.jsonl'",
    ].join("\n");
    expect(errorHeadline(err)).toBe("FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/data.jsonl'");
    expect(errorHeadline("x\ntorch.OutOfMemoryError: CUDA out of memory.\n")).toBe("torch.OutOfMemoryError: CUDA out of memory.");
  });
  it("keeps a one-line message as it is", () => {
    expect(errorHeadline("ssh: connect to host gpu1 port 22: Connection refused")).toBe("ssh: connect to host gpu1 port 22: Connection refused");
    expect(errorHeadline("")).toBe("");
  });
});
