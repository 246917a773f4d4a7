import type { ExportFilter } from "./types";

export const NOT_CONFIGURED = "decontamination not configured";

/** The default ExportFilter: keeps everything and says so in the dataset card. */
export const noDecontamination: ExportFilter = async (items) => ({
  kept: items.map((i) => i.id),
  report: { status: NOT_CONFIGURED, checked: items.length },
});
