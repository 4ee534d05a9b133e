// :journal offers to resolve an interrupted plan (issue 14, item 3, in the TUI): `t` on an UNFINISHED row
// opens its take-back — built from what the account holds now, as `journal resolve ID --take-back` does —
// in the normal plan confirmation; it is journaled like any plan and closes the plan in the journal
// (iamtui:Resolved), so the row then reads "unknown". A read-only session has no `t`.
import {describe, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION} from '../../source/model/org/offboard-everywhere-record.js';
import {RESOLVED} from '../../source/model/plans/journal-plans.js';
import {ACCOUNT} from '../fixtures/account.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const {start} = appHarness();

// ana.silva is in Developers: the request whose outcome was never recorded may have put her there.
const interrupted: JournalEntry = {
	time: '2020-01-01T00:00:00.000Z',
	profile: 'dev',
	account: ACCOUNT,
	callerArn: `arn:aws:iam::${ACCOUNT}:user/operator`,
	operation: 'iam:AddUserToGroup',
	target: {user: 'ana.silva', group: 'Developers'},
	outcome: 'intent',
	errorCode: null,
	planId: 'p1a2b3c4',
	step: 0,
};

/** :journal, once `row` (the interrupted line) is listed. */
const openJournal = async (tui: Rendered, row = /AddUserToGroup\s+user=ana\.silva group=Developers\s+UNFINISHED/) => {
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write('journal');
	await tui.waitFor(':journal');
	tui.write(keys.enter);
	return tui.waitFor(row);
};

describe(':journal take-back', () => {
	it('t on an UNFINISHED row opens its take-back as a plan; y runs it, journaled, and the plan is resolved', async () => {
		const {tui, gateway, journal} = start({columns: 200, rows: 40});
		journal.append(interrupted);
		const listed = await openJournal(tui);
		expect(listed).toContain('t take back');
		tui.write('t');
		const plan = await tui.waitFor('Take back the interrupted plan p1a2b3c4');
		expect(plan).toContain('aws iam remove-user-from-group --user-name ana.silva --group-name Developers');
		expect(writesOf(gateway)).toEqual([]);
		tui.write('y');
		await tui.waitFor(/done\s+Remove ana\.silva from group Developers/);
		expect(writesOf(gateway)).toEqual(['removeUserFromGroup:ana.silva:Developers']);
		const lines = journal.lines();
		expect(lines.filter(l => l.operation === 'iam:RemoveUserFromGroup').map(l => l.outcome)).toEqual(['intent', 'ok']);
		expect(lines.at(-1)).toMatchObject({operation: RESOLVED, resolves: 'p1a2b3c4', outcome: 'ok'});
		tui.write(keys.escape);
		await tui.waitFor(/AddUserToGroup\s+user=ana\.silva group=Developers\s+unknown/);
	});

	it('t elsewhere says what it is for, and sends nothing', async () => {
		const {tui, gateway, journal} = start({columns: 200, rows: 40});
		journal.append({...interrupted, outcome: 'ok', planId: 'done0001'});
		journal.append(interrupted);
		await openJournal(tui);
		tui.write(keys.down);
		await tui.waitForFrame(frame => /›.*AddUserToGroup.*\sok\b/.test(frame));
		tui.write('t');
		await tui.waitFor('Only an UNFINISHED row can be taken back');
		expect(writesOf(gateway)).toEqual([]);
	});

	it("t on offboard-everywhere's Identity Center removal gives nothing back: it names the person (from the record) and says to finish with offboard-everywhere", async () => {
		// 100 columns: the answer is longer than a row, and is wrapped above the list, not cut.
		const {tui, gateway, journal, services} = start({columns: 100, rows: 40});
		services.records.saveEverywhere({
			version: EVERYWHERE_RECORD_VERSION,
			kind: EVERYWHERE_RECORD_KIND,
			managementAccount: ACCOUNT,
			capturedAt: '2020-01-01T00:00:00.000Z',
			capturedBy: null,
			auditRole: 'OrganizationAccountAccessRole',
			person: {userId: 'u-alice', userName: 'alice', emails: [], identityStoreId: 'd-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1'},
			identityCenter: [{key: 'membership:m-1', kind: 'membership', membershipId: 'm-1', groupId: 'g-1', removes: [], status: 'pending'}],
			accounts: [],
			finishedAt: null,
		});
		journal.append({...interrupted, operation: 'identitystore:DeleteGroupMembership', target: {membershipId: 'm-1', groupId: 'g-1', principalId: 'u-alice'}, planId: 'e1e2e3e4'});
		await openJournal(tui, /identitystore:DeleteGrou.*UNFINISHED/);
		tui.write('t');
		const said = await tui.waitFor('Nothing of plan e1e2e3e4 can be taken back by iamtui.');
		const notice = said.replace(/\s+/g, ' ');
		expect(notice).toContain('Not taken back: Identity Center removals of offboarding alice everywhere: iamtui gives no access back; finish with iamtui offboard-everywhere alice');
		expect(notice).toContain('(X on the person in the TUI)');
		expect(said.split('\n').every(line => line.length <= 100)).toBe(true);
		expect(writesOf(gateway)).toEqual([]);
		expect(journal.lines().map(l => l.operation)).toEqual(['identitystore:DeleteGroupMembership']);
	});

	it('read-only: no t in the footer or help, and t does nothing', async () => {
		const {tui, gateway, journal} = start({readOnly: true, columns: 200, rows: 40});
		journal.append(interrupted);
		await tui.waitFor('READ-ONLY');
		const listed = await openJournal(tui);
		expect(listed).not.toContain('take back');
		tui.write('t');
		tui.write('?');
		const help = await tui.waitFor('Show or hide this help');
		expect(help).not.toContain('UNFINISHED row');
		expect(writesOf(gateway)).toEqual([]);
		expect(journal.lines().map(l => l.operation)).toEqual(['iam:AddUserToGroup']);
	});
});
