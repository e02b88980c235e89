/**
 * The one source of truth for every message between the page and the training worker.
 * Both directions are discriminated unions on `type`.
 */
export const PROTOCOL_VERSION = 1;

/** Page → worker. */
export type Command = { type: 'hello'; protocol: number; nonce: number };

/** Worker → page. */
export type WorkerEvent = { type: 'hello'; protocol: number; nonce: number } | { type: 'error'; message: string };
