"use strict";
// A warm `tsc --target esnext FILE` for the sandbox: one compilation per input line
// ("<dir>\t<file>"), answered with "<exit code>\t<base64 of tsc's output>". It reproduces tsc's
// own diagnostic sequence and exit status (emitFilesAndReportErrors in typescript.js) and keeps
// the parsed standard-library files between programs. tsc also type-checks those library files
// (~0.5 s a program); their diagnostics can only change when a program merges a declaration into a
// library global (or pulls in other files), so only then is the full check repeated.
const fs = require("node:fs");
const ts = require(process.argv[2]);

const protocolFd = 1;
console.log = console.info = console.error; // nothing but replies may reach the protocol stream
const libFiles = new Map();
let libsAreClean = null; // verified on the first program

function createHost(options) {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(libDir)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = libFiles.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) libFiles.set(key, file);
    }
    return file;
  };
  return host;
}
const libDir = require("node:path").dirname(require.resolve(process.argv[2]));

/** Whether a declaration of this file merges with a declaration of another file (a lib global). */
function mergesWithOtherFiles(program, file) {
  const checker = program.getTypeChecker();
  const isOtherFile = (name) => {
    const symbol = name && checker.getSymbolAtLocation(name);
    return !!symbol && (symbol.declarations ?? []).some((d) => d.getSourceFile() !== file);
  };
  const names = (name) => (name && ts.isIdentifier(name) ? [name] : name && ts.isBindingPattern(name) ? name.elements.flatMap((e) => (ts.isBindingElement(e) ? names(e.name) : [])) : []);
  let found = false;
  const visit = (node, topLevel) => {
    if (found) return;
    if (ts.isModuleDeclaration(node) && node.flags & ts.NodeFlags.GlobalAugmentation) found = true;
    else if (ts.isVariableDeclarationList(node)) {
      const blockScoped = node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using);
      if (topLevel || !blockScoped) found = node.declarations.some((d) => names(d.name).some(isOtherFile));
    } else if (topLevel && node.name && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node) || ts.isImportEqualsDeclaration(node))) {
      found = isOtherFile(node.name);
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isModuleBlock(node)) return; // their `var`s are not global
    ts.forEachChild(node, (child) => visit(child, false));
  };
  if (ts.isExternalModule(file)) {
    for (const statement of file.statements) visit(statement, false); // only `declare global` reaches the globals
    return found;
  }
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) visit(statement.declarationList, true);
    else visit(statement, true);
  }
  return found;
}

/** Whether this program needs tsc's check of every file, library files included. */
function needsFullCheck(program, file) {
  if (!file || program.getSourceFiles().some((f) => f !== file && !program.isSourceFileDefaultLibrary(f))) return true;
  if (mergesWithOtherFiles(program, file)) return true;
  if (libsAreClean === null) {
    libsAreClean = program.getSemanticDiagnostics().length === program.getSemanticDiagnostics(file).length;
  }
  return !libsAreClean;
}

function compile(dir, fileName) {
  process.chdir(dir);
  const { options, fileNames } = ts.parseCommandLine(["--target", "esnext", fileName]);
  const host = createHost(options);
  const program = ts.createProgram({ rootNames: fileNames, options, host });
  const file = program.getSourceFile(fileName);
  const full = needsFullCheck(program, file);
  // The sequence of emitFilesAndReportErrors: syntax first; globals and semantics only without.
  const diagnostics = [...program.getSyntacticDiagnostics()];
  if (diagnostics.length === 0) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === 0) diagnostics.push(...(full ? program.getSemanticDiagnostics() : program.getSemanticDiagnostics(file)));
  }
  // Emitting every file would type-check the library files too; they emit nothing anyway.
  const emitResult = full ? program.emit() : program.emit(file);
  diagnostics.push(...emitResult.diagnostics);
  const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics);
  const formatHost = { getCurrentDirectory: () => dir, getNewLine: () => "\n", getCanonicalFileName: (f) => f };
  const output = sorted.map((d) => ts.formatDiagnostic(d, formatHost)).join("");
  const code = sorted.length === 0 ? 0 : emitResult.emitSkipped ? 1 : 2;
  return { code, output };
}

let pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  let newline;
  while ((newline = pending.indexOf("\n")) >= 0) {
    const line = pending.slice(0, newline);
    pending = pending.slice(newline + 1);
    let reply;
    try {
      const [dir, fileName] = line.split("\t");
      reply = compile(dir, fileName);
    } catch (error) {
      reply = { code: 3, output: `compiler crashed: ${error && error.stack ? error.stack : error}` };
    }
    fs.writeSync(protocolFd, `${reply.code}\t${Buffer.from(reply.output).toString("base64")}\n`);
  }
});
