// A warm javac for the sandbox: one compilation per input line (tab-separated javac arguments),
// answered with "<exit code>\t<base64 of javac's output>". Runs inside its own bwrap sandbox; a
// JIT-warm JVM compiles a HumanEval-sized file in ~50-100 ms instead of ~1 s for a cold javac.
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class JavacServer {
  public static void main(String[] argv) throws IOException {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err); // nothing but replies may reach the protocol stream
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int code;
      boolean fatal = false;
      try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        code = javac.run(null, stream, stream, line.split("\t"));
      } catch (Throwable t) {
        code = 4; // javac's own code for an abnormal failure
        output.writeBytes(("compiler crashed: " + t).getBytes(StandardCharsets.UTF_8));
        fatal = t instanceof VirtualMachineError;
      }
      protocol.print(code + "\t" + Base64.getEncoder().encodeToString(output.toByteArray()) + "\n");
      protocol.flush();
      if (fatal) System.exit(3);
    }
  }
}
