// W7 "full offboarding" in the TUI, with the built iamtui in tmux against seeded moto. The seed's
// departed user tom.baker has an access key, a console password and a group; W7 also names an MFA
// device, more groups, inline and attached policies, so the test gives him those first (straight
// through IAM). Then O on his User screen → the record and the plan → his name typed → run. Afterwards
// he is gone, every other user, group, key and password is as it was, and the record lists what he had.
import {readFileSync} from 'node:fs';
import {
	AddUserToGroupCommand,
	AttachUserPolicyCommand,
	CreateVirtualMFADeviceCommand,
	EnableMFADeviceCommand,
	GetLoginProfileCommand,
	IAMClient,
	ListAccessKeysCommand,
	PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {CONSOLE_USERS, DEPARTED, EMPTY_GROUP, READ_ONLY_ACCESS_ARN} from '../../scripts/seed.js';
import {e2eAccount} from '../helpers/e2e.js';
import {openUserSafely, typeText} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const USER = DEPARTED.user;
const INLINE = 'TomScratchBucket';
const INLINE_DOCUMENT = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::tom-scratch/*'}]};

interface UserRow {
	UserName: string;
}
interface GroupRow {
	GroupName: string;
	Members: string[];
}

describeWithMoto('e2e: W7 offboarding in tmux', () => {
	const account = e2eAccount();

	it('O on a departed user: record, plan, name typed, run — he is gone, nothing else changed, the record remains', async () => {
		const iam = new IAMClient({region: 'us-east-1', endpoint: account.moto().endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		try {
			// What W7 names beyond the seed: a second group, an attached and an inline policy, an MFA device.
			await iam.send(new AddUserToGroupCommand({UserName: USER, GroupName: EMPTY_GROUP}));
			await iam.send(new AttachUserPolicyCommand({UserName: USER, PolicyArn: READ_ONLY_ACCESS_ARN}));
			await iam.send(new PutUserPolicyCommand({UserName: USER, PolicyName: INLINE, PolicyDocument: JSON.stringify(INLINE_DOCUMENT)}));
			const device = await iam.send(new CreateVirtualMFADeviceCommand({VirtualMFADeviceName: USER}));
			const serial = device.VirtualMFADevice!.SerialNumber!;
			await iam.send(new EnableMFADeviceCommand({UserName: USER, SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321'}));
			const [key] = account.seed().accessKeys[USER]!;

			// The account before, as the headless binary and IAM see it.
			const usersBefore = JSON.parse((await account.cli(['users', '--json'])).stdout) as UserRow[];
			const groupsBefore = JSON.parse((await account.cli(['groups', '--json'])).stdout) as GroupRow[];
			expect(usersBefore.map(u => u.UserName)).toContain(USER);
			const others = usersBefore.map(u => u.UserName).filter(name => name !== USER);
			const keysOf = async (users: string[]) =>
				Object.fromEntries(
					await Promise.all(
						users.map(async user => [user, ((await iam.send(new ListAccessKeysCommand({UserName: user}))).AccessKeyMetadata ?? []).map(k => `${k.AccessKeyId} ${k.Status}`)] as const),
					),
				);
			const passwordsOf = async (users: string[]) =>
				Promise.all(users.map(async user => (await iam.send(new GetLoginProfileCommand({UserName: user}))).LoginProfile?.UserName));
			const keysBefore = await keysOf(others);
			const consoleOthers = CONSOLE_USERS.filter(name => name !== USER);

			const tui = await account.open({height: 60});
			await openUserSafely(tui, USER);
			tui.keys('O');
			const plan = await tui.waitFor(`type ${USER} to confirm`, 60_000);
			await tui.waitFor(`What ${USER} has`);
			const shown = tui.screen();
			expect(shown).toMatch(/Groups \(2\): (Developers, Interns|Interns, Developers)/);
			expect(shown).toContain('Managed policies attached (1): ReadOnlyAccess');
			expect(shown).toContain(`Inline policies (1): ${INLINE}`);
			expect(shown).toContain('Console password: yes');
			expect(shown).toContain(`Access keys (1): ${key} active`);
			expect(shown).toContain(`MFA devices (1): ${serial}`);
			for (const command of [
				`aws iam update-access-key --user-name ${USER} --access-key-id ${key} --status Inactive`,
				`aws iam delete-login-profile --user-name ${USER}`,
				`aws iam deactivate-mfa-device --user-name ${USER} --serial-number ${serial}`,
				`aws iam delete-virtual-mfa-device --serial-number ${serial}`,
				`aws iam delete-access-key --user-name ${USER} --access-key-id ${key}`,
				`aws iam remove-user-from-group --user-name ${USER} --group-name Developers`,
				`aws iam remove-user-from-group --user-name ${USER} --group-name ${EMPTY_GROUP}`,
				`aws iam detach-user-policy --user-name ${USER} --policy-arn ${READ_ONLY_ACCESS_ARN}`,
				`aws iam delete-user-policy --user-name ${USER} --policy-name ${INLINE}`,
				`aws iam delete-user --user-name ${USER}`,
			])
				expect(plan + shown, command).toContain(command);

			// Nothing runs before the name is typed exactly.
			await typeText(tui, 'tom.bake', /confirm: tom\.bake\s*$/m);
			tui.keys('Enter');
			await tui.waitFor(`does not match — type ${USER} to confirm`);
			tui.keys('C-u');
			await tui.waitFor(/^type tom\.baker to confirm:\s*$/m);
			await typeText(tui, USER, /to confirm: tom\.baker\s*$/m);
			tui.keys('Enter');
			const finished = await tui.waitFor(`${USER} is offboarded: the user is deleted.`, 120_000);
			expect(finished).not.toMatch(/failed|not run/);
			const recordPath = finished.match(/The record is (\S+\.json)/)?.[1];
			// Back past his deleted user screen: the Users list, still filtered by his name, where nobody matches any more.
			tui.keys('Enter');
			await tui.waitFor(/Users \(0\/\d+\)/);
			tui.keys('q');
			expect(await tui.waitForExit()).toBe(0);

			// He is gone; everyone and everything else is as it was.
			const usersAfter = JSON.parse((await account.cli(['users', '--json'])).stdout) as UserRow[];
			expect(usersAfter).toEqual(usersBefore.filter(u => u.UserName !== USER));
			const groupsAfter = JSON.parse((await account.cli(['groups', '--json'])).stdout) as GroupRow[];
			expect(groupsAfter).toEqual(groupsBefore.map(g => ({...g, Members: g.Members.filter(m => m !== USER)})));
			expect(await keysOf(others)).toEqual(keysBefore);
			expect(await passwordsOf(consoleOthers)).toEqual(consoleOthers);
			const gone = await account.cli(['user', USER, '--json']);
			expect(gone.code).toBe(3);

			// The record: finished, and it lists what he had.
			const records = JSON.parse((await account.cli(['records', '--json'])).stdout) as Array<{path: string; user: string; finishedAt: string | null}>;
			expect(records).toEqual([expect.objectContaining({user: USER, finishedAt: expect.any(String)})]);
			if (recordPath) expect(records[0]!.path).toBe(recordPath);
			const record = JSON.parse(readFileSync(records[0]!.path, 'utf8')) as {
				groups: string[];
				attachedPolicies: Array<{arn?: string; name?: string} | string>;
				inlinePolicies: Array<{name: string; document?: unknown}>;
				loginProfile: unknown;
				accessKeys: Array<{accessKeyId: string}>;
				mfaDevices: Array<{serialNumber: string} | string>;
				tags: Array<{Key: string; Value: string}>;
			};
			expect([...record.groups].sort()).toEqual(['Developers', EMPTY_GROUP]);
			expect(JSON.stringify(record.attachedPolicies)).toContain(READ_ONLY_ACCESS_ARN);
			expect(record.inlinePolicies.map(p => p.name)).toEqual([INLINE]);
			expect(JSON.stringify(record.inlinePolicies)).toContain('tom-scratch');
			expect(record.loginProfile).not.toBeNull();
			expect(record.accessKeys.map(k => k.accessKeyId)).toEqual([key]);
			expect(JSON.stringify(record.mfaDevices)).toContain(serial);
			expect(record.tags).toEqual(expect.arrayContaining([{Key: 'status', Value: 'departed'}, {Key: 'left-on', Value: DEPARTED.leftOn}]));
		} finally {
			iam.destroy();
		}
	}, 300_000);
});
