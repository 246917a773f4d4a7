import type { LanguageTemplates } from "./types";

const program = (checks: string) => `class Program
{
    static void Check(bool ok)
    {
        if (!ok) System.Environment.Exit(1);
    }

    static void Main()
    {
${checks}
    }
}`;

export const csharp: LanguageTemplates = {
  "sum-evens": {
    fn: "SumEvens",
    solution: `using System.Linq;

static class Solution
{
    public static int SumEvens(int[] xs) => xs.Where(x => x % 2 == 0).Sum();
}`,
    tests: program(`        Check(Solution.SumEvens(new[] { 1, 2, 3, 4 }) == 6);
        Check(Solution.SumEvens(new int[0]) == 0);
        Check(Solution.SumEvens(new[] { -2, 3 }) == -2);`),
    bug: ["x % 2 == 0", "x % 2 != 0"],
  },
  "is-palindrome": {
    fn: "IsPalindrome",
    solution: `using System.Linq;

static class Solution
{
    public static bool IsPalindrome(string s)
    {
        var chars = s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        return chars.SequenceEqual(chars.Reverse());
    }
}`,
    tests: program(`        Check(Solution.IsPalindrome("A man, a plan, a canal: Panama"));
        Check(!Solution.IsPalindrome("hello"));
        Check(!Solution.IsPalindrome("1a2"));
        Check(Solution.IsPalindrome(""));`),
    bug: [".Select(char.ToLowerInvariant)", ""],
  },
  "max-subarray": {
    fn: "MaxSubarray",
    solution: `using System;

static class Solution
{
    public static int MaxSubarray(int[] xs)
    {
        int best = xs[0], cur = xs[0];
        for (int i = 1; i < xs.Length; i++)
        {
            cur = Math.Max(xs[i], cur + xs[i]);
            best = Math.Max(best, cur);
        }
        return best;
    }
}`,
    tests: program(`        Check(Solution.MaxSubarray(new[] { -2, 1, -3, 4, -1, 2, 1, -5, 4 }) == 6);
        Check(Solution.MaxSubarray(new[] { -3, -1, -2 }) == -1);
        Check(Solution.MaxSubarray(new[] { 5 }) == 5);`),
    bug: ["Math.Max(xs[i], cur + xs[i])", "Math.Max(0, cur + xs[i])"],
  },
  "run-length": {
    fn: "RunLengthEncode",
    solution: `using System.Text;

static class Solution
{
    public static string RunLengthEncode(string s)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && s[j] == s[i]) j++;
            sb.Append(s[i]).Append(j - i);
            i = j;
        }
        return sb.ToString();
    }
}`,
    tests: program(`        Check(Solution.RunLengthEncode("aaabcc") == "a3b1c2");
        Check(Solution.RunLengthEncode("") == "");
        Check(Solution.RunLengthEncode("z") == "z1");`),
    bug: [".Append(j - i)", ".Append(j - i - 1)"],
  },
};
