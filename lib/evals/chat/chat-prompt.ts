import type { BenchmarkProblem } from "@/lib/evals/types";

/**
 * The user message sent to an instruct model. For function-completion benchmarks (MultiPL-E,
 * HumanEval(+)) it is Qwen2.5-Coder's instruct MultiPL-E prompt (`get_humaneval_prompt`): the
 * stripped prompt in a fence tagged with MultiPL-E's language key. For MBPP it is Qwen's
 * `format_test_example` ("<task> Your code should pass these tests:\n<asserts>"), zero-shot
 * (Qwen prepends few-shot examples we do not ship), with a request for a ```python block.
 */
export function buildChatInstruction(problem: BenchmarkProblem): string {
  if (problem.format === "mbpp") {
    return (
      `${problem.description.trim()} Your code should pass these tests:\n${problem.testList.join("\n")}\n\n` +
      "Write the Python function and return it in a ```python code block."
    );
  }
  return (
    "Please continue to complete the function and return all completed code in a codeblock. " +
    `Here is the given code to do completion:\n\`\`\`${problem.language}\n${problem.prompt.trim()}\n\`\`\``
  );
}
