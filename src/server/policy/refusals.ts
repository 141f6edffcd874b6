export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("Sign in to continue");
    this.name = "UnauthenticatedError";
  }
}
