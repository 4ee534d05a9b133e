// The self-lockout guard in the TUI for the access key this session signs with: deactivating (or
// deleting) it ends the session, so the confirmation names the consequence and needs "lock me out"
// typed; y alone sends nothing. Another user's key of the same kind asks only y.
import {describe, expect, it} from 'vitest';
import {ACCOUNT} from '../fixtures/account.js';
import {appHarness, writesOf} from '../helpers/app.js';
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

describe('lockout: the access key this session signs with', () => {
	it('e on the signing key needs "lock me out" typed; y sends nothing; the phrase sends the deactivation', async () => {
		const {tui, gateway} = harness.start({identity, columns: 300});
		await onKey(tui, 'ana.silva', SIGNING_KEY);
		tui.write('e');
		const plan = await tui.waitFor('Type "lock me out"');
		expect(plan).toContain(`Warning: you (ana.silva) deactivate the access key this session signs with (${SIGNING_KEY}): these credentials stop working at once`);
		// y (and enter) is not enough: it lands in the confirmation field, and a mismatch sends nothing.
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
