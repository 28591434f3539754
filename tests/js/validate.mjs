// Validateur indépendant des schémas des flux : Ajv (JSON Schema 2020-12), mode strict.
//
// Usage : node validate.mjs <dossier des schémas>
// Pour chaque <flux>.schema.json du dossier : compile le schéma (un mot-clé inconnu ou
// un schéma ambigu est une erreur en mode strict), valide <flux>.exemple.json (doit
// passer) et chaque <flux>.invalide-*.json (doit échouer). Écrit le résultat en JSON
// sur la sortie standard : { "<fichier>": { "valid": bool, "errors": [...] } }, chaque erreur
// avec son mot-clé, son chemin dans l'instance, ses paramètres et son message.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const folder = process.argv[2];
const results = {};
for (const name of readdirSync(folder).sort()) {
  if (!name.endsWith(".schema.json")) continue;
  const stem = name.slice(0, -".schema.json".length);
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  let validate;
  try {
    validate = ajv.compile(JSON.parse(readFileSync(join(folder, name), "utf8")));
    results[name] = { valid: true, errors: [] };
  } catch (error) {
    results[name] = { valid: false, errors: [String(error.message)] };
    continue;
  }
  for (const instance of readdirSync(folder).sort()) {
    if (!instance.startsWith(stem + ".") || instance === name) continue;
    const valid = validate(JSON.parse(readFileSync(join(folder, instance), "utf8")));
    const errors = (validate.errors || []).map((e) => ({
      keyword: e.keyword,
      instancePath: e.instancePath,
      params: e.params,
      message: e.message,
    }));
    results[instance] = { valid, errors };
  }
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
