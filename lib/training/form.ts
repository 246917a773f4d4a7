/**
 * The launch form's state (flat, as the inputs hold it) and its translation to a training config.
 * Empty optional fields are left out so the config's defaults apply. Pure: the form only renders.
 */
export interface TrainForm {
  name: string;
  kind: "sft" | "dpo";
  baseModel: string;
  dataset: string;
  evalDataset: string;
  method: "full" | "lora";
  loraR: string;
  loraAlpha: string;
  learningRate: string;
  warmupSteps: string;
  globalBatchSize: string;
  microBatchSize: string;
  maxLength: string;
  epochs: string;
  maxSteps: string;
  beta: string;
  packing: boolean;
  bf16: boolean;
  gradientCheckpointing: boolean;
  evalEvery: string;
  saveEvery: string;
  earlyStoppingPatience: string;
  earlyStoppingMinDelta: string;
  /** only for the plan shown before launch, when the dataset file is not readable on this host */
  datasetSamples: string;
  gpusPerNode: string;
  nodes: string;
  fsdp: boolean;
  backend: "local" | "ssh" | "slurm";
  python: string;
  sshHost: string;
  sshPort: string;
  sshUser: string;
  sshIdentityFile: string;
  sshRemoteDir: string;
  slurmPartition: string;
  slurmAccount: string;
  slurmTimeLimit: string;
  slurmWorkDir: string;
  slurmSetup: string;
}

/** The paper's defaults (Qwen2.5-xCoder: Adam, lr 5e-5, 100 warmup steps, cosine, batch 1024, length 2048). */
export const DEFAULT_FORM: TrainForm = {
  name: "", kind: "sft", baseModel: "Qwen/Qwen2.5-Coder-1.5B", dataset: "", evalDataset: "", method: "full", loraR: "16", loraAlpha: "32",
  learningRate: "5e-5", warmupSteps: "100", globalBatchSize: "1024", microBatchSize: "4", maxLength: "2048", epochs: "3", maxSteps: "",
  beta: "0.1", packing: true, bf16: true, gradientCheckpointing: true, evalEvery: "50", saveEvery: "200", earlyStoppingPatience: "0", earlyStoppingMinDelta: "0", datasetSamples: "",
  gpusPerNode: "1", nodes: "1", fsdp: false, backend: "local", python: "python3",
  sshHost: "", sshPort: "22", sshUser: "", sshIdentityFile: "", sshRemoteDir: "xinstruct-training",
  slurmPartition: "", slurmAccount: "", slurmTimeLimit: "24:00:00", slurmWorkDir: "", slurmSetup: "",
};

const num = (s: string): number | undefined => (s.trim() === "" ? undefined : Number(s));
const str = (s: string): string | undefined => (s.trim() === "" ? undefined : s.trim());

function prune<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function formToConfig(f: TrainForm): Record<string, unknown> {
  return prune({
    name: str(f.name),
    kind: f.kind,
    baseModel: f.baseModel.trim(),
    dataset: f.dataset.trim(),
    evalDataset: str(f.evalDataset),
    method: f.method,
    lora: f.method === "lora" ? prune({ r: num(f.loraR), alpha: num(f.loraAlpha) }) : undefined,
    training: prune({
      learningRate: num(f.learningRate), warmupSteps: num(f.warmupSteps), globalBatchSize: num(f.globalBatchSize),
      microBatchSize: num(f.microBatchSize), maxLength: num(f.maxLength), epochs: num(f.epochs), maxSteps: num(f.maxSteps),
      beta: f.kind === "dpo" ? num(f.beta) : undefined, packing: f.packing, bf16: f.bf16, gradientCheckpointing: f.gradientCheckpointing,
      evalEvery: num(f.evalEvery), saveEvery: num(f.saveEvery),
      earlyStoppingPatience: num(f.earlyStoppingPatience), earlyStoppingMinDelta: num(f.earlyStoppingMinDelta),
    }),
    resources: prune({ gpusPerNode: num(f.gpusPerNode), nodes: num(f.nodes), fsdp: f.fsdp }),
    backend: f.backend,
    python: str(f.python),
    ssh: f.backend === "ssh" ? prune({ host: str(f.sshHost), port: num(f.sshPort), user: str(f.sshUser), identityFile: str(f.sshIdentityFile), remoteDir: str(f.sshRemoteDir) }) : undefined,
    slurm: f.backend === "slurm"
      ? prune({
          partition: str(f.slurmPartition), account: str(f.slurmAccount), timeLimit: str(f.slurmTimeLimit), workDir: str(f.slurmWorkDir),
          setup: f.slurmSetup.split("\n").map((l) => l.trim()).filter(Boolean),
        })
      : undefined,
  });
}
