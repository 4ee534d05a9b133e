// W3 "service account for a tool" in the TUI, with the built iamtui in tmux against seeded moto: group
// RightScaleDash2 (Groups n), its inline policy from the full-control template (Group screen i), user
// rsdash2 in it with an access key (the create-user wizard; the key saved as CSV, as it is handed to
// the tool), and a self-signed X.509 signing certificate generated and uploaded from the User screen
// (c). Then the account must look as the CLI recipe iam-groupcreate / iam-groupuploadpolicy /
// iam-usercreate -k / iam-useraddcert leaves it — the seed built RightScaleDash that way, so the two
// are compared — checked with the headless binary and, where it shows nothing, IAM itself.
import {createPrivateKey, X509Certificate} from 'node:crypto';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	GetGroupPolicyCommand,
	GetLoginProfileCommand,
	IAMClient,
	ListAccessKeysCommand,
	ListAttachedGroupPoliciesCommand,
	ListSigningCertificatesCommand,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {expect, it} from 'vitest';
import {SERVICE_ACCOUNT} from '../../scripts/seed.js';
import {readCredentialsCsv} from '../helpers/credentials-csv.js';
import {e2eAccount} from '../helpers/e2e.js';
import {createUserStepOne, filterList, jump, moveCursorTo, openUserSafely, saveSecretsCsv, showsSecret, typeText} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const GROUP = 'RightScaleDash2';
const POLICY = SERVICE_ACCOUNT.inlinePolicy;
const USER = 'rsdash2';
const DUMMY = {accessKeyId: 'testing', secretAccessKey: 'testing'};

/** A policy document's statements without their Sids (a template names them, the recipe did not). */
const statements = (document: string) =>
	(JSON.parse(decodeURIComponent(document)) as {Statement: Array<Record<string, unknown>>}).Statement.map(({Sid: _sid, ...rest}) => rest);

describeWithMoto('e2e: W3 service account in tmux', () => {
	const account = e2eAccount();

	it('group with a full-control inline policy, a user in it with a key, a generated signing certificate', async () => {
		const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-w3-'));
		const keyFile = path.join(folder, `${USER}-signing-key.pem`);
		const csvPath = path.join(folder, `${USER}_credentials.csv`);
		const tui = await account.open({height: 50});

		// iam-groupcreate: Groups → n → name → path → no policies → plan → run.
		await jump(tui, 'groups', /Groups \(\d+\)/);
		tui.keys('n');
		await tui.waitFor('Create a group');
		await typeText(tui, GROUP);
		tui.keys('Enter');
		await tui.waitFor('optional: "/" or e.g. /teams/');
		tui.keys('Enter');
		await tui.waitFor(`Policies to attach to ${GROUP}: space marks, enter continues (none marked: none)`);
		tui.keys('Enter');
		const groupPlan = await tui.waitFor('y/enter runs 1 step');
		expect(groupPlan).toContain(`aws iam create-group --group-name ${GROUP}`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Create group ${GROUP}`));
		tui.keys('Enter');
		// The new group is listed, and selected (the list selects the row just created).
		await tui.waitFor(new RegExp(`^› ${GROUP}\\s+0\\s*$`, 'm'));

		// iam-groupuploadpolicy: open the group → i → full-control → name → preview → plan → run.
		await filterList(tui, GROUP);
		tui.keys('Enter');
		await tui.waitFor(`Group ${GROUP}`);
		tui.keys('i');
		await tui.waitFor(`Inline policy for group ${GROUP}: choose a template`);
		await filterList(tui, 'full-control');
		await tui.waitFor(/^› full-control/m);
		tui.keys('Enter');
		await tui.waitFor('Inline policy name  FullControlPolicy');
		tui.keys('C-u');
		await tui.waitFor(/^› Inline policy name\s*$/m);
		await typeText(tui, POLICY);
		tui.keys('Enter');
		const preview = await tui.waitFor(`Preview of ${POLICY} — valid`);
		expect(preview).toContain('"Action": "*"');
		expect(preview).toContain('"Resource": "*"');
		tui.keys('Enter');
		const policyPlan = await tui.waitFor('y/enter runs 1 step');
		expect(policyPlan).toContain(`aws iam put-group-policy --group-name ${GROUP} --policy-name ${POLICY}`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Put inline policy ${POLICY} on group ${GROUP}`));
		tui.keys('Enter');
		await tui.waitFor(new RegExp(`Inline policies \\(1\\)\\n\\s+${POLICY}`));

		// iam-usercreate -k: Users → n → name → access key only → the group → plan → run → SecretOnce.
		tui.keys('Escape');
		await tui.waitFor(/Groups \(1\/\d+\)/);
		await jump(tui, 'users', /Users \(\d+\)/);
		await createUserStepOne(tui, USER);
		await tui.waitFor(/^› Console access\s+none/m);
		tui.keys('Tab');
		await tui.waitFor(/^› Access key\s+no/m);
		tui.keys('Space');
		await tui.waitFor(/^› Access key\s+yes/m);
		tui.keys('Enter');
		await tui.waitFor('step 3 of 3');
		await moveCursorTo(tui, new RegExp(`^›\\s+${GROUP} `));
		tui.keys('Space');
		await tui.waitFor(`Marked: ${GROUP}`);
		tui.keys('Enter');
		const userPlan = await tui.waitFor('y/enter runs 3 steps');
		expect(userPlan).toContain(`aws iam create-user --user-name ${USER}`);
		expect(userPlan).toContain(`aws iam create-access-key --user-name ${USER}`);
		expect(userPlan).toContain(`aws iam add-user-to-group --user-name ${USER} --group-name ${GROUP}`);
		expect(userPlan).not.toContain('create-login-profile');
		tui.keys('y');
		await tui.waitFor(/shown once[\s\S]*Secret access key/);
		await saveSecretsCsv(tui, csvPath);
		tui.keys('d');
		await tui.waitFor(/Users \(\d+\)/);
		const csv = readCredentialsCsv(csvPath);
		expect(csv.mode).toBe(0o600);
		const row = csv.rows[0]!;
		expect(row['Password']).toBe('');

		// iam-useraddcert: User screen → c → generate a self-signed one, its key in our folder → plan → run.
		await openUserSafely(tui, USER);
		await tui.waitFor(/Signing certificates\n\s+none/);
		tui.keys('c');
		await tui.waitFor(`Signing certificate for ${USER}`);
		tui.keys('Space');
		await tui.waitFor(/^› Certificate\s+generate a self-signed one/m);
		tui.keys('Tab');
		await tui.waitFor(new RegExp(`^› Common name\\s+${USER}`, 'm'));
		tui.keys('Tab');
		await tui.waitFor(/^› Valid for \(days\)\s+365/m);
		tui.keys('Tab');
		await tui.waitFor(/^› Private key file/m);
		tui.keys('C-u');
		await tui.waitFor(/^› Private key file\s*$/m);
		await typeText(tui, keyFile);
		tui.keys('Enter');
		const certPlan = await tui.waitFor('y/enter runs 1 step', 60_000);
		expect(certPlan).toContain(`aws iam upload-signing-certificate --user-name ${USER}`);
		expect(certPlan).toContain(`Generated a self-signed certificate for CN=${USER}`);
		expect(certPlan).toContain(`Its private key is in ${keyFile} (mode 0600)`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Upload an X.509 signing certificate for ${USER}`));
		tui.keys('Enter');
		const user = await tui.waitFor(/Signing certificates\n\s+\w+\s+Active\s+uploaded/);
		expect(user).toMatch(new RegExp(`${POLICY}\\s+via ${GROUP} \\(inline\\)`));
		expect(user).toContain('ADMIN-EQUIVALENT');
		expect(showsSecret(user, row['Secret access key']!)).toBe(false);
		tui.keys('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);

		// The headless binary: the user in the group, the inline policy through it, one key, allowed *.
		const detail = await account.cli(['user', USER, '--json']);
		expect(detail.code, detail.stderr).toBe(0);
		const parsed = JSON.parse(detail.stdout) as {
			Groups: string[];
			PasswordEnabled: boolean;
			AttachedManagedPolicies: string[];
			InlinePolicies: string[];
			PoliciesViaGroups: Array<{GroupName: string; PolicyName: string; PolicyType: string}>;
			AccessKeys: Array<{AccessKeyId: string; Status: string}>;
		};
		expect(parsed.Groups).toEqual([GROUP]);
		expect(parsed.PoliciesViaGroups).toEqual([expect.objectContaining({GroupName: GROUP, PolicyName: POLICY, PolicyType: 'inline'})]);
		expect(parsed.PasswordEnabled).toBe(false);
		expect(parsed.AttachedManagedPolicies).toEqual([]);
		expect(parsed.InlinePolicies).toEqual([]);
		expect(parsed.AccessKeys).toEqual([expect.objectContaining({AccessKeyId: row['Access key ID'], Status: 'Active'})]);
		const groups = JSON.parse((await account.cli(['groups', '--json'])).stdout) as Array<{GroupName: string; Members: string[]; AttachedManagedPolicies: string[]; InlinePolicies: string[]}>;
		expect(groups.find(g => g.GroupName === GROUP)).toEqual(
			expect.objectContaining({Members: [USER], AttachedManagedPolicies: [], InlinePolicies: [POLICY]}),
		);
		const can = await account.cli(['can', USER, 'ec2:TerminateInstances']);
		expect(can.code, can.stdout + can.stderr).toBe(0);
		expect(can.stdout).toContain(`group ${GROUP} → ${POLICY}`);

		// IAM itself: the same policy as the recipe's group, the key is the tool's, the certificate matches the key file.
		const iam = new IAMClient({region: 'us-east-1', endpoint: account.moto().endpoint, credentials: DUMMY});
		try {
			const ours = await iam.send(new GetGroupPolicyCommand({GroupName: GROUP, PolicyName: POLICY}));
			const recipe = await iam.send(new GetGroupPolicyCommand({GroupName: SERVICE_ACCOUNT.group, PolicyName: POLICY}));
			expect(statements(ours.PolicyDocument!)).toEqual(statements(recipe.PolicyDocument!));
			expect((await iam.send(new ListAttachedGroupPoliciesCommand({GroupName: GROUP}))).AttachedPolicies).toEqual([]);
			await expect(iam.send(new GetLoginProfileCommand({UserName: USER}))).rejects.toThrow(/NoSuchEntity|not found|cannot be found/i);
			const keys = (await iam.send(new ListAccessKeysCommand({UserName: USER}))).AccessKeyMetadata ?? [];
			expect(keys.map(k => [k.AccessKeyId, k.Status])).toEqual([[row['Access key ID'], 'Active']]);

			const certificates = (await iam.send(new ListSigningCertificatesCommand({UserName: USER}))).Certificates ?? [];
			expect(certificates).toHaveLength(1);
			expect(certificates[0]!.Status).toBe('Active');
			const certificate = new X509Certificate(certificates[0]!.CertificateBody!);
			expect(certificate.subject).toContain(`CN=${USER}`);
			expect(statSync(keyFile).mode & 0o777).toBe(0o600);
			expect(certificate.checkPrivateKey(createPrivateKey(readFileSync(keyFile, 'utf8')))).toBe(true);
		} finally {
			iam.destroy();
		}

		// The tool can use the key it was handed: it signs as rsdash2.
		const sts = new STSClient({
			region: 'us-east-1',
			endpoint: account.moto().endpoint,
			credentials: {accessKeyId: row['Access key ID']!, secretAccessKey: row['Secret access key']!},
		});
		try {
			const caller = await sts.send(new GetCallerIdentityCommand({}));
			expect(caller.Arn).toBe(`arn:aws:iam::123456789012:user/${USER}`);
		} finally {
			sts.destroy();
		}
	}, 300_000);
});
