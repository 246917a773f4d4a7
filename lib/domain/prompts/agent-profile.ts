import { languageName } from "../language-names";

/** The profile p of an agent: the task definition and its language speciality (paper §2.3). */
export function agentProfile(language: string, extra?: string): string {
  const lang = languageName(language);
  const lines = [
    `You are the ${lang} agent of a team of language-specific agents that create instruction data for code models.`,
    `Your speciality is ${lang}: its idioms, standard library and pitfalls.`,
    "Your task: with the other agents, turn existing (instruction, solution) samples into new, harder, self-contained programming problems with correct solutions and tests, carrying knowledge from one language to another.",
  ];
  if (extra) lines.push(extra.trim());
  return lines.join("\n");
}
