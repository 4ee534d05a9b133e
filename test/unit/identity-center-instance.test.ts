// Choosing the Identity Center instance to read. moto always has exactly one instance per region, so "none"
// and "several" can only be checked here, on the list ListInstances would return.
import {describe, expect, it} from 'vitest';
import {pickInstance} from '../../source/aws/identity-center-reader.js';
import {IamError} from '../../source/model/errors.js';

const one = {arn: 'arn:aws:sso:::instance/ssoins-1111111111111111', identityStoreId: 'd-1111111111'};
const two = {arn: 'arn:aws:sso:::instance/ssoins-2222222222222222', identityStoreId: 'd-2222222222'};

const failure = (run: () => unknown): IamError => {
	try {
		run();
	} catch (error) {
		if (error instanceof IamError) return error;
		throw error;
	}
	throw new Error('expected an IamError');
};

describe('pickInstance', () => {
	it('takes the only instance', () => {
		expect(pickInstance([one], 'eu-west-1')).toBe(one);
	});

	it('takes the instance asked for among several', () => {
		expect(pickInstance([one, two], 'eu-west-1', two.arn)).toBe(two);
	});

	it('no instance: names the region and says Identity Center lives in one region', () => {
		const error = failure(() => pickInstance([], 'eu-west-1'));
		expect([error.kind, error.code, error.message]).toEqual(['NotFound', 'NoIdentityCenterInstance', 'no IAM Identity Center instance is visible in eu-west-1']);
		expect(error.hint).toMatch(/region it was enabled in/);
	});

	it('several and none asked for: lists them and asks for one', () => {
		const error = failure(() => pickInstance([one, two], 'eu-west-1'));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toBe(`2 Identity Center instances are visible: ${one.arn}, ${two.arn}`);
	});
});
