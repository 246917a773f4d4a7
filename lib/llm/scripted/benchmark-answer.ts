/**
 * The demo model's answer to a benchmark prompt (the chat instruction of lib/evals/chat): the
 * given code completed with a body that only raises, in a fenced block. It compiles in every
 * MultiPL-E language and never passes, so an offline evaluation runs end to end and honestly
 * scores the demo model at 0.
 */
const STUBS: Record<string, string> = {
  py: '    raise NotImplementedError("demo model")\n',
  js: '    throw new Error("demo model");\n}\n',
  ts: '    throw new Error("demo model");\n}\n',
  php: '    throw new Exception("demo model");\n}\n',
  java: '        throw new UnsupportedOperationException("demo model");\n    }\n}\n',
  cs: '        throw new NotImplementedException("demo model");\n    }\n}\n',
  cpp: '    throw "demo model";\n}\n',
  sh: '    echo "demo model" >&2\n    exit 1\n}\n',
};

export function benchmarkAnswer(user: string): string | null {
  const fn = /Here is the given code to do completion:\n```([a-z]+)\n([\s\S]*)\n```\s*$/.exec(user);
  if (fn && STUBS[fn[1]]) return `This is the offline demo model: it does not solve problems.\n\n\`\`\`${fn[1]}\n${fn[2]}\n${STUBS[fn[1]]}\`\`\``;
  if (/Your code should pass these tests:\n/.test(user)) {
    const name = /assert\s+(?:not\s+)?\(?\s*(?:set\()?\s*([A-Za-z_]\w*)\(/.exec(user)?.[1] ?? "solution";
    return `This is the offline demo model: it does not solve problems.\n\n\`\`\`python\ndef ${name}(*args, **kwargs):\n    raise NotImplementedError("demo model")\n\`\`\``;
  }
  return null;
}
