// The one way a gateway is wrapped (read-only, deferred loading, a failed connection): a Proxy that
// answers `readOnly` itself, is never a thenable, and lets the wrapper decide what each operation does.
import type {IamGateway} from '../model/gateway.js';

/**
 * What the wrapped gateway gives for the property `name`, given what `target` has there (a method comes
 * bound to `target`; undefined when `target` lacks it).
 */
export type WrapOperation = (name: string, own: unknown) => unknown;

export const wrapGateway = <G extends object = IamGateway>(target: G, readOnly: boolean, operation: WrapOperation): G =>
	new Proxy(target, {
		get(inner, property, receiver) {
			if (property === 'readOnly') return readOnly;
			// Not a thenable: `await gateway` must resolve to the gateway, never call into it.
			if (property === 'then') return undefined;
			const value: unknown = Reflect.get(inner, property, receiver);
			if (typeof property !== 'string') return value;
			return operation(property, typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(inner) : value);
		},
	});
