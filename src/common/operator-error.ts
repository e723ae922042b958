/**
 * A failure whose message is written for whoever runs the service (a setting, a folder, a database that cannot be
 * reached): start-up and the operator scripts print it as one line, without a stack trace, and exit with status 1.
 */
export class OperatorError extends Error {
  override name = "OperatorError";
}
