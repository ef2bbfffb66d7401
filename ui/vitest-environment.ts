// Vitest runs the tests in Node, but with Svelte compiled and resolved as for the window
// (Vite's "client" environment), so runes behave in tests as they do in the app: effects
// run, where Svelte's server build would skip them.
import type { Environment } from "vitest/environments";

export default {
  name: "svelte-client",
  viteEnvironment: "client",
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
