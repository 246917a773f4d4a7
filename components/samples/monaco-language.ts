export { monacoLanguage } from "@/lib/domain/language-names";
