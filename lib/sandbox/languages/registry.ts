import "server-only";
import { bash } from "@/lib/sandbox/languages/bash";
import { cpp } from "@/lib/sandbox/languages/cpp";
import { csharp } from "@/lib/sandbox/languages/csharp";
import { d } from "@/lib/sandbox/languages/d";
import { go } from "@/lib/sandbox/languages/go";
import { lua } from "@/lib/sandbox/languages/lua";
import { julia, swift } from "@/lib/sandbox/languages/manual";
import { perl } from "@/lib/sandbox/languages/perl";
import { r } from "@/lib/sandbox/languages/r";
import { racket } from "@/lib/sandbox/languages/racket";
import { ruby } from "@/lib/sandbox/languages/ruby";
import { rust } from "@/lib/sandbox/languages/rust";
import { scala } from "@/lib/sandbox/languages/scala";
import { java } from "@/lib/sandbox/languages/java";
import { javascript } from "@/lib/sandbox/languages/javascript";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { php } from "@/lib/sandbox/languages/php";
import { python } from "@/lib/sandbox/languages/python";
import { typescript } from "@/lib/sandbox/languages/typescript";
import type { LanguageId } from "@/lib/sandbox/types";

/** One entry per language; adding a language is adding an entry (and its id to LANGUAGE_IDS). */
export const languages: Record<LanguageId, LanguageSpec> = {
  py: python,
  java,
  cpp,
  cs: csharp,
  ts: typescript,
  js: javascript,
  php,
  sh: bash,
  go,
  rs: rust,
  rb: ruby,
  lua,
  pl: perl,
  r,
  rkt: racket,
  scala,
  d,
  jl: julia,
  swift,
};
