// Validates a Ladder export against docs/export-format.schema.json with ajv, an
// independent JSON Schema validator. Usage: node export.mjs SCHEMA FILE. Prints the
// errors and exits 1 when the file is not valid.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const [schemaPath, filePath] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const doc = JSON.parse(readFileSync(filePath, "utf8"));
if (validate(doc)) {
  const records = Object.values(doc.records).reduce((n, list) => n + list.length, 0);
  console.log(JSON.stringify({ valid: true, records, tombstones: doc.tombstones.length }));
} else {
  console.log(JSON.stringify({ valid: false, errors: validate.errors.slice(0, 20) }, null, 1));
  process.exit(1);
}
