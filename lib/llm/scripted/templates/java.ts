import type { LanguageTemplates } from "./types";

const main = (checks: string) => `public class Main {
    static void check(boolean ok) {
        if (!ok) System.exit(1);
    }

    public static void main(String[] args) {
${checks}
    }
}`;

export const java: LanguageTemplates = {
  "sum-evens": {
    fn: "sumEvens",
    solution: `class Solution {
    static int sumEvens(int[] xs) {
        int total = 0;
        for (int x : xs) if (x % 2 == 0) total += x;
        return total;
    }
}`,
    tests: main(`        check(Solution.sumEvens(new int[] {1, 2, 3, 4}) == 6);
        check(Solution.sumEvens(new int[] {}) == 0);
        check(Solution.sumEvens(new int[] {-2, 3}) == -2);`),
    bug: ["x % 2 == 0", "x % 2 != 0"],
  },
  "is-palindrome": {
    fn: "isPalindrome",
    solution: `class Solution {
    static boolean isPalindrome(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        String t = sb.toString();
        return t.equals(sb.reverse().toString());
    }
}`,
    tests: main(`        check(Solution.isPalindrome("A man, a plan, a canal: Panama"));
        check(!Solution.isPalindrome("hello"));
        check(!Solution.isPalindrome("1a2"));
        check(Solution.isPalindrome(""));`),
    bug: ["sb.append(Character.toLowerCase(c))", "sb.append(c)"],
  },
  "max-subarray": {
    fn: "maxSubarray",
    solution: `class Solution {
    static int maxSubarray(int[] xs) {
        int best = xs[0], cur = xs[0];
        for (int i = 1; i < xs.length; i++) {
            cur = Math.max(xs[i], cur + xs[i]);
            best = Math.max(best, cur);
        }
        return best;
    }
}`,
    tests: main(`        check(Solution.maxSubarray(new int[] {-2, 1, -3, 4, -1, 2, 1, -5, 4}) == 6);
        check(Solution.maxSubarray(new int[] {-3, -1, -2}) == -1);
        check(Solution.maxSubarray(new int[] {5}) == 5);`),
    bug: ["Math.max(xs[i], cur + xs[i])", "Math.max(0, cur + xs[i])"],
  },
  "run-length": {
    fn: "runLengthEncode",
    solution: `class Solution {
    static String runLengthEncode(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) j++;
            out.append(s.charAt(i)).append(j - i);
            i = j;
        }
        return out.toString();
    }
}`,
    tests: main(`        check(Solution.runLengthEncode("aaabcc").equals("a3b1c2"));
        check(Solution.runLengthEncode("").equals(""));
        check(Solution.runLengthEncode("z").equals("z1"));`),
    bug: ["append(j - i)", "append(j - i - 1)"],
  },
};
