/** A setting of the gateway that cannot work, with what to do about it; it stops the start. */
export class GatewayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayConfigError';
  }
}
