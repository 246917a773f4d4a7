import type { LanguageTemplates } from "./types";

const main = (checks: string) => `int main() {
${checks}
    return 0;
}`;

export const cpp: LanguageTemplates = {
  "sum-evens": {
    fn: "sum_evens",
    solution: `#include <vector>

int sum_evens(const std::vector<int>& xs) {
    int total = 0;
    for (int x : xs) if (x % 2 == 0) total += x;
    return total;
}`,
    tests: main(`    if (sum_evens({1, 2, 3, 4}) != 6) return 1;
    if (sum_evens({}) != 0) return 1;
    if (sum_evens({-2, 3}) != -2) return 1;`),
    bug: ["x % 2 == 0", "x % 2 != 0"],
  },
  "is-palindrome": {
    fn: "is_palindrome",
    solution: `#include <cctype>
#include <string>

bool is_palindrome(const std::string& s) {
    std::string t;
    for (unsigned char c : s) if (std::isalnum(c)) t += static_cast<char>(std::tolower(c));
    return std::string(t.rbegin(), t.rend()) == t;
}`,
    tests: main(`    if (!is_palindrome("A man, a plan, a canal: Panama")) return 1;
    if (is_palindrome("hello")) return 1;
    if (is_palindrome("1a2")) return 1;
    if (!is_palindrome("")) return 1;`),
    bug: ["static_cast<char>(std::tolower(c))", "static_cast<char>(c)"],
  },
  "max-subarray": {
    fn: "max_subarray",
    solution: `#include <algorithm>
#include <vector>

int max_subarray(const std::vector<int>& xs) {
    int best = xs[0], cur = xs[0];
    for (std::size_t i = 1; i < xs.size(); i++) {
        cur = std::max(xs[i], cur + xs[i]);
        best = std::max(best, cur);
    }
    return best;
}`,
    tests: main(`    if (max_subarray({-2, 1, -3, 4, -1, 2, 1, -5, 4}) != 6) return 1;
    if (max_subarray({-3, -1, -2}) != -1) return 1;
    if (max_subarray({5}) != 5) return 1;`),
    bug: ["std::max(xs[i], cur + xs[i])", "std::max(0, cur + xs[i])"],
  },
  "run-length": {
    fn: "run_length_encode",
    solution: `#include <string>

std::string run_length_encode(const std::string& s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] == s[i]) j++;
        out += s[i];
        out += std::to_string(j - i);
        i = j;
    }
    return out;
}`,
    tests: main(`    if (run_length_encode("aaabcc") != "a3b1c2") return 1;
    if (run_length_encode("") != "") return 1;
    if (run_length_encode("z") != "z1") return 1;`),
    bug: ["std::to_string(j - i)", "std::to_string(j - i - 1)"],
  },
};
