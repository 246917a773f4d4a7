export { redactSecrets } from "@/lib/domain/secrets";
