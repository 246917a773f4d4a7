import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import { AppError } from "@/lib/errors";
import { trainConfigSchema, type TrainConfig } from "@/lib/training/config";

/** train.yaml for `xinstruct train --config`: errors name the field and its line. */
export function trainConfigFromYaml(text: string, overrides: Record<string, unknown> = {}): TrainConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length) {
    const lines = doc.errors.map((e) => `  line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`);
    throw new AppError("invalid:train-config", `Invalid YAML:\n${lines.join("\n")}`);
  }
  const raw = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) throw new AppError("invalid:train-config", "The training config must be a YAML mapping.");
  const r = trainConfigSchema.safeParse({ ...raw, ...overrides });
  if (r.success) return r.data;
  const lineOf = (p: PropertyKey[]): number | undefined => {
    for (let n = p.length; n > 0; n--) {
      const node = doc.getIn(p.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const lines = r.error.issues.map((i) => {
    const line = lineOf(i.path);
    return `  ${line ? `line ${line}: ` : ""}${i.path.join(".") || "config"}: ${i.message}`;
  });
  throw new AppError("invalid:train-config", `Invalid training config:\n${lines.join("\n")}`, { detail: r.error.issues });
}

export function trainConfigToYaml(c: TrainConfig): string {
  return `# xinstruct training config (xinstruct train --config this.yaml)\n${stringify(JSON.parse(JSON.stringify(c)), { lineWidth: 100 })}`;
}
