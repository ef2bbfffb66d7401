import { mount } from "svelte";
import "./app/app.css";
import App from "./app/App.svelte";

document.documentElement.dataset.boot = "start";
const target = document.getElementById("app");
if (!target) throw new Error("the page has no #app element");

// If the interface cannot start, say so on the page instead of showing a blank window.
function showFatal(error: unknown): void {
  const box = document.createElement("pre");
  box.className = "fatal";
  box.textContent = `Ladder could not start its window.\n\n${error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error)}`;
  document.body.replaceChildren(box);
}

// Errors after start-up (in effects or promises) that leave the window empty.
window.addEventListener("error", (e) => {
  if (!document.querySelector("#app > *")) showFatal(e.error ?? e.message);
});
window.addEventListener("unhandledrejection", (e) => {
  if (!document.querySelector("#app > *")) showFatal(e.reason);
});

let app: ReturnType<typeof mount> | undefined;
try {
  app = mount(App, { target });
  document.documentElement.dataset.boot = `mounted ${target.childNodes.length}`;
} catch (error) {
  document.documentElement.dataset.boot = "failed";
  showFatal(error);
}

export default app;
