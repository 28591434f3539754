// Génération de code TypeScript depuis les schémas des flux : json-schema-to-typescript.
//
// Usage : node codegen-ts.mjs <dossier des schémas>
// Compile chaque <flux>.schema.json du dossier, dans un seul processus, et écrit en JSON sur la
// sortie standard, pour chaque schéma : les noms des types déclarés (interface, type) et le code.
// Rien n'est téléchargé : les $ref sont internes au schéma (#/$defs/…).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";

const folder = process.argv[2];
const results = {};
for (const name of readdirSync(folder).sort()) {
  if (!name.endsWith(".schema.json")) continue;
  const schema = JSON.parse(readFileSync(join(folder, name), "utf8"));
  const code = await compile(schema, "", {
    bannerComment: "",
    format: false,
    additionalProperties: false,
    declareExternallyReferenced: true,
    $refOptions: { resolve: { external: false, http: false, file: false } },
  });
  const names = [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  results[name] = { names, code };
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
