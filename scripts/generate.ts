/** npm run generate: writes the app's copy of the contract's constants (see scripts/generate/app-constants.ts). */
import { writeFileSync } from 'node:fs';
import { GENERATED_FILE, generatedSource } from './generate/app-constants';

writeFileSync(GENERATED_FILE, generatedSource());
console.log(`wrote ${GENERATED_FILE}`);
