/** A deploy failure meant for a person: the CLI prints its message as is, without a stack, and exits 1. */
export class DeployError extends Error {
  override name = 'DeployError';
}
