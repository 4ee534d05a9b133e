// Gateways that stand in before (or instead of) an SDK-backed one: the lazy gateway imports its
// implementation on the first call, so the TUI can draw its first frame before the AWS SDK (hundreds
// of modules) is loaded; the failed gateway carries the error connect() threw to the error screen.
import type {ConnectionHooks, ConnectionSettings, IamGateway} from '../model/gateway.js';
import {wrapGateway} from './wrap-gateway.js';

export const lazyGateway = (settings: ConnectionSettings, hooks: ConnectionHooks = {}): IamGateway =>
	deferred(settings.readOnly === true, () => import('./gateway.js').then(module => module.createGateway(settings, hooks)));

/** The offline file gateway, loaded the same deferred way. */
export const offlineGateway = (files: string[]): IamGateway =>
	deferred(true, () => import('./file-gateway.js').then(module => module.openFileGateway(files)));

/** A gateway that fails every call with the error connect() threw, so the error screen can show it. */
export const failedGateway = (error: unknown, readOnly: boolean): IamGateway =>
	wrapGateway({} as IamGateway, readOnly, () => () => Promise.reject(error));

const deferred = (readOnly: boolean, create: () => Promise<IamGateway>): IamGateway => {
	let real: Promise<IamGateway> | undefined;
	const load = () => (real ??= create());
	return wrapGateway({} as IamGateway, readOnly, name => async (...args: unknown[]) => {
		const gateway = (await load()) as unknown as Record<string, (...a: unknown[]) => unknown>;
		const method = gateway[name];
		if (typeof method !== 'function') throw new TypeError(`gateway has no operation ${name}`);
		return method.apply(gateway, args);
	});
};
