import { z } from "zod";

// Runs in the browser before the app's own code (Next's client instrumentation hook). Zod probes
// whether `new Function` works to compile fast object parsers; under the app's CSP (no
// 'unsafe-eval', next.config.js) that probe is refused and reported as a CSP violation. Jitless
// parsing needs no probe and no eval.
z.config({ jitless: true });
