// Regenerates demo/demo-account.json: the demo account as `aws iam get-account-authorization-details`
// exports it, so `npm run demo` can open it offline (read-only) on machines without moto_server.
// Run: npx tsx scripts/export-demo.ts   (needs moto_server and the aws CLI)
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startMoto} from '../test/helpers/moto.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_EXPORT = path.join(root, 'demo', 'demo-account.json');

interface Export {
	UserDetailList: Array<{AttachedManagedPolicies?: Array<{PolicyArn: string}>}>;
	GroupDetailList: Array<{AttachedManagedPolicies?: Array<{PolicyArn: string}>}>;
	RoleDetailList: Array<{AttachedManagedPolicies?: Array<{PolicyArn: string}>}>;
	Policies: Array<{Arn: string}>;
	[key: string]: unknown;
}

const main = async () => {
	const moto = await startMoto({loadManagedPolicies: true});
	try {
		const {seedDemoAccount} = await import('./seed.js');
		await seedDemoAccount(moto.endpoint);
		const env: NodeJS.ProcessEnv = {...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing'};
		delete env.AWS_PROFILE;
		const output = execFileSync('aws', ['iam', 'get-account-authorization-details', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--output', 'json'], {
			env,
			maxBuffer: 256 * 1024 * 1024,
			encoding: 'utf8',
		});
		const data = JSON.parse(output) as Export;
		// moto lists all ~1,500 AWS managed policies; AWS lists the ones in use. Keep what the account uses.
		const used = new Set([...data.UserDetailList, ...data.GroupDetailList, ...data.RoleDetailList].flatMap(e => (e.AttachedManagedPolicies ?? []).map(p => p.PolicyArn)));
		data.Policies = data.Policies.filter(p => !p.Arn.startsWith('arn:aws:iam::aws:') || used.has(p.Arn));
		writeFileSync(DEMO_EXPORT, `${JSON.stringify(data, null, 2)}\n`);
		process.stderr.write(`wrote ${DEMO_EXPORT}: ${data.UserDetailList.length} users, ${data.GroupDetailList.length} groups, ${data.RoleDetailList.length} roles, ${data.Policies.length} policies\n`);
	} finally {
		await moto.stop();
	}
};

await main();
