import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh temp folder; `write` creates files (and parent folders) inside it. */
export function tempDir(prefix = "ingest-") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    path: (rel: string) => path.join(dir, rel),
    write(rel: string, content: string | Buffer) {
      const full = path.join(dir, rel);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
      return full;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a Python script (for archives the CLIs refuse to make: traversal names, lying headers). */
export function python(script: string, ...args: string[]): string {
  return execFileSync("python3", ["-c", script, ...args], { encoding: "utf8" });
}

export function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A small real project: several languages, nested folders, files to skip. */
export const PROJECT: Record<string, string> = {
  "src/app.py": "import sys\n\n\ndef main(argv):\n    \"\"\"Entry point.\"\"\"\n    for a in argv:\n        print(a.upper())\n    return 0\n\n\nif __name__ == '__main__':\n    sys.exit(main(sys.argv))\n",
  "src/util/strings.ts": "export function slugify(s: string): string {\n  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}\n",
  "java/Main.java": "public class Main {\n    public static void main(String[] args) {\n        System.out.println(\"hello \" + args.length);\n    }\n}\n",
  "scripts/deploy": "#!/bin/bash\nset -euo pipefail\nfor f in \"$@\"; do\n  echo \"deploying $f\"\ndone\n",
  "web/index.php": "<?php\nfunction greet($name) {\n    return \"Hello, \" . htmlspecialchars($name);\n}\necho greet($_GET['n'] ?? 'you');\n",
  "README.md": "# Demo\n\nA demo project.\n",
  "hs/Main.hs": "main :: IO ()\nmain = putStrLn \"hi\"\n",
};
