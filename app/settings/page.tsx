import { db } from "@/lib/db/client";
import { listEndpoints } from "@/lib/settings/endpoints";
import { findLocalModels, localModelsDir } from "@/lib/llm/local/find-local-models";
import { EndpointsEditor } from "@/components/settings/endpoints-editor";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [endpoints, localModels] = await Promise.all([listEndpoints(db()), findLocalModels()]);
  return (
    <>
      <h1>Settings</h1>
      <h2>Model endpoints</h2>
      <p className="muted">Used by generation roles (I-Generator, R-Generator, scorer, agents) and evaluations. API keys are stored on the server and never sent back to the browser. A local model is a GGUF file run inside the worker (no server needed); files in <code>{localModelsDir()}</code> are offered to new runs. “Test connection” (also run on save, and by <code>xinstruct endpoints test NAME</code>) lists the served models and measures latency, the JSON mode the server accepts and its context length; runs and evaluations check their endpoints the same way before they start.</p>
      <EndpointsEditor initial={endpoints} localModels={localModels.map((m) => m.path)} />
    </>
  );
}
