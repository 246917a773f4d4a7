import type { LanguageTemplates } from "./types";

export const bash: LanguageTemplates = {
  "sum-evens": {
    fn: "sum_evens",
    solution: `sum_evens() {
  local total=0 x
  for x in "$@"; do
    if (( x % 2 == 0 )); then total=$(( total + x )); fi
  done
  echo "$total"
}`,
    tests: `[ "$(sum_evens 1 2 3 4)" = "6" ] || exit 1
[ "$(sum_evens)" = "0" ] || exit 1
[ "$(sum_evens -2 3)" = "-2" ] || exit 1`,
    bug: ["x % 2 == 0", "x % 2 != 0"],
  },
  "is-palindrome": {
    fn: "is_palindrome",
    solution: `is_palindrome() {
  local t r="" i
  t=$(printf '%s' "$1" | tr -cd '[:alnum:]' | tr '[:upper:]' '[:lower:]')
  for (( i = \${#t} - 1; i >= 0; i-- )); do r+="\${t:i:1}"; done
  if [ "$t" = "$r" ]; then echo true; else echo false; fi
}`,
    tests: `[ "$(is_palindrome 'A man, a plan, a canal: Panama')" = "true" ] || exit 1
[ "$(is_palindrome hello)" = "false" ] || exit 1
[ "$(is_palindrome 1a2)" = "false" ] || exit 1
[ "$(is_palindrome '')" = "true" ] || exit 1`,
    bug: [" | tr '[:upper:]' '[:lower:]'", ""],
  },
  "max-subarray": {
    fn: "max_subarray",
    solution: `max_subarray() {
  local best=$1 cur=$1 x
  shift
  for x in "$@"; do
    cur=$(( x > cur + x ? x : cur + x ))
    best=$(( cur > best ? cur : best ))
  done
  echo "$best"
}`,
    tests: `[ "$(max_subarray -2 1 -3 4 -1 2 1 -5 4)" = "6" ] || exit 1
[ "$(max_subarray -3 -1 -2)" = "-1" ] || exit 1
[ "$(max_subarray 5)" = "5" ] || exit 1`,
    bug: ["x > cur + x ? x : cur + x", "0 > cur + x ? 0 : cur + x"],
  },
  "run-length": {
    fn: "run_length_encode",
    solution: `run_length_encode() {
  local s=$1 out="" i=0 j n=\${#1}
  while (( i < n )); do
    j=$i
    while (( j < n )) && [ "\${s:j:1}" = "\${s:i:1}" ]; do j=$(( j + 1 )); done
    out+="\${s:i:1}$(( j - i ))"
    i=$j
  done
  echo "$out"
}`,
    tests: `[ "$(run_length_encode aaabcc)" = "a3b1c2" ] || exit 1
[ "$(run_length_encode '')" = "" ] || exit 1
[ "$(run_length_encode z)" = "z1" ] || exit 1`,
    bug: ["$(( j - i ))", "$(( j - i - 1 ))"],
  },
};
