/**
 * TEST-ONLY: hand-written completions (function bodies) that pass MultiPL-E's humaneval-js
 * tests, keyed by problem name. Used as the "known-good" answers of the scripted model.
 */
export const JS_SOLUTIONS: Record<string, string> = {
  HumanEval_23_strlen: "  return string.length;\n}\n",
  HumanEval_30_get_positive: "  return l.filter((x) => x > 0);\n}\n",
  HumanEval_34_unique: "  return [...new Set(l)].sort((a, b) => a - b);\n}\n",
  HumanEval_35_max_element: "  return Math.max(...l);\n}\n",
  HumanEval_42_incr_list: "  return l.map((x) => x + 1);\n}\n",
  HumanEval_45_triangle_area: "  return (a * h) / 2.0;\n}\n",
  HumanEval_48_is_palindrome: "  return text === text.split('').reverse().join('');\n}\n",
  HumanEval_53_add: "  return x + y;\n}\n",
  HumanEval_55_fib: "  let a = 0, b = 1;\n  for (let i = 0; i < n; i++) { [a, b] = [b, a + b]; }\n  return a;\n}\n",
  HumanEval_60_sum_to_n: "  return (n * (n + 1)) / 2;\n}\n",
};
