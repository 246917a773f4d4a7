import type { LanguageTemplates } from "./types";

export const python: LanguageTemplates = {
  "sum-evens": {
    fn: "sum_evens",
    solution: `def sum_evens(xs):
    return sum(x for x in xs if x % 2 == 0)`,
    tests: `assert sum_evens([1, 2, 3, 4]) == 6
assert sum_evens([]) == 0
assert sum_evens([-2, 3]) == -2`,
    bug: ["x % 2 == 0", "x % 2 == 1"],
  },
  "is-palindrome": {
    fn: "is_palindrome",
    solution: `def is_palindrome(s):
    chars = [c.lower() for c in s if c.isalnum()]
    return chars == chars[::-1]`,
    tests: `assert is_palindrome("A man, a plan, a canal: Panama")
assert not is_palindrome("hello")
assert not is_palindrome("1a2")
assert is_palindrome("")`,
    bug: ["c.lower() for", "c for"],
  },
  "max-subarray": {
    fn: "max_subarray",
    solution: `def max_subarray(xs):
    best = cur = xs[0]
    for x in xs[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best`,
    tests: `assert max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]) == 6
assert max_subarray([-3, -1, -2]) == -1
assert max_subarray([5]) == 5`,
    bug: ["max(x, cur + x)", "max(0, cur + x)"],
  },
  "run-length": {
    fn: "run_length_encode",
    solution: `def run_length_encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{s[i]}{j - i}")
        i = j
    return "".join(out)`,
    tests: `assert run_length_encode("aaabcc") == "a3b1c2"
assert run_length_encode("") == ""
assert run_length_encode("z") == "z1"`,
    bug: ["{j - i}", "{j - i - 1}"],
  },
};
