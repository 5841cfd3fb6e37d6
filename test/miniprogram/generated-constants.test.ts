import { readFileSync } from 'node:fs';
import { GENERATED_FILE, generatedSource } from '../../scripts/generate/app-constants';

describe('the app’s copy of the contract’s constants', () => {
  test('is what npm run generate makes from typings/contract now', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generatedSource());
  });
});
