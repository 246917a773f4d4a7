import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import { redactRunConfig } from "./secrets";
import { AppError } from "@/lib/errors";
import { formatIssues, safeParseRunConfig, type RunConfig, type RunConfigIssue, type RunConfigOptions } from "./run-config";

/**
 * The run config as a YAML file: the same file is exported from and imported into the UI and
 * passed to `xinstruct generate --config`. Errors name the field and its line.
 */

export type YamlConfigResult = { ok: true; config: RunConfig } | { ok: false; issues: (RunConfigIssue & { line?: number })[]; message: string };

export function safeRunConfigFromYaml(text: string, options: RunConfigOptions = {}): YamlConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length) {
    const issues = doc.errors.map((e) => ({ path: [], message: e.message.split("\n")[0], line: e.linePos?.[0]?.line }));
    return { ok: false, issues, message: `Invalid YAML:\n${issues.map((i) => `  line ${i.line ?? "?"}: ${i.message}`).join("\n")}` };
  }
  const r = safeParseRunConfig(doc.toJS() ?? {}, options);
  if (r.ok) return r;
  const lineOf = (path: (string | number)[]): number | undefined => {
    // the nearest existing ancestor names the line when the field itself is missing
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const issues = r.issues.map((i) => ({ ...i, line: lineOf(i.path) }));
  return { ok: false, issues, message: `Invalid run config:\n${formatIssues(r.issues, lineOf)}` };
}

export function runConfigFromYaml(text: string, options: RunConfigOptions = {}): RunConfig {
  const r = safeRunConfigFromYaml(text, options);
  if (!r.ok) throw new AppError("invalid:run-config", r.message, { detail: r.issues });
  return r.config;
}

/** API keys and header values are left out unless asked for: an exported config is meant to be shared. */
export function runConfigToYaml(config: RunConfig, { includeSecrets = false } = {}): string {
  const plain = JSON.parse(JSON.stringify(includeSecrets ? config : redactRunConfig(config)));
  return `# xinstruct generation run config\n${stringify(plain, { lineWidth: 100 })}`;
}
