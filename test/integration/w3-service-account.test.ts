// W3 through the headless commands, as the built binary against moto: the seed's service-account recipe
// (iam-groupcreate / iam-groupuploadpolicy / iam-usercreate -k / iam-useraddcert) done with iamtui, then
// the account checked call by call as that recipe would leave it.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	GetGroupCommand,
	GetGroupPolicyCommand,
	IAMClient,
	ListAccessKeysCommand,
	ListAttachedGroupPoliciesCommand,
	ListGroupPoliciesCommand,
	ListGroupsForUserCommand,
	ListSigningCertificatesCommand,
} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {generateSelfSigned} from '../../source/store/certificates.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const GROUP = 'RightScaleDash';
const USER = 'rsdash2';
const POLICY = 'RightScaleDashFullControl';

/** PEM text without its armour lines and white space: the same certificate however it is wrapped. */
const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s/g, '');

describeWithMoto('W3: a service account through the headless commands', () => {
	let moto: Moto;
	let iam: IAMClient;
	let env: Record<string, string>;
	let work: string;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);

	beforeAll(async () => {
		moto = await startMoto();
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		env = motoEnvironment();
		work = mkdtempSync(path.join(os.tmpdir(), 'iamtui-w3-'));
	});
	afterAll(async () => moto?.stop());

	it('leaves the group, its inline policy, the user with one key and one signing certificate', async () => {
		const group = await run('create-group', GROUP);
		expect(group.code, group.stderr).toBe(0);

		const policy = await run('put-group-policy', GROUP, POLICY, '--template', 'full-control');
		expect(policy.code, policy.stderr).toBe(0);

		const csv = path.join(work, `${USER}.csv`);
		const user = await run('create-user', USER, '--group', GROUP, '--access-key', '--save-csv', csv);
		expect(user.code, user.stderr).toBe(0);
		const [, keyId, secret] = /^rsdash2,,(AKIA[A-Z0-9]{16}),([^,]+),$/m.exec(readFileSync(csv, 'utf8')) ?? [];
		expect(keyId).toBeDefined();
		expect(user.stdout).not.toContain(secret);

		const certificate = await generateSelfSigned({commonName: USER, days: 365, keyFile: path.join(work, `${USER}-key.pem`), overwrite: false});
		if (!certificate.ok) throw new Error(certificate.message);
		const certificateFile = path.join(work, `${USER}-cert.pem`);
		writeFileSync(certificateFile, certificate.certificatePem);
		const upload = await run('upload-certificate', USER, certificateFile);
		expect(upload.code, upload.stderr).toBe(0);

		// The group carries exactly the inline policy: * on *, nothing attached.
		expect((await iam.send(new ListGroupPoliciesCommand({GroupName: GROUP}))).PolicyNames).toEqual([POLICY]);
		expect((await iam.send(new ListAttachedGroupPoliciesCommand({GroupName: GROUP}))).AttachedPolicies).toEqual([]);
		const inline = await iam.send(new GetGroupPolicyCommand({GroupName: GROUP, PolicyName: POLICY}));
		const document = JSON.parse(decodeURIComponent(inline.PolicyDocument!)) as {Statement: Array<Record<string, unknown>>};
		expect(document.Statement).toHaveLength(1);
		expect(document.Statement[0]).toMatchObject({Effect: 'Allow', Action: '*', Resource: '*'});

		// The user is in the group, alone, and in no other group.
		expect((await iam.send(new GetGroupCommand({GroupName: GROUP}))).Users!.map(u => u.UserName)).toEqual([USER]);
		expect((await iam.send(new ListGroupsForUserCommand({UserName: USER}))).Groups!.map(g => g.GroupName)).toEqual([GROUP]);

		// One active key: the one in the CSV.
		const keys = (await iam.send(new ListAccessKeysCommand({UserName: USER}))).AccessKeyMetadata!;
		expect(keys.map(k => [k.AccessKeyId, k.Status])).toEqual([[keyId, 'Active']]);

		// One active signing certificate whose body is the one generated.
		const certificates = (await iam.send(new ListSigningCertificatesCommand({UserName: USER}))).Certificates!;
		expect(certificates).toHaveLength(1);
		expect(certificates[0]!.Status).toBe('Active');
		expect(pemBody(certificates[0]!.CertificateBody!)).toBe(pemBody(certificate.certificatePem));
	}, 180_000);

	it('a second identical certificate and a group that exists are refused before anything is sent', async () => {
		const certificateFile = path.join(work, `${USER}-cert.pem`);
		const again = await run('upload-certificate', USER, certificateFile);
		expect(again.code).toBe(3);
		expect(again.stderr).toContain(`${USER} already has this certificate`);
		expect((await iam.send(new ListSigningCertificatesCommand({UserName: USER}))).Certificates).toHaveLength(1);

		const group = await run('create-group', GROUP.toLowerCase());
		expect(group.code).toBe(3);
		expect(group.stderr).toContain(`a group named ${GROUP} already exists`);
	});
});
