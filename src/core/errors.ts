/** The intake cannot make a plan with these templates (a usage problem the runner can fix). */
export class PlanInputError extends Error {
  override name = 'PlanInputError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
