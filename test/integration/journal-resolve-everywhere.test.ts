// `journal resolve --take-back` on an interrupted offboarding of a person everywhere, with the built binary
// against moto's W10 organization: alice's Identity Center removals are run for real, then the journal is cut
// as a kill would leave it (her assignment's deletion sent, its outcome never written). The take-back gives
// nothing back: it names alice (from the run's record) and says to finish with offboard-everywhere, sends
// nothing, and the plan stays unfinished until that rerun, which finds nothing left and closes it. Killed as a real kill
// leaves it — the record's step still pending too — the rerun it advises finishes it and closes the plan.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {IdentitystoreClient, ListGroupMembershipsForMemberCommand} from '@aws-sdk/client-identitystore';
import {ListAccountAssignmentsCommand, ListInstancesCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const config = (endpoint: string) => ({region: 'us-east-1', endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});

interface Line {
	operation: string;
	outcome: string;
	planId?: string;
	resolves?: string;
	target: Record<string, string>;
}

describeWithMoto('journal resolve --take-back on an interrupted offboard-everywhere (moto, W10 organization)', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	let env: Record<string, string>;
	const journalFile = () => path.join(env.IAMTUI_CONFIG_DIR!, 'journal.jsonl');
	const lines = (): Line[] => (existsSync(journalFile()) ? readFileSync(journalFile(), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as Line) : []);
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env, 120_000);

	/** What Identity Center holds for alice now: her group memberships and her own assignments in dev. */
	const aliceHolds = async () => {
		const sso = new SSOAdminClient(config(moto.endpoint));
		const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
		const memberships = (await new IdentitystoreClient(config(moto.endpoint)).send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: seeded.people.alice}}))).GroupMemberships ?? [];
		const assignment = lines().find(l => l.operation === 'sso:DeleteAccountAssignment')!;
		const listed = (await sso.send(new ListAccountAssignmentsCommand({InstanceArn: instance.InstanceArn, AccountId: seeded.accounts.dev, PermissionSetArn: assignment.target.permissionSetArn}))).AccountAssignments ?? [];
		return {memberships: memberships.length, direct: listed.filter(a => a.PrincipalId === seeded.people.alice).length};
	};

	beforeAll(async () => {
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		env = motoEnvironment();
	}, 120_000);
	afterAll(async () => {
		await moto?.stop();
	});

	it('names alice and says to finish with offboard-everywhere; sends nothing; the rerun finding nothing left closes the plan', async () => {
		const ran = await run('offboard-everywhere', 'alice', '--yes');
		expect(ran.code).toBe(0);
		expect(await aliceHolds()).toEqual({memberships: 0, direct: 0});
		// Killed after the assignment's deletion was sent: its outcome line never reached the journal.
		const all = lines();
		const cut = all.map(l => l.operation === 'sso:DeleteAccountAssignment' && l.outcome === 'ok').lastIndexOf(true);
		expect(cut).toBeGreaterThan(0);
		const planId = all[cut]!.planId!;
		writeFileSync(journalFile(), all.filter((_, n) => n !== cut).map(line => `${JSON.stringify(line)}\n`).join(''));
		expect((await run('journal', '--unfinished')).stdout).toContain(planId);
		const before = lines().length;

		const taken = await run('journal', 'resolve', planId, '--take-back', '--yes');
		expect(taken.code).toBe(3);
		expect(taken.stdout).toContain(`Nothing of plan ${planId} can be taken back by iamtui.`);
		expect(taken.stdout).toContain('not taken back: Identity Center removals of offboarding alice everywhere: iamtui gives no access back; finish with iamtui offboard-everywhere alice (X on the person in the TUI)');
		expect(taken.stdout).toMatch(/ — identitystore:DeleteGroupMembership membershipId \S+, groupId \S+, principalId \S+ \(made\); sso:DeleteAccountAssignment .* \(the journal does not say whether it landed\)/);
		expect(taken.stderr).toContain(`iamtui journal resolve ${planId} --mark-resolved`);
		// Nothing was given back, nothing written to the journal.
		expect(await aliceHolds()).toEqual({memberships: 0, direct: 0});
		expect(lines()).toHaveLength(before);
		expect((await run('journal', '--unfinished')).stdout).toContain(planId);

		// What it says to do: a dry run of it closes nothing; the rerun finds nothing left in Identity Center
		// (its record says done too) and closes the plan itself, no --mark-resolved needed.
		const dry = await run('offboard-everywhere', 'alice', '--dry-run');
		expect(dry.code).toBe(0);
		expect(lines()).toHaveLength(before);
		const rerun = await run('offboard-everywhere', 'alice', '--yes');
		expect(rerun.code).toBe(0);
		expect(rerun.stdout).toContain('Nothing left to do for alice');
		expect(rerun.stdout).toContain(`Closed in the journal: plan ${planId}, an interrupted run whose Identity Center removals are all done now.`);
		expect(lines().filter(l => l.operation === 'iamtui:Resolved' && l.resolves === planId)).toHaveLength(1);
		expect((await run('journal', '--unfinished')).stdout).not.toContain(planId);
		// Once closed, a further rerun closes nothing again.
		expect((await run('offboard-everywhere', 'alice', '--yes')).stdout).not.toContain('Closed in the journal');
	}, 240_000);

	it("killed between the request and its outcome (journal and record both say so): the advised rerun finds it removed, finishes, and closes the plan", async () => {
		// bob: his direct assignment in dev is removed for real, then both files are put back as a kill leaves them.
		const ran = await run('offboard-everywhere', 'bob', '--yes');
		expect(ran.code).toBe(0);
		const all = lines();
		const cut = all.map(l => l.operation === 'sso:DeleteAccountAssignment' && l.outcome === 'ok' && l.target.principalId === seeded.people.bob).lastIndexOf(true);
		expect(cut).toBeGreaterThan(0);
		const planId = all[cut]!.planId!;
		writeFileSync(journalFile(), all.filter((_, n) => n !== cut).map(line => `${JSON.stringify(line)}\n`).join(''));
		const folder = path.join(env.IAMTUI_CONFIG_DIR!, 'records');
		const file = path.join(folder, readdirSync(folder).find(name => name.startsWith('everywhere-') && name.includes('-bob-'))!);
		const record = JSON.parse(readFileSync(file, 'utf8')) as {identityCenter: Array<{status: string}>; finishedAt: string | null};
		writeFileSync(file, JSON.stringify({...record, identityCenter: record.identityCenter.map(step => ({...step, status: 'pending'})), finishedAt: null}));
		const taken = await run('journal', 'resolve', planId, '--take-back', '--yes');
		expect(taken.code).toBe(3);
		expect(taken.stdout).toContain('finish with iamtui offboard-everywhere bob (X on the person in the TUI)');

		const rerun = await run('offboard-everywhere', 'bob', '--yes');
		expect(rerun.code).toBe(0);
		expect(rerun.stdout).toContain('already removed');
		const closing = lines().find(l => l.operation === 'iamtui:Resolved' && l.resolves === planId);
		expect(closing).toBeDefined();
		expect((await run('journal', '--unfinished')).stdout).not.toContain(planId);
	}, 240_000);
});
