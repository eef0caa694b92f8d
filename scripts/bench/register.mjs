// Lets the benchmark import the server-only data-access modules outside Next.js (as vitest does):
// "server-only" resolves to an empty module.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
      return next(specifier, context);
    }`),
);
