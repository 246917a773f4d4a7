import { languageName } from "../language-names";
import type { Snippet } from "../sample";
import { testConvention } from "../test-convention";
import { answerWith, codeBlock, languageLine } from "./format";
import { prompt, type BuiltPrompt } from "./prompt-kinds";

/**
 * Seed data from code snippets (paper §2.1). Ds1: the I-Generator writes an instruction inspired
 * by the snippet, the R-Generator answers it. Ds2: the R-Generator first derives a
 * self-contained solution from the snippet, the I-Generator writes the instruction it answers.
 */

const I_GENERATOR = "You are the I-Generator: you write clear, self-contained programming instructions used to train code models.";
const R_GENERATOR = "You are the R-Generator: an expert programmer who writes correct, idiomatic solutions with tests.";

const TASK_RULES =
  "The task must be solvable in one source file with the standard library only (no network, files or user input), " +
  "name the function or program to write with its inputs and outputs, cover edge cases, and not refer to any snippet.";

export function ds1InstructionPrompt(snippet: Snippet): BuiltPrompt {
  const lang = languageName(snippet.language);
  return prompt(
    "ds1-instruction",
    I_GENERATOR,
    [
      languageLine(snippet.language),
      `Write one programming task in ${lang} inspired by the code snippet below. ${TASK_RULES}`,
      `Code snippet:\n${codeBlock(snippet.language, snippet.code)}`,
      answerWith({ instruction: "string" }),
    ].join("\n\n"),
  );
}

export function ds1ResponsePrompt(language: string, instruction: string): BuiltPrompt {
  return prompt(
    "ds1-response",
    R_GENERATOR,
    [
      languageLine(language),
      `Solve the task below in ${languageName(language)} and write tests that check the solution, including edge cases.`,
      `Tests: ${testConvention(language)}`,
      `Task:\n${instruction.trim()}`,
      answerWith({ solution: "string (the code)", tests: "string (the test code)" }),
    ].join("\n\n"),
  );
}

export function ds2ResponsePrompt(snippet: Snippet): BuiltPrompt {
  const lang = languageName(snippet.language);
  return prompt(
    "ds2-response",
    R_GENERATOR,
    [
      languageLine(snippet.language),
      `From the ${lang} code snippet below, derive a self-contained, correct ${lang} solution to one well-defined problem ` +
        "(a function or a small class) and tests for it. Keep what is interesting in the snippet; drop its dependencies on other files.",
      `Tests: ${testConvention(snippet.language)}`,
      `Code snippet:\n${codeBlock(snippet.language, snippet.code)}`,
      answerWith({ solution: "string (the code)", tests: "string (the test code)" }),
    ].join("\n\n"),
  );
}

export function ds2InstructionPrompt(language: string, solution: string): BuiltPrompt {
  return prompt(
    "ds2-instruction",
    I_GENERATOR,
    [
      languageLine(language),
      `Write the instruction that the ${languageName(language)} solution below answers exactly: the task a user would give to get this code. ${TASK_RULES} Do not include the code.`,
      `Solution:\n${codeBlock(language, solution)}`,
      answerWith({ instruction: "string" }),
    ].join("\n\n"),
  );
}
