import { type Modifier, update } from 'mingo/updater';
import { copy } from './copy';
import { type Doc, PlatformError, type StoredDoc } from './wire';

/**
 * MongoDB update operators on one record, through mingo, after the checks MongoDB makes and mingo does not
 * (mingo quietly skips a `$set` through a number or an `$inc` of a string; MongoDB refuses the whole update).
 */

/** Operators that create the path they name when it is missing. */
const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate']);
const NUMERIC = new Set(['$inc', '$mul']);

const fail = (message: string): never => {
  throw new PlatformError('DATABASE_REQUEST_FAILED', message);
};

const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function checkPath(doc: StoredDoc, op: string, path: string, operand: unknown): void {
  if (path === '_id' || path.startsWith('_id.')) {
    fail(`Performing an update on the path '_id' would modify the immutable field '_id'`);
  }
  const segments = path.split('.');
  let current: unknown = doc;
  for (const [i, segment] of segments.entries()) {
    if (current === undefined) return;
    const isLast = i === segments.length - 1;
    if (isLast) {
      const target = isObject(current) || Array.isArray(current) ? (current as Doc)[segment] : undefined;
      if (NUMERIC.has(op) && typeof operand !== 'number') fail(`Cannot ${op.slice(1)} with non-numeric argument`);
      if (NUMERIC.has(op) && target !== undefined && typeof target !== 'number') {
        fail(`Cannot apply ${op} to a value of non-numeric type. The field '${path}' is of type ${typeof target}`);
      }
      return;
    }
    const next: unknown = isObject(current) || Array.isArray(current) ? (current as Doc)[segment] : undefined;
    if (next !== undefined && next !== null && !isObject(next) && !Array.isArray(next) && CREATING.has(op)) {
      fail(`Cannot create field '${segments[i + 1]}' in element {${segment}: ${show(next)}}`);
    }
    current = next ?? undefined;
  }
}

function checkConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    const [a, b] = [sorted[i - 1] as string, sorted[i] as string];
    if (a === b || b.startsWith(`${a}.`)) fail(`Updating the path '${b}' would create a conflict at '${a}'`);
  }
}

/** The record after `operators`, and whether anything changed; `doc` itself is left as it was. */
export function applyOperators(doc: StoredDoc, operators: Doc): { doc: StoredDoc; modified: boolean } {
  const entries = Object.entries(operators);
  if (entries.length === 0) fail('Update document requires atomic operators');
  const paths: string[] = [];
  for (const [op, fields] of entries) {
    if (!op.startsWith('$')) fail(`Unknown modifier: ${op}. Expected a valid update modifier`);
    if (!isObject(fields)) fail(`Modifiers operate on fields but we found type ${typeof fields} instead`);
    for (const [path, operand] of Object.entries(fields as Doc)) {
      checkPath(doc, op, path, operand);
      paths.push(path);
      if (op === '$rename' && typeof operand === 'string') paths.push(operand);
    }
  }
  checkConflicts(paths);
  const next = copy(doc);
  try {
    const changed = update(next, operators as Modifier<StoredDoc>, undefined, undefined, { cloneMode: 'deep' });
    return { doc: next, modified: changed.length > 0 };
  } catch (error) {
    return fail((error as Error).message);
  }
}
