// Mermaid's own parser over many diagrams in one node process (start-up is the slow part).
// stdin: a JSON array of diagram texts; stdout: a JSON array of {ok, type, error}, in order.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser", "navigator"]) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
const { default: createDOMPurify } = await import("dompurify");
globalThis.DOMPurify = createDOMPurify(dom.window);
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text);
    const result = { ok: true, type: parsed.diagramType, error: null };
    if (parsed.diagramType === "journey") {
      // What the diagram will show, so that tests can see a task that a comment swallowed.
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      result.title = diagram.db.getDiagramTitle();
      result.tasks = diagram.db.getTasks().map((task) => ({
        section: task.section, task: task.task, score: task.score, people: task.people,
      }));
    }
    results.push(result);
  } catch (error) {
    results.push({ ok: false, type: null, error: String(error && error.message || error) });
  }
}
process.stdout.write(JSON.stringify(results));
