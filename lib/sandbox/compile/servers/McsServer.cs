// A warm mcs for the sandbox: one compilation per input line (tab-separated mcs arguments, the
// first being the directory to compile in), answered with "<exit code>\t<base64 of the output>".
// Mono's mcs.exe exposes CompilerCallableEntryPoint for exactly this reuse; warm it takes
// ~50 ms per HumanEval-sized file instead of ~200 ms for a cold mcs.
using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

public static class McsServer {
  public static void Main() {
    var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    Console.SetOut(Console.Error); // nothing but replies may reach the protocol stream
    string line;
    while ((line = Console.In.ReadLine()) != null) {
      var parts = line.Split('\t');
      var args = new string[parts.Length - 1];
      Array.Copy(parts, 1, args, 0, args.Length);
      var output = new StringWriter();
      int code;
      try {
        Environment.CurrentDirectory = parts[0];
        bool ok = Mono.CSharp.CompilerCallableEntryPoint.InvokeCompiler(args, output);
        code = ok ? 0 : 1;
        // The mcs command line ends with this summary; InvokeCompiler leaves it out.
        var text = output.ToString();
        int errors = Regex.Matches(text, @": error CS\d+").Count;
        int warnings = Regex.Matches(text, @": warning CS\d+").Count;
        if (!ok) output.WriteLine("Compilation failed: {0} error(s), {1} warnings", Math.Max(errors, 1), warnings);
        else if (warnings > 0) output.WriteLine("Compilation succeeded - {0} warning(s)", warnings);
      } catch (Exception e) {
        code = 2;
        output.WriteLine("compiler crashed: " + e);
      }
      protocol.Write(code + "\t" + Convert.ToBase64String(Encoding.UTF8.GetBytes(output.ToString())) + "\n");
      protocol.Flush();
    }
  }
}
