import "server-only";
import { open, type FileHandle } from "node:fs/promises";
import { ParquetWriter } from "hyparquet-writer";
import { fileWriter } from "hyparquet-writer";
import type { sftRecord } from "./records";

/** Appends JSON lines to a file. */
export class JsonlWriter {
  rows = 0;
  private constructor(private readonly fh: FileHandle) {}
  static async create(path: string): Promise<JsonlWriter> {
    return new JsonlWriter(await open(path, "w"));
  }
  async write(records: unknown[]): Promise<void> {
    if (records.length === 0) return;
    this.rows += records.length;
    await this.fh.write(records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  }
  async close(): Promise<void> {
    await this.fh.close();
  }
}

type SftRecord = ReturnType<typeof sftRecord>;

const text = (name: string, required = true) => ({ name, type: "BYTE_ARRAY" as const, converted_type: "UTF8" as const, repetition_type: required ? ("REQUIRED" as const) : ("OPTIONAL" as const) });

/** The SFT records as Parquet: `messages` a list of {role, content} structs, as HF datasets reads it. */
export class SftParquetWriter {
  rows = 0;
  private readonly writer: ParquetWriter;
  constructor(path: string) {
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      createdBy: "xinstruct",
      schema: [
        { name: "root", num_children: 6 },
        { name: "messages", repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", repetition_type: "REQUIRED", num_children: 2 },
        text("role"),
        text("content"),
        text("id"),
        text("language"),
        text("part"),
        { name: "score", type: "DOUBLE", repetition_type: "OPTIONAL" },
        text("tests", false),
      ],
    });
  }
  async write(records: SftRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.rows += records.length;
    const col = <K extends keyof SftRecord>(k: K) => records.map((r) => r[k]);
    await this.writer.write({
      rowGroupSize: records.length,
      columnData: [
        { name: "messages", data: col("messages") },
        { name: "id", data: col("id") },
        { name: "language", data: col("language") },
        { name: "part", data: col("part") },
        { name: "score", data: col("score") },
        { name: "tests", data: col("tests") },
      ],
    });
  }
  async close(): Promise<void> {
    this.writer.finish();
  }
}
