import type { LanguageTemplates } from "./types";

const check = `function check(bool $ok): void {
    if (!$ok) {
        exit(1);
    }
}
`;

export const php: LanguageTemplates = {
  "sum-evens": {
    fn: "sum_evens",
    solution: `<?php

function sum_evens(array $xs): int {
    return array_sum(array_filter($xs, fn($x) => $x % 2 === 0));
}`,
    tests: `${check}check(sum_evens([1, 2, 3, 4]) === 6);
check(sum_evens([]) === 0);
check(sum_evens([-2, 3]) === -2);`,
    bug: ["$x % 2 === 0", "$x % 2 !== 0"],
  },
  "is-palindrome": {
    fn: "is_palindrome",
    solution: `<?php

function is_palindrome(string $s): bool {
    $t = strtolower(preg_replace('/[^A-Za-z0-9]/', '', $s));
    return $t === strrev($t);
}`,
    tests: `${check}check(is_palindrome("A man, a plan, a canal: Panama"));
check(!is_palindrome("hello"));
check(!is_palindrome("1a2"));
check(is_palindrome(""));`,
    bug: ["strtolower(preg_replace", "(preg_replace"],
  },
  "max-subarray": {
    fn: "max_subarray",
    solution: `<?php

function max_subarray(array $xs): int {
    $best = $cur = $xs[0];
    for ($i = 1; $i < count($xs); $i++) {
        $cur = max($xs[$i], $cur + $xs[$i]);
        $best = max($best, $cur);
    }
    return $best;
}`,
    tests: `${check}check(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]) === 6);
check(max_subarray([-3, -1, -2]) === -1);
check(max_subarray([5]) === 5);`,
    bug: ["max($xs[$i], $cur + $xs[$i])", "max(0, $cur + $xs[$i])"],
  },
  "run-length": {
    fn: "run_length_encode",
    solution: `<?php

function run_length_encode(string $s): string {
    $out = '';
    $n = strlen($s);
    $i = 0;
    while ($i < $n) {
        $j = $i;
        while ($j < $n && $s[$j] === $s[$i]) {
            $j++;
        }
        $out .= $s[$i] . ($j - $i);
        $i = $j;
    }
    return $out;
}`,
    tests: `${check}check(run_length_encode("aaabcc") === "a3b1c2");
check(run_length_encode("") === "");
check(run_length_encode("z") === "z1");`,
    bug: ["($j - $i)", "($j - $i - 1)"],
  },
};
