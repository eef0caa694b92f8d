import { z } from "zod";

// Zod speeds up object parsing with generated code (`new Function`) when eval is allowed, and
// probes for it on first use. The Content Security Policy refuses eval, so in the browser the
// probe would only report a violation; tell zod not to try. The server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });
