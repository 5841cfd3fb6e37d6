/** A build failure whose message is meant for a person: the CLI prints it as is, without a stack. */
export class BuildError extends Error {
  override name = 'BuildError';
}
