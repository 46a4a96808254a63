/** Writes schema/connections.schema.json from the zod schema (`npm run schema`); a test keeps it in step. */
import { writeFileSync } from 'node:fs';
import { definitionJsonSchema } from '../src/definitions/schema.js';

const file = new URL('../schema/connections.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
