// patches/@cloud-copilot+iam-simulate+0.1.173.patch (applied at npm install, so the tests and the bundle
// share it) memoizes getResourceTypesForAction: matching an ARN against every resource type pattern was
// most of who-can's time at 1,000 roles (the same sts:AssumeRole on the same role ARN for every caller).
// Only the patched module answers a repeated question with the very same promise; the answer is unchanged.
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {expect, it} from 'vitest';
import {evaluate, preparePolicy} from '../../source/model/access/evaluator.js';

type ResourceTypes = (service: string, action: string, resource: string) => Promise<Array<{arn: string}>>;

// The module the simulator itself imports (same file, so the same module instance and cache).
const resourceTypesModule = async (): Promise<{getResourceTypesForAction: ResourceTypes}> => {
	const main = createRequire(import.meta.url).resolve('@cloud-copilot/iam-simulate');
	const root = main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`));
	return (await import(pathToFileURL(path.join(root, 'dist', 'esm', 'simulation_engine', 'resourceTypes.js')).href)) as {getResourceTypesForAction: ResourceTypes};
};

it('the simulator iamtui runs is patched: resource types of (action, ARN) are worked out once', async () => {
	const {getResourceTypesForAction} = await resourceTypesModule();
	const arn = `arn:aws:iam::123456789012:role/patched-${Math.random().toString(36).slice(2, 8)}`;
	const first = getResourceTypesForAction('sts', 'AssumeRole', arn);
	expect(getResourceTypesForAction('sts', 'AssumeRole', arn)).toBe(first);
	expect((await first).map(t => t.arn)).toEqual(['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}']);
	// Another ARN is its own question.
	expect(getResourceTypesForAction('sts', 'AssumeRole', `${arn}-other`)).not.toBe(first);
});

it('a question the simulator refuses is not kept: asked again, it is worked out again', async () => {
	const {getResourceTypesForAction} = await resourceTypesModule();
	const first = getResourceTypesForAction('sts', 'GetCallerIdentity', '*');
	await expect(first).rejects.toThrow(/does not have any resource types/);
	await Promise.resolve();
	expect(getResourceTypesForAction('sts', 'GetCallerIdentity', '*')).not.toBe(first);
});

it('answers through the patched simulator are the same as before', async () => {
	const prepared = preparePolicy({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/deploy-*'}]});
	if (!prepared.ok) throw new Error(prepared.reason);
	const policies = [{key: 'p', handle: prepared.handle}];
	for (let n = 0; n < 2; n++) {
		const allowed = await evaluate({principalArn: 'arn:aws:iam::123456789012:user/a', accountId: '123456789012', action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/deploy-1', policies});
		const denied = await evaluate({principalArn: 'arn:aws:iam::123456789012:user/a', accountId: '123456789012', action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/admin', policies});
		expect(allowed.ok && allowed.decision).toBe('Allowed');
		expect(denied.ok && denied.decision).toBe('ImplicitDeny');
	}
});
