// Restore from a hand-edited record (issue 14, item 10): the built binary against moto through a
// recording proxy. A record whose values IAM would refuse (moto would not) is refused before anything
// is sent — exit 64, one line naming the file, the field and the rule, 0 mutating requests — while the
// same record unedited restores (so the proxy does see writes when there are any).
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, expect, it} from 'vitest';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const WRITE_ACTION = /^(Create|Delete|Put|Attach|Detach|Add|Remove|Update|Upload|Tag|Untag|Enable|Deactivate|Change|Set|Reset)/;
// No groups, managed policies or credentials: nothing to look up, no secret to deliver.
const record = (extra: Partial<OffboardRecord> = {}) =>
	offboardRecord({groups: [], attachedPolicies: [], loginProfile: null, accessKeys: [], ...extra});
const user = recordUser;
const principal = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: '*'}, Action: 's3:GetObject', Resource: '*'}]});

const cases: Array<{name: string; edit: Partial<OffboardRecord>; field: RegExp}> = [
	{name: 'a user name with spaces, over 64 characters', edit: user(`zoe left ${'x'.repeat(60)}`), field: /user\.name: the user name is 69 characters long; IAM accepts at most 64/},
	{name: 'a path without its trailing slash', edit: user('zoe.left', '/team'), field: /user\.path: the path "\/team" must start and end with "\/"/},
	{name: 'an aws: tag key', edit: {tags: [{Key: 'aws:owner', Value: 'me'}]}, field: /tags\[0\]\.Key: the tag key "aws:owner" starts with "aws:"/},
	{name: 'an inline policy with a Principal', edit: {inlinePolicies: [{name: 'Extra', document: principal}]}, field: /inlinePolicies\[0\]\.document: Statement 1: Principal is not allowed/},
];

describeWithMoto('restore: a hand-edited record is validated before anything is sent', () => {
	let moto: Moto;
	let dir: string;
	let env: Record<string, string>;

	/** Runs `iamtui restore FILE --yes` through a recording proxy: the result and the writes it sent. */
	const restore = async (file: string) => {
		const proxy = await startFaultProxy({target: moto.endpoint, seed: 14});
		try {
			const result = await runCli(['restore', file, '--yes', '--endpoint-url', proxy.endpoint], env, 120_000);
			const writes = Object.entries(proxy.stats().byAction).filter(([action]) => WRITE_ACTION.test(action)).reduce((n, [, count]) => n + count, 0);
			return {...result, writes};
		} finally {
			await proxy.stop();
		}
	};

	beforeAll(async () => {
		moto = await startMoto();
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-restore-check-'));
		env = motoEnvironment();
	});
	beforeEach(async () => {
		await moto.reset();
	});
	afterAll(async () => {
		await moto?.stop();
	});

	it.each(cases)('$name: refused, naming the file, the field and the rule; 0 mutating requests', async ({name, edit, field}) => {
		const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
		writeFileSync(file, JSON.stringify(record(edit), null, 2));
		const run = await restore(file);
		expect(run.writes, run.stderr).toBe(0);
		expect(run.code, run.stderr).toBe(64);
		expect(run.stderr).toContain(file);
		expect(run.stderr).toMatch(field);
		expect(run.stderr).toContain('nothing was sent');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
	}, 150_000);

	it('the unedited record restores (the proxy sees its writes)', async () => {
		const file = path.join(dir, 'unedited.json');
		writeFileSync(file, JSON.stringify(record(), null, 2));
		const run = await restore(file);
		expect(run.code, run.stderr).toBe(0);
		expect(run.writes).toBeGreaterThanOrEqual(2);
	}, 150_000);
});
