import type { Language } from "@/lib/evals/types";

/**
 * Re-joins code extracted from a chat answer with the MultiPL-E prompt, following the rules of
 * Qwen2.5-Coder's instruct MultiPL-E evaluation (QwenLM/Qwen2.5-Coder,
 * qwencoder-eval/instruct/multipl_e/chat/evaluate.py, `extract_func`). The result is completed
 * with "\n" + tests by the caller, as Qwen does. MultiPL-E's tests for java, cs, cpp and sh open
 * with the closing brace(s) of the function (and class), so those braces are cut from the answer.
 *
 * Deliberate differences, all about the execution environment, none about scoring:
 *  - py: `import numpy` is wrapped in try/except (Qwen imports it unconditionally, which
 *    fails every program where numpy is absent);
 *  - cpp: `#include<boost/any.hpp>` is only added when the answer mentions boost (Debian's
 *    toolchain here has no Boost; MultiPL-E's cpp prompts never need it);
 *  - when a brace to cut is missing, the code is left as is (Qwen would return an empty
 *    program, which fails the same way).
 */
export interface JoinContext {
  language: Language;
  /** The problem's name ("HumanEval_0_has_close_elements") or null when there is none. */
  name: string | null;
  /** The function under test when known (HumanEval's entry_point). */
  entryPoint?: string;
  prompt: string;
  tests: string;
}

const PY_HEADER = [
  "import math",
  "import re",
  "import sys",
  "import copy",
  "import datetime",
  "import itertools",
  "import collections",
  "import heapq",
  "import statistics",
  "import functools",
  "import hashlib",
  "try:\n    import numpy\n    import numpy as np\nexcept ImportError:\n    pass",
  "import string",
  "from typing import *",
  "from collections import *",
].join("\n");

const JAVA_HEADER = [
  "import java.util.*;",
  "import java.lang.reflect.*;",
  "import org.javatuples.*;",
  "import java.security.*;",
  "import java.math.*;",
  "import java.io.*;",
  "import java.util.stream.*;",
].join("\n");

const CPP_INCLUDES = [
  "#include<optional>", "#include<cassert>", "#include<stdlib.h>", "#include<algorithm>", "#include<cmath>",
  "#include<math.h>", "#include<numeric>", "#include<stdio.h>", "#include<vector>", "#include<set>",
  "#include<map>", "#include<queue>", "#include<stack>", "#include<list>", "#include<deque>",
  "#include<boost/any.hpp>", "#include<string>", "#include<climits>", "#include<cstring>",
  "#include<iostream>", "#include<sstream>", "#include<fstream>",
];

const CS_HEADER = [
  "using System;",
  "using System.Numerics;",
  "using System.Diagnostics;",
  "using System.Collections.Generic;",
  "using System.Linq;",
  "using System.Text;",
  "using System.Security.Cryptography;",
  "using System.Collections.Generic;",
].join("\n");

/** "HumanEval_0_has_close_elements" -> "has_close_elements" (Qwen: name.split("_")[2:]). */
function nameToFunction(name: string | null): string | null {
  if (!name) return null;
  const parts = name.split("_");
  return parts.length > 2 ? parts.slice(2).join("_") : null;
}

function problemNumber(name: string | null): number | null {
  const m = name ? /^[A-Za-z]+_(\d+)_/.exec(name) : null;
  return m ? Number(m[1]) : null;
}

/** Drops the n-th line (from the end) that is only "}" and everything after it. */
export function cutAtNthClosingBraceFromEnd(code: string, n: number): string {
  const lines = code.split("\n");
  let seen = 0;
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].trim() === "}") {
      seen++;
      last = i;
      if (seen === n) return lines.slice(0, i).join("\n");
    }
  }
  return last === -1 ? code : lines.slice(0, last).join("\n");
}

/** Removes the block that starts on the first line containing `marker`, brace-matched. */
export function removeBlock(code: string, marker: string): string {
  const lines = code.split("\n");
  const start = lines.findIndex((l) => l.includes(marker));
  if (start === -1) return code;
  let depth = 0;
  let opened = false;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i]) {
      if (ch === "{") {
        depth++;
        opened = true;
      } else if (ch === "}") {
        depth--;
        if (opened && depth === 0) return [...lines.slice(0, start), ...lines.slice(i + 1)].join("\n");
      }
    }
  }
  return code;
}

/** Keeps only the `class Problem { ... }` block, brace-matched. */
function keepProblemClass(code: string): string {
  const lines = code.split("\n");
  const start = lines.findIndex((l) => l.includes("class Problem"));
  if (start === -1) return code;
  let depth = 0;
  let opened = false;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i]) {
      if (ch === "{") {
        depth++;
        opened = true;
      } else if (ch === "}") {
        depth--;
        if (opened && depth === 0) return lines.slice(start, i + 1).join("\n");
      }
    }
  }
  return code;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function joinChatCode(code: string, ctx: JoinContext): string {
  switch (ctx.language) {
    case "py": {
      let out = code.replace(/```/g, "");
      const fn = ctx.entryPoint ?? nameToFunction(ctx.name);
      if (fn !== null && !out.includes(fn)) out = ctx.prompt + out;
      return PY_HEADER + "\n" + out;
    }
    case "java": {
      let out = code;
      const fn = /assert\((.*?)\(.*?\)\);\n/s.exec(ctx.tests)?.[1];
      if (fn !== undefined && !new RegExp(`public static .*? ${escapeRe(fn)}\\(.*?\\)`, "s").test(out)) {
        out = ctx.prompt + "\n" + out;
      } else if (!out.includes("class Problem")) {
        out = "class Problem {\n" + out;
      }
      out = out.replace(/public class Problem/g, "class Problem");
      if (out.includes("public static void main")) out = removeBlock(out, "public static void main");
      const open = count(out, "{") - count(out, "}");
      if (open === 0) out = cutAtNthClosingBraceFromEnd(out, 2);
      else if (open === 1) out = cutAtNthClosingBraceFromEnd(out, 1);
      return JAVA_HEADER + "\n" + out;
    }
    case "cpp": {
      let out = code;
      if (out.includes("main()")) out = removeBlock(out, "main()");
      const num = problemNumber(ctx.name);
      if (num !== 147 && num !== 159) out = out.replace(/using namespace std;/g, "");
      const setup = CPP_INCLUDES.filter((inc) => !out.includes(inc))
        .filter((inc) => !inc.includes("boost") || /boost/.test(out))
        .map((inc) => inc + "\n")
        .join("");
      return cutAtNthClosingBraceFromEnd(setup + "\n" + out + "\n", 1);
    }
    case "js":
      return code.includes("function ") ? code : ctx.prompt + code;
    case "ts":
      return code.includes("function") ? code : ctx.prompt + code;
    case "cs": {
      let out = code;
      const head = out.split("\n").filter((l) => l.startsWith("using")).join("\n");
      const fn = /Debug\.Assert\((.*?)\(.*?\)\)/s.exec(ctx.tests)?.[1];
      if (fn !== undefined && !out.includes(` ${fn}(`)) {
        out = ctx.prompt + out;
      } else if (!out.includes("class Problem")) {
        out = "class Problem {\n" + out;
        const open = count(out, "{") - count(out, "}");
        if (open > 0) out += "}\n".repeat(open);
      }
      out = keepProblemClass(out);
      if (out.includes("static void Main")) out = removeBlock(out, "static void Main");
      out = cutAtNthClosingBraceFromEnd(out, 2);
      return head + "\n" + CS_HEADER + "\n" + out;
    }
    case "php": {
      let out = code.replace(/\?>/g, "");
      const fn = /function (.*?)\(.*?\)/s.exec(ctx.prompt)?.[1];
      if (fn !== undefined && !out.includes(`function ${fn}`)) out = ctx.prompt + out;
      if (!out.includes("<?php")) out = "<?php\n" + out;
      return out;
    }
    case "sh": {
      let out = code;
      const fn = nameToFunction(ctx.name);
      if (fn !== null && !out.includes(`${fn}()`)) out = ctx.prompt + out;
      return cutAtNthClosingBraceFromEnd(out, 1);
    }
    default:
      return joinOther(code, ctx);
  }
}

/**
 * Qwen's harness covers the paper's eight languages. Elsewhere: an answer that defines the
 * function replaces the prompt's signature and docstring but keeps the preamble before them (the
 * package line, imports, `#lang`, `object Problem {`) unless it repeats it; when the tests start with the closing
 * brace (Rust, Scala, Swift) the answer's own last one goes. A body-only answer follows the prompt.
 */
function joinOther(code: string, ctx: JoinContext): string {
  const fn = nameToFunction(ctx.name);
  const definesIt = fn !== null && new RegExp(`(^|[^\\w-])${escapeRe(fn)}([^\\w-]|$)`).test(code);
  if (!definesIt) return ctx.prompt + code;
  const lines = ctx.prompt.split("\n");
  let signature = lines.length - 1;
  while (signature > 0 && !lines[signature].includes(fn)) signature--;
  // The preamble ends with the last package/import/#lang/object line before the signature.
  let end = 0;
  for (let i = 0; i < signature; i++) if (/^\s*(package|import|use|using|require|#lang|object|extern|library)\b|^\)\s*$/.test(lines[i])) end = i + 1;
  const preamble = lines.slice(0, end).join("\n");
  const body = /^\s*\}/.test(ctx.tests) ? cutAtNthClosingBraceFromEnd(code, 1) : code;
  const kept = preamble.trim() !== "" && !code.includes(preamble.trim()) ? preamble + "\n" : "";
  return kept + body;
}
