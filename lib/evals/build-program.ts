import { assembleMultiplE, truncateAtStopTokens } from "@/lib/evals/assemble";
import { extractCode } from "@/lib/evals/chat/extract-code";
import { joinChatCode } from "@/lib/evals/chat/qwen-join";
import { evalplusHarness } from "@/lib/evals/evalplus-harness";
import type { BenchmarkProblem, GenerationMode } from "@/lib/evals/types";

export interface BuiltProgram {
  /** The code spliced into the program (truncated completion or extracted chat code). */
  completion: string;
  program: string;
}

/**
 * Turns one model output into the program to execute.
 * Completion mode: prompt + output cut at the first stop token + the benchmark's tests.
 * Chat mode: the code block extracted from the answer, re-joined with the prompt as Qwen's
 * MultiPL-E chat evaluation does, then the tests.
 */
export function buildProgram(problem: BenchmarkProblem, generation: string, mode: GenerationMode): BuiltProgram {
  if (mode === "completion") {
    const completion = truncateAtStopTokens(generation, problem.stopTokens);
    switch (problem.format) {
      case "multipl-e":
        return { completion, program: assembleMultiplE(problem.prompt, completion, problem.stopTokens, problem.tests) };
      case "humaneval":
        return { completion, program: problem.prompt + completion + "\n" + problem.tests + "\n" + `check(${problem.entryPoint})` + "\n" };
      case "mbpp":
        return { completion, program: problem.prompt + completion + "\n" + mbppTests(problem) };
      case "evalplus":
        return { completion, program: evalplusHarness(problem, problem.prompt + completion) };
    }
  }
  const code = extractCode(generation, problem.language);
  switch (problem.format) {
    case "multipl-e": {
      const joined = joinChatCode(code, { language: problem.language, name: problem.id, prompt: problem.prompt, tests: problem.tests });
      return { completion: code, program: joined + "\n" + problem.tests };
    }
    case "humaneval": {
      const joined = joinChatCode(code, { language: "py", name: null, entryPoint: problem.entryPoint, prompt: problem.prompt, tests: problem.tests });
      return { completion: code, program: joined + "\n" + problem.tests + "\n" + `check(${problem.entryPoint})` + "\n" };
    }
    case "mbpp":
      return { completion: code, program: code + "\n" + mbppTests(problem) };
    case "evalplus": {
      const joined = joinChatCode(code, { language: "py", name: null, entryPoint: problem.entryPoint, prompt: problem.prompt, tests: "" });
      return { completion: code, program: evalplusHarness(problem, joined) };
    }
  }
}

function mbppTests(problem: Extract<BenchmarkProblem, { format: "mbpp" }>): string {
  return [...problem.testImports, ...problem.testList].join("\n") + "\n";
}
