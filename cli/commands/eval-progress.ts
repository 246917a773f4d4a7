import cliProgress from "cli-progress";
import type { LanguageProgress } from "@/lib/evals/sample-execution";

/** One progress bar per benchmark/language on stderr: executed of planned, and how many passed. */
export function languageBars() {
  const bars = new cliProgress.MultiBar(
    { format: "{lang} [{bar}] {value}/{total} executed, {passed} passed", stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byLang = new Map<string, cliProgress.SingleBar>();
  const onProgress = (progress: LanguageProgress[]) => {
    for (const p of progress) {
      const key = `${p.benchmark}/${p.language}`;
      let bar = byLang.get(key);
      if (!bar) byLang.set(key, (bar = bars.create(p.total, 0, { lang: key.padEnd(14), passed: 0 })));
      bar.setTotal(p.total);
      bar.update(p.executed, { passed: p.passed });
    }
  };
  return { onProgress, stop: () => bars.stop() };
}
