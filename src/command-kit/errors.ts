/** A mistake the person can fix: `message` is the one sentence they see, saying what to type instead. */
export class UserError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "UserError";
  }
}
