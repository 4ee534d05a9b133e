// The environment every measured program gets: dummy keys for moto, and none of the operator's own
// AWS settings (profiles, endpoints, config files), so nothing real is ever reached.
import path from 'node:path';

const DROP = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS'];

export const benchEnvironment = (scratch: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = {
		...base,
		AWS_ACCESS_KEY_ID: 'testing',
		AWS_SECRET_ACCESS_KEY: 'testing',
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_REGION: 'us-east-1',
		// Files that do not exist: the SDK and the CLI fall back to the keys above.
		AWS_CONFIG_FILE: path.join(scratch, 'no-aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'no-aws-credentials'),
		AWS_PAGER: '',
		AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		IAMTUI_CONFIG_DIR: path.join(scratch, 'iamtui-config'),
	};
	for (const name of DROP) delete env[name];
	return env;
};
