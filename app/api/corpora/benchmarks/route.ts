import { route } from "@/lib/http/route";
import { corporaConfig } from "@/lib/corpora/config";
import { listBenchmarkFiles } from "@/lib/corpora/benchmarks";

export const dynamic = "force-dynamic";

/** Benchmark files under the configured folder, offered for decontamination. */
export const GET = route(async () => {
  const { benchmarksDir } = corporaConfig();
  return { dir: benchmarksDir, files: await listBenchmarkFiles(benchmarksDir) };
});
