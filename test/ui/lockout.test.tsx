// The self-lockout guard in the TUI. Deactivating (or deleting) the access key this session signs with
// ends the session; the shipped network-restricted template on the caller's own admin group may deny
// the caller's own requests (a conditional Deny). Either way the confirmation names the consequence and
// needs "lock me out" typed; y alone sends nothing. The same change that does not touch the caller asks y.
import {describe, expect, it} from 'vitest';
import {ACCOUNT} from '../fixtures/account.js';
import type {FixtureGateway} from '../fixtures/gateway.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {inlineFromTemplate, openGroup} from '../helpers/group-steps.js';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {openUser, select} from '../helpers/user-screen.js';

const harness = appHarness();
const SIGNING_KEY = 'AKIAANAEXAMPLE000001';
const identity = {account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/ana.silva`, userId: 'AIDAANA', accessKeyId: SIGNING_KEY};

/** Opens the user and puts the cursor on its access key `accessKeyId`. */
const onKey = async (tui: Rendered, user: string, accessKeyId: string) => {
	await openUser(tui, user);
	await tui.waitFor(accessKeyId);
	await select(tui, accessKeyId);
};

/** y (and enter) is not enough: it lands in the confirmation field, and a mismatch sends nothing. Then the phrase. */
const typeLockMeOut = async (tui: Rendered, gateway: FixtureGateway) => {
	tui.write('y');
	await tui.waitFor(/confirm: +y/);
	tui.write(keys.enter);
	await tui.waitFor('does not match — type exactly');
	expect(writesOf(gateway)).toEqual([]);
	tui.write(keys.backspace);
	await tui.waitForFrame(frame => !/(confirm|type exactly): +y/.test(frame));
	await tick();
	await tui.type('lock me out');
	tui.write(keys.enter);
};

describe('lockout: the access key this session signs with', () => {
	it('e on the signing key needs "lock me out" typed; y sends nothing; the phrase sends the deactivation', async () => {
		const {tui, gateway} = harness.start({identity, columns: 300});
		await onKey(tui, 'ana.silva', SIGNING_KEY);
		tui.write('e');
		const plan = await tui.waitFor('Type "lock me out"');
		expect(plan).toContain(`Warning: you (ana.silva) deactivate the access key this session signs with (${SIGNING_KEY}): these credentials stop working at once`);
		await typeLockMeOut(tui, gateway);
		await tui.waitFor(/done\s+Deactivate access key AKIAANAEXAMPLE000001/);
		expect(writesOf(gateway)).toEqual([`updateAccessKey:ana.silva:${SIGNING_KEY}:Inactive`]);
	});

	it('d on the signing key also needs the phrase; signing with another key, y runs it', async () => {
		const {tui, gateway} = harness.start({identity, columns: 300});
		await onKey(tui, 'ana.silva', SIGNING_KEY);
		tui.write('d');
		const deletion = await tui.waitFor('Type "lock me out"');
		expect(deletion).toContain(`you (ana.silva) delete the access key this session signs with (${SIGNING_KEY})`);
		tui.write(keys.escape);
		await tui.waitFor('User ana.silva');
		expect(writesOf(gateway)).toEqual([]);

		const other = harness.start({identity: {...identity, accessKeyId: 'AKIAANAOTHERSESSION1'}, columns: 300});
		await onKey(other.tui, 'ana.silva', SIGNING_KEY);
		other.tui.write('e');
		const plain = await other.tui.waitFor('y/enter runs 1 step');
		expect(plain).not.toContain('lock me out');
		other.tui.write('y');
		await other.tui.waitFor(/done\s+Deactivate access key AKIAANAEXAMPLE000001/);
		expect(writesOf(other.gateway)).toEqual([`updateAccessKey:ana.silva:${SIGNING_KEY}:Inactive`]);
	});
});

describe('lockout: the guard is never skipped', () => {
	it('a plan opened before the caller identity arrives waits for the guard, then asks for the phrase', async () => {
		let arrive = () => {};
		const late = new Promise<void>(resolve => (arrive = resolve));
		const {tui, gateway} = harness.start({
			identity,
			columns: 300,
			rows: 40,
			wrap: base => ({...base, callerIdentity: async () => late.then(() => base.callerIdentity())}),
		});
		await onKey(tui, 'ana.silva', SIGNING_KEY);
		tui.write('e');
		const waiting = await tui.waitFor('Checking whether this change locks you out');
		expect(waiting).not.toContain('y/enter runs');
		tui.write('y');
		await tick();
		expect(writesOf(gateway)).toEqual([]);
		arrive();
		await tui.waitFor('Type "lock me out"');
		expect(writesOf(gateway)).toEqual([]);
	});
});

// rsdash's only access is its group RightScaleDash (an inline allow of everything).
const rsdash = {account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/service/rsdash`, userId: 'AIDARSDASH'};

/** The network-restricted guard, named Guard, for 203.0.113.0/24, on `group`: the plan's confirmation. */
const guardOn = async (tui: Rendered, group: string) => {
	await openGroup(tui, group);
	await inlineFromTemplate(tui, group, 'network-restricted', 'Guard');
	await tui.waitFor('cidr');
	await tui.type('203.0.113.0/24');
	tui.write(keys.enter);
	await tui.waitFor('Preview of Guard — valid');
	tui.write(keys.enter);
	return tui.waitFor(`Put inline policy Guard on group ${group}`);
};

describe('lockout: a conditional Deny on your own admin group', () => {
	it('network-restricted on your group: the warning names the condition, y sends nothing, "lock me out" sends it', async () => {
		const {tui, gateway} = harness.start({identity: rsdash, columns: 400});
		await guardOn(tui, 'RightScaleDash');
		const plan = await tui.waitFor('Type "lock me out"');
		expect(plan).toMatch(/Warning: you \(rsdash\) may lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: a conditional Deny applies to you \(NotIpAddress aws:SourceIp 203\.0\.113\.0\/24/);
		await typeLockMeOut(tui, gateway);
		await tui.waitFor(/done\s+Put inline policy Guard/);
		expect(writesOf(gateway).map(call => call.split(':')[0])).toEqual(['putGroupPolicy']);
	});

	it('the same guard on a group you are not in asks only y', async () => {
		const {tui, gateway} = harness.start({identity: rsdash, columns: 400});
		const plan = await guardOn(tui, 'EmptyGroup');
		expect(plan).not.toContain('lock me out');
		expect(plan).toContain('y/enter runs 1 step');
		tui.write('y');
		await tui.waitFor(/done\s+Put inline policy Guard/);
		expect(writesOf(gateway).map(call => call.split(':')[0])).toEqual(['putGroupPolicy']);
	});
});
