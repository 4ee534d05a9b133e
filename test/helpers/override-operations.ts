// A gateway that differs from the one it wraps in a few operations (one held, one failing, the writes
// counted), for tests. Built on the product's one wrapping helper (source/aws/wrap-gateway.ts), so no
// test keeps a Proxy of its own.
import {wrapGateway} from '../../source/aws/wrap-gateway.js';

/** A gateway operation as an override receives it: bound to the gateway it belongs to. */
export type OwnOperation = (...args: unknown[]) => Promise<unknown>;

/**
 * `gateway`, with `override(name, own)` in place of each operation it returns something for; operations it
 * returns undefined for, and every other property, stay the gateway's own.
 */
export const overrideOperations = <G extends object>(gateway: G, override: (name: string, own: OwnOperation) => ((...args: never[]) => unknown) | undefined): G =>
	wrapGateway(gateway, (gateway as {readOnly?: boolean}).readOnly === true, (name, own) =>
		typeof own === 'function' ? (override(name, own as OwnOperation) ?? own) : own,
	);
