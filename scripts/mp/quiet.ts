const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Runs `work` with the console held back: miniprogram-ci narrates everything it does (and, offline, logs its
 * failed look-ups at WeChat as `[error]` lines although it goes on with its defaults). The held lines are printed
 * if `work` throws, and handed back otherwise, for the caller to print when something went wrong.
 */
export async function quietly<T>(work: () => Promise<T>): Promise<{ value: T; held: string[] }> {
  const held: string[] = [];
  const originals = METHODS.map((m) => [m, console[m]] as const);
  for (const m of METHODS) {
    console[m] = (...args: unknown[]) => {
      held.push(args.map(String).join(' '));
    };
  }
  try {
    return { value: await work(), held };
  } catch (error) {
    for (const line of held) process.stderr.write(`${line}\n`);
    throw error;
  } finally {
    for (const [m, original] of originals) console[m] = original;
  }
}
