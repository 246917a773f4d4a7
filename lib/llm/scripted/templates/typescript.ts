import type { LanguageTemplates } from "./types";

/** Type annotations are removed for the JavaScript twin (javascript.ts). */
const check = `function check(ok: boolean): void {
  if (!ok) throw new Error("check failed");
}
`;

export const typescript: LanguageTemplates = {
  "sum-evens": {
    fn: "sumEvens",
    solution: `function sumEvens(xs: number[]): number {
  return xs.filter((x) => x % 2 === 0).reduce((a, b) => a + b, 0);
}`,
    tests: `${check}check(sumEvens([1, 2, 3, 4]) === 6);
check(sumEvens([]) === 0);
check(sumEvens([-2, 3]) === -2);`,
    bug: ["x % 2 === 0", "x % 2 !== 0"],
  },
  "is-palindrome": {
    fn: "isPalindrome",
    solution: `function isPalindrome(s: string): boolean {
  const chars = s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return chars === [...chars].reverse().join("");
}`,
    tests: `${check}check(isPalindrome("A man, a plan, a canal: Panama"));
check(!isPalindrome("hello"));
check(!isPalindrome("1a2"));
check(isPalindrome(""));`,
    bug: ["[^a-z0-9]", "[^a-z]"],
  },
  "max-subarray": {
    fn: "maxSubarray",
    solution: `function maxSubarray(xs: number[]): number {
  let best = xs[0];
  let cur = xs[0];
  for (const x of xs.slice(1)) {
    cur = Math.max(x, cur + x);
    best = Math.max(best, cur);
  }
  return best;
}`,
    tests: `${check}check(maxSubarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]) === 6);
check(maxSubarray([-3, -1, -2]) === -1);
check(maxSubarray([5]) === 5);`,
    bug: ["Math.max(x, cur + x)", "Math.max(0, cur + x)"],
  },
  "run-length": {
    fn: "runLengthEncode",
    solution: `function runLengthEncode(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += \`\${s[i]}\${j - i}\`;
    i = j;
  }
  return out;
}`,
    tests: `${check}check(runLengthEncode("aaabcc") === "a3b1c2");
check(runLengthEncode("") === "");
check(runLengthEncode("z") === "z1");`,
    bug: ["${j - i}", "${j - i - 1}"],
  },
};
