// A gateway whose SDK-backed implementation is imported on the first call, so the TUI can draw its
// first frame before the AWS SDK (hundreds of modules) is loaded.
import type {ConnectionHooks, ConnectionSettings, IamGateway} from '../model/gateway.js';

export const lazyGateway = (settings: ConnectionSettings, hooks: ConnectionHooks = {}): IamGateway =>
	deferred(settings.readOnly === true, () => import('./gateway.js').then(module => module.createGateway(settings, hooks)));

/** The offline file gateway, loaded the same deferred way. */
export const offlineGateway = (files: string[]): IamGateway =>
	deferred(true, () => import('./file-gateway.js').then(module => module.openFileGateway(files)));

const deferred = (readOnly: boolean, create: () => Promise<IamGateway>): IamGateway => {
	let real: Promise<IamGateway> | undefined;
	const load = () => (real ??= create());
	return new Proxy({readOnly} as IamGateway, {
		get(target, property) {
			if (property === 'readOnly') return readOnly;
			// Not a thenable: `await gateway` must not call into the SDK.
			if (property === 'then' || typeof property === 'symbol') return undefined;
			return async (...args: unknown[]) => {
				const gateway = (await load()) as unknown as Record<string, (...a: unknown[]) => unknown>;
				const method = gateway[property];
				if (typeof method !== 'function') throw new TypeError(`gateway has no operation ${property}`);
				return method.apply(gateway, args);
			};
		},
	});
};
