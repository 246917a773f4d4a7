import { describe, expect, it } from "vitest";
import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";
import { defaultRunConfig, safeParseRunConfig } from "@/lib/domain/run-config";
import { friendlyMessage, getIn, issuesByPath, numberInput, optionalNumberInput, setIn } from "./config-state";
import { parseCustomOperations } from "./operations-field";

describe("new-run form state", () => {
  it("updates a nested field without touching the rest", () => {
    const c = defaultRunConfig();
    const next = setIn(c, "agents.memory.capacity", 8);
    expect(getIn(next, "agents.memory.capacity")).toBe(8);
    expect(c.agents.memory.capacity).toBe(16);
    expect(next.agents.memory.similarity).toBe(c.agents.memory.similarity);
  });

  it("turns the schema's issues into messages per field", () => {
    const c = setIn(setIn(setIn(defaultRunConfig(), "agents.memory.capacity", numberInput("0")), "discussion.groupSize", numberInput("many")), "languages", ["py", "Py!"]);
    const r = safeParseRunConfig(c);
    expect(r.ok).toBe(false);
    const m = issuesByPath(r.ok ? [] : r.issues);
    expect(m.get("agents.memory.capacity")).toEqual(["Must be >=1"]);
    expect(m.get("discussion.groupSize")).toEqual(["Enter a number."]);
    const unknown = `unknown language "Py!"; known: ${MULTIPLE_LANGUAGES.join(", ")}`;
    expect(m.get("languages")).toEqual([unknown]);
    expect(m.get("languages.1")).toEqual([unknown]);
  });

  it("reads numbers and leaves other text for the schema to refuse", () => {
    expect(numberInput(" 0.7 ")).toBe(0.7);
    expect(numberInput("")).toBe("");
    expect(numberInput("1e")).toBe("1e");
    expect(friendlyMessage("Invalid input: expected number, received string")).toBe("Enter a number.");
  });

  it("stores an empty agents-per-language field as null (one agent per seed) and refuses what is not a whole number above 0", () => {
    const withField = (text: string) => safeParseRunConfig(setIn(defaultRunConfig(), "agents.perLanguage", optionalNumberInput(text)));
    const blank = withField("  ");
    expect(blank.ok && blank.config.agents.perLanguage).toBeNull();
    const two = withField("2");
    expect(two.ok && two.config.agents.perLanguage).toBe(2);
    const messages = (text: string) => {
      const r = withField(text);
      return issuesByPath(r.ok ? [] : r.issues).get("agents.perLanguage");
    };
    expect(messages("two")).toEqual(["Enter a number."]);
    expect(messages("1.5")).toEqual(["Enter a whole number."]);
    expect(messages("0")).toEqual(["Must be >=1"]);
  });

  it("parses custom operations one a line", () => {
    expect(parseCustomOperations("use-generics: Make it generic.\n\n  golf \n")).toEqual([{ id: "use-generics", description: "Make it generic." }, { id: "golf", description: "" }]);
  });
});
