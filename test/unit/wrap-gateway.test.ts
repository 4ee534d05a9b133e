// The one gateway wrapper (aws/wrap-gateway.ts) that read-only, the lazy gateway and the failed
// connection are built on: readOnly is the wrapper's, `await` never calls in, methods keep their `this`.
import {describe, expect, it} from 'vitest';
import {failedGateway} from '../../source/aws/lazy-gateway.js';
import {wrapGateway} from '../../source/aws/wrap-gateway.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway} from '../../source/model/gateway.js';

class Counter {
	readonly readOnly = false;
	count = 0;
	async bump(): Promise<number> {
		this.count += 1;
		return this.count;
	}
}

describe('wrapGateway', () => {
	it('answers readOnly itself, hands each operation bound to the inner gateway, and is not a thenable', async () => {
		const inner = new Counter();
		const seen: Array<[string, string]> = [];
		const wrapped = wrapGateway(inner, true, (name, own) => {
			seen.push([name, typeof own]);
			return own;
		});
		expect(wrapped.readOnly).toBe(true);
		const {bump} = wrapped;
		expect(await bump()).toBe(1);
		expect(inner.count).toBe(1);
		expect(await wrapped).toBe(wrapped);
		expect((wrapped as unknown as {missing: unknown}).missing).toBeUndefined();
		expect(seen).toEqual([
			['bump', 'function'],
			['missing', 'undefined'],
		]);
	});

	it('failedGateway rejects every operation with the error connect() threw, and keeps its readOnly', async () => {
		const error = new IamError('Credentials', 'no credentials for profile p');
		const gateway: IamGateway = failedGateway(error, true);
		expect(gateway.readOnly).toBe(true);
		await expect(gateway.loadSnapshot({})).rejects.toBe(error);
		await expect(gateway.addUserToGroup({user: 'ana', group: 'Ops'})).rejects.toBe(error);
		expect(await gateway).toBe(gateway);
	});
});
