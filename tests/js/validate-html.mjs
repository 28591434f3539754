// Validation des pages HTML du site construit : html-validate, règles de .htmlvalidate.json.
//
// Usage : node validate-html.mjs <dossier du site>
// Valide chaque fichier *.html du dossier (récursivement) et écrit sur la sortie standard la
// liste JSON des erreurs, triée : [{ "file", "line", "column", "rule", "message", "selector",
// "tag" }, …], où « file » est le chemin relatif au dossier et « tag » la balise où se trouve
// l'erreur, telle qu'écrite dans la page (de quoi reconnaître le balisage du thème).
// Les pages sont réparties entre quelques fils d'exécution (la page d'impression, qui
// reprend tout le site, en occupe un à elle seule).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { HtmlValidate } from "html-validate";

function tagAt(text, offset) {
  const start = text.lastIndexOf("<", offset);
  const end = text.indexOf(">", offset);
  return start === -1 || end === -1 ? "" : text.slice(start, end + 1);
}

async function worker(folder) {
  const here = dirname(fileURLToPath(import.meta.url));
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(here, ".htmlvalidate.json"), "utf8")));
  parentPort.on("message", async (page) => {
    if (page === null) {
      parentPort.close();
      return;
    }
    const text = readFileSync(join(folder, page), "utf8");
    const report = await validator.validateString(text, page);
    const errors = report.results.flatMap((result) =>
      result.messages.map((message) => ({
        file: page,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
        selector: message.selector,
        tag: tagAt(text, message.offset),
      })),
    );
    parentPort.postMessage(errors);
  });
  parentPort.postMessage([]);
}

// Chaque fil demande une page dès qu'il a fini la précédente, la plus grosse d'abord.
function run(folder, queue, errors) {
  return new Promise((resolve, reject) => {
    const thread = new Worker(fileURLToPath(import.meta.url), { workerData: { folder } });
    thread.on("message", (found) => {
      errors.push(...found);
      thread.postMessage(queue.length ? queue.shift() : null);
    });
    thread.once("error", reject);
    thread.once("exit", resolve);
  });
}

if (isMainThread) {
  const folder = process.argv[2];
  const queue = readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith(".html"))
    .map((name) => ({ name, size: statSync(join(folder, name)).size }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))
    .map(({ name }) => name);
  const errors = [];
  const threads = Math.max(1, Math.min(availableParallelism(), 4, queue.length));
  await Promise.all(Array.from({ length: threads }, () => run(folder, queue, errors)));
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  process.stdout.write(JSON.stringify(errors) + "\n");
} else {
  await worker(workerData.folder);
}
