// The bad-input matrix of bad-input.test.ts as data: every case names the command line, the exit code
// the command defines (64: the command line or a file it names is wrong; 3: the account or the
// connection refused; 0: a harmless answer) and what stderr must say. The runner checks the rest for
// every case: one line, no stack trace, nothing sent that changes the account.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export interface BadInputCase {
	/** "category: what is wrong". */
	name: string;
	args: string[];
	code: number;
	/** What stderr must say (a clear sentence: what is wrong, what to do). */
	stderr: RegExp;
	/** Default: --endpoint-url of the recording proxy is appended; 'own': the case names its endpoint. */
	endpoint?: 'proxy' | 'own';
	/** Extra environment for this case. */
	env?: Record<string, string>;
	/** stdout when the case is a harmless answer (default: stdout must be empty). */
	stdout?: RegExp;
	/** stderr lines (default 1). */
	lines?: number;
}

/** What the account holds before the matrix runs (bad-input.test.ts seeds it). */
export const SEED = {user: 'ana', group: 'Ops', policy: 'Existing'} as const;

export interface CaseFiles {
	dir: string;
	/** A loopback port where nothing listens. */
	deadPort: number;
	/** A valid self-signed certificate (PEM) and a file with two of them. */
	certificate: string;
	twoCertificates: string;
	/** A file that already exists (CSV target). */
	existing: string;
}

const statement = {Effect: 'Allow', Action: 's3:GetObject', Resource: '*'};
const doc = (value: unknown) => JSON.stringify(value);
const policy = (statements: unknown[], extra: Record<string, unknown> = {}) => doc({Version: '2012-10-17', ...extra, Statement: statements});

/** A policy of about `size` characters (not counting whitespace), every statement valid. */
const sizedPolicy = (size: number) => {
	const statements: unknown[] = [];
	for (let i = 0; policy(statements).length < size; i++) statements.push({Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*`});
	return policy(statements);
};

const PEM_FILES = new Set(['notPem', 'keyOnly', 'brokenPem']);

/** Writes the bad files the cases name into `dir`; returns their paths by name. */
export const writeBadFiles = (dir: string, pems: {certificate: string; key: string}) => {
	const files: Record<string, string> = {
		truncated: '{"Version": "2012-10-17", "Statement": [',
		empty: '',
		array: '[]',
		wrongVersion: policy([statement]).replace('2012-10-17', '2013-01-01'),
		numericVersion: doc({Version: 2012, Statement: [statement]}),
		noEffect: policy([{Action: 's3:GetObject', Resource: '*'}]),
		badEffect: policy([{...statement, Effect: 'Permit'}]),
		noAction: policy([{Effect: 'Allow', Resource: '*'}]),
		unknownTop: policy([statement], {Foo: 1}),
		unknownStatementKey: policy([{...statement, Bar: 2}]),
		principal: policy([{...statement, Principal: '*'}]),
		emptyStatements: policy([]),
		badAction: policy([{...statement, Action: 's3GetObject'}]),
		badResource: policy([{...statement, Resource: 'my-bucket'}]),
		badOperator: policy([{...statement, Condition: {StringEqual: {'aws:username': 'ana'}}}]),
		lowerOperator: policy([{...statement, Condition: {stringequals: {'aws:username': 'ana'}}}]),
		overManaged: sizedPolicy(6300),
		overGroupInline: sizedPolicy(5600),
		unusedParameter: doc({title: 't', description: 'd', source: 's', parameters: [{name: 'bucket', description: 'b'}], document: JSON.parse(policy([statement]))}),
		badPattern: doc({title: 't', description: 'd', source: 's', parameters: [{name: 'bucket', description: 'b', pattern: '['}], document: JSON.parse(policy([{...statement, Resource: 'arn:aws:s3:::${bucket}'}]))}),
		// Hostile template files: escape sequences in the text iamtui quotes, a prototype key as a
		// parameter, a pattern that backtracks for ever on its own example.
		hostileTemplate: doc({title: 'T\u001B[31m', description: 'd', source: 's', parameters: [{name: 'b', description: 'the \u001B]0;pwned\u0007 bucket', pattern: '[a-z]+'}], document: JSON.parse(policy([{...statement, Resource: 'arn:aws:s3:::${b}'}]))}),
		constructorParameter: doc({title: 't', description: 'd', source: 's', parameters: [{name: 'constructor', description: 'the bucket'}], document: JSON.parse(policy([{...statement, Resource: 'arn:aws:s3:::${constructor}'}]))}),
		redosPattern: doc({title: 't', description: 'd', source: 's', parameters: [{name: 'bucket', description: 'the bucket', example: `${'a'.repeat(40)}!`, pattern: '(a+)+$'}], document: JSON.parse(policy([{...statement, Resource: 'arn:aws:s3:::${bucket}'}]))}),
		notPem: 'this is not a certificate',
		keyOnly: pems.key,
		brokenPem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
	};
	const paths: Record<string, string> = {};
	for (const [name, text] of Object.entries(files)) {
		paths[name] = path.join(dir, `${name}${PEM_FILES.has(name) ? '.pem' : '.json'}`);
		writeFileSync(paths[name], text);
	}
	paths.folder = path.join(dir, 'a-folder');
	mkdirSync(paths.folder);
	return paths;
};

const repeat = (char: string, n: number) => char.repeat(n);
const NOT_ASCII = /not ASCII; IAM accepts only letters, digits and \+ = , \. @ _ -/;
const A_SPACE = /contains a space; IAM accepts only/;
const SLASH = /contains "\/": a path goes in the path field/;
const EDGE_SPACE = /starts or ends with a space; remove it/;

export const badInputCases = (files: CaseFiles, bad: Record<string, string>): BadInputCase[] => {
	const {user, group, policy: existingPolicy} = SEED;
	const template = (file: string) => ['--template', bad[file]!];
	const dead = `http://127.0.0.1:${files.deadPort}`;
	return [
		// Names and paths: users.
		{name: 'user name: empty', args: ['create-user', ''], code: 64, stderr: /create-user needs one user name — usage: iamtui create-user NAME/},
		{name: 'user name: a space', args: ['create-user', 'ana silva'], code: 64, stderr: A_SPACE},
		{name: 'user name: a slash', args: ['create-user', 'eng/ana'], code: 64, stderr: SLASH},
		{name: 'user name: leading space', args: ['create-user', ' bea'], code: 64, stderr: EDGE_SPACE},
		{name: 'user name: trailing space', args: ['create-user', 'bea '], code: 64, stderr: EDGE_SPACE},
		{name: 'user name: 65 characters', args: ['create-user', repeat('u', 65)], code: 64, stderr: /the user name is 65 characters long; IAM accepts at most 64/},
		{name: 'user name: unicode', args: ['create-user', 'anä'], code: 64, stderr: NOT_ASCII},
		{name: 'user name: a semicolon', args: ['create-user', 'bea;rm'], code: 64, stderr: /contains ";"; IAM accepts only/},
		{name: 'user name: an escape sequence', args: ['create-user', 'bea\u001B[31m'], code: 64, stderr: /the user name "bea\\u001b\[31m" contains "\\u001b"/},
		{name: 'user name: taken, in another case', args: ['create-user', 'ANA'], code: 3, stderr: /a user named ana already exists, and IAM user names ignore case/},
		{name: 'user path: no slashes', args: ['create-user', 'bea', '--path', 'engineering'], code: 64, stderr: /the path "engineering" must start and end with "\/"/},
		{name: 'user path: empty', args: ['create-user', 'bea', '--path', ''], code: 64, stderr: /the path is empty; IAM accepts "\/" or a path/},
		{name: 'user path: a space', args: ['create-user', 'bea', '--path', '/a b/'], code: 64, stderr: /the path "\/a b\/" contains a space/},
		{name: 'user path: "//"', args: ['create-user', 'bea', '--path', '//'], code: 64, stderr: /the path "\/\/" is empty between its slashes/},
		{name: 'user path: 514 characters', args: ['create-user', 'bea', '--path', `/${repeat('p', 512)}/`], code: 64, stderr: /the path is 514 characters long; IAM accepts at most 512/},
		{name: 'user path: unicode', args: ['create-user', 'bea', '--path', '/équipe/'], code: 64, stderr: /the path "\/équipe\/" contains "é"/},
		{name: 'user group: does not exist', args: ['create-user', 'bea', '--group', 'NoSuchGroup'], code: 3, stderr: /no group named NoSuchGroup in this account/},
		// Tags.
		{name: 'tag: not key=value', args: ['create-user', 'bea', '--tag', 'team'], code: 64, stderr: /--tag "team" is not key=value — write it as --tag name=value/},
		{name: 'tag: reserved aws: prefix', args: ['create-user', 'bea', '--tag', 'aws:team=ops'], code: 64, stderr: /starts with "aws:", which AWS reserves/},
		{name: 'tag: key given twice', args: ['create-user', 'bea', '--tag', 'k=1', '--tag', 'k=2'], code: 64, stderr: /--tag k is given twice/},
		{name: 'tag: value of 257 characters', args: ['create-user', 'bea', '--tag', `k=${repeat('v', 257)}`], code: 64, stderr: /the value of tag "k" is 257 characters long; IAM accepts at most 256/},
		{name: 'tag: value with a control character', args: ['create-user', 'bea', '--tag', 'k=a\u001B[2Jb'], code: 64, stderr: /contains "\\u001b"; IAM accepts letters, digits, spaces/},
		// Names and paths: groups.
		{name: 'group name: empty', args: ['create-group', ''], code: 64, stderr: /create-group needs one group name/},
		{name: 'group name: a space', args: ['create-group', 'Ops Team'], code: 64, stderr: A_SPACE},
		{name: 'group name: a slash', args: ['create-group', 'eng/ops'], code: 64, stderr: SLASH},
		{name: 'group name: leading space', args: ['create-group', ' Admins'], code: 64, stderr: EDGE_SPACE},
		{name: 'group name: 129 characters', args: ['create-group', repeat('g', 129)], code: 64, stderr: /the group name is 129 characters long; IAM accepts at most 128/},
		{name: 'group name: unicode', args: ['create-group', 'Grüppe'], code: 64, stderr: NOT_ASCII},
		{name: 'group name: taken', args: ['create-group', group], code: 3, stderr: /a group named Ops already exists/},
		{name: 'group path: no slashes', args: ['create-group', 'Admins', '--path', 'ops'], code: 64, stderr: /the path "ops" must start and end with "\/"/},
		// Names and paths: policies.
		{name: 'policy name: a space', args: ['create-policy', 'My Policy', '--template', 'lightsail-full-access'], code: 64, stderr: A_SPACE},
		{name: 'policy name: a slash', args: ['create-policy', 'team/policy', '--template', 'lightsail-full-access'], code: 64, stderr: SLASH},
		{name: 'policy name: trailing space', args: ['create-policy', 'Policy ', '--template', 'lightsail-full-access'], code: 64, stderr: EDGE_SPACE},
		{name: 'policy name: 129 characters', args: ['create-policy', repeat('p', 129), '--template', 'lightsail-full-access'], code: 64, stderr: /the policy name is 129 characters long; IAM accepts at most 128/},
		{name: 'policy name: unicode', args: ['create-policy', 'Pölicy', '--template', 'lightsail-full-access'], code: 64, stderr: NOT_ASCII},
		{name: 'policy name: taken', args: ['create-policy', existingPolicy, '--template', 'lightsail-full-access'], code: 3, stderr: /a customer managed policy named Existing already exists — choose another name, or attach the existing one/},
		{name: 'policy path: no slashes', args: ['create-policy', 'NewPolicy', '--template', 'lightsail-full-access', '--path', 'x'], code: 64, stderr: /the path "x" must start and end with "\/"/},
		{name: 'policy description: 1001 characters', args: ['create-policy', 'NewPolicy', '--template', 'lightsail-full-access', '--description', repeat('d', 1001)], code: 64, stderr: /the description is 1001 characters long; IAM accepts at most 1000/},
		{name: 'inline policy name: a space', args: ['put-group-policy', group, 'My Inline', '--template', 'lightsail-full-access'], code: 64, stderr: A_SPACE},
		{name: 'inline policy name: 129 characters', args: ['put-group-policy', group, repeat('i', 129), '--template', 'lightsail-full-access'], code: 64, stderr: /the inline policy name is 129 characters long/},
		{name: 'inline policy: group does not exist', args: ['put-group-policy', 'NoSuchGroup', 'Inline', '--template', 'lightsail-full-access'], code: 3, stderr: /no group named NoSuchGroup in this account/},
		// Policy documents (a JSON file given as --template).
		{name: 'document: truncated JSON', args: ['create-policy', 'P', ...template('truncated')], code: 64, stderr: /is not JSON: Not valid JSON at line 1, column \d+: the text ends before the JSON is complete/},
		{name: 'document: empty file', args: ['create-policy', 'P', ...template('empty')], code: 64, stderr: /is not JSON: The text is empty/},
		{name: 'document: a JSON array', args: ['create-policy', 'P', ...template('array')], code: 64, stderr: /is neither a policy document \(no "Statement"\) nor a template/},
		{name: 'document: wrong Version', args: ['create-policy', 'P', ...template('wrongVersion')], code: 64, stderr: /Version "2013-01-01" is not one IAM knows: use "2012-10-17".* — fix the policy document in .*wrongVersion\.json$/m},
		{name: 'document: Version not a string', args: ['create-policy', 'P', ...template('numericVersion')], code: 64, stderr: /Version must be a string such as "2012-10-17"/},
		{name: 'document: missing Effect', args: ['create-policy', 'P', ...template('noEffect')], code: 64, stderr: /Statement 1: Effect is missing: add "Effect": "Allow"/},
		{name: 'document: Effect not Allow/Deny', args: ['create-policy', 'P', ...template('badEffect')], code: 64, stderr: /Effect must be "Allow" or "Deny" \(found "Permit"\)/},
		{name: 'document: missing Action', args: ['create-policy', 'P', ...template('noAction')], code: 64, stderr: /Statement 1: Action is missing/},
		{name: 'document: unknown top-level key', args: ['create-policy', 'P', ...template('unknownTop')], code: 64, stderr: /Unknown top-level key "Foo": a policy may have only Version, Id and Statement/},
		{name: 'document: unknown statement key', args: ['create-policy', 'P', ...template('unknownStatementKey')], code: 64, stderr: /unknown key "Bar": a statement may have only Sid, Effect/},
		{name: 'document: Principal in a managed policy', args: ['create-policy', 'P', ...template('principal')], code: 64, stderr: /Principal is not allowed in an identity policy/},
		{name: 'document: Principal in an inline policy', args: ['put-group-policy', group, 'Inline', ...template('principal')], code: 64, stderr: /Principal is not allowed in an identity policy/},
		{name: 'document: no statements', args: ['create-policy', 'P', ...template('emptyStatements')], code: 64, stderr: /Statement is an empty list/},
		{name: 'document: action not service:Action', args: ['create-policy', 'P', ...template('badAction')], code: 64, stderr: /Action "s3GetObject" is not of the form service:Action/},
		{name: 'document: resource not an ARN', args: ['create-policy', 'P', ...template('badResource')], code: 64, stderr: /Resource "my-bucket" must be an ARN/},
		{name: 'document: misspelt condition operator', args: ['create-policy', 'P', ...template('badOperator')], code: 64, stderr: /Condition operator "StringEqual" is not an IAM condition operator \(e\.g\. StringEquals/},
		{name: 'document: condition operator in the wrong case', args: ['create-policy', 'P', ...template('lowerOperator')], code: 64, stderr: /Condition operator "stringequals" is not an IAM condition operator \(did you mean "StringEquals"\?\)/},
		{name: 'document: over the managed size limit', args: ['create-policy', 'P', ...template('overManaged')], code: 64, stderr: /The policy is \d+ characters long \(not counting whitespace\); IAM allows at most 6144 for a managed policy/},
		{name: 'document: over the group inline limit', args: ['put-group-policy', group, 'Inline', ...template('overGroupInline')], code: 64, stderr: /IAM allows at most 5120 for a group's inline policies/},
		{name: 'document: over every limit, as an inline policy', args: ['put-group-policy', group, 'Inline', ...template('overManaged')], code: 64, stderr: /IAM allows at most 5120 for a group's inline policies.* — fix the policy document in /},
		{name: 'document: no such file', args: ['create-policy', 'P', '--template', path.join(files.dir, 'missing.json')], code: 64, stderr: /no file at .*missing\.json — check the path, or give a template id/},
		{name: 'document: a folder', args: ['create-policy', 'P', '--template', bad.folder!], code: 64, stderr: /a-folder is a folder, not a JSON file/},
		// Template parameters.
		{name: 'template: no --template', args: ['create-policy', 'P'], code: 64, stderr: /create-policy needs --template T/},
		{name: 'template: unknown id', args: ['create-policy', 'P', '--template', 'no-such-template'], code: 64, stderr: /no template named "no-such-template" — templates: .*s3-single-bucket/},
		{name: 'parameter: missing', args: ['create-policy', 'P', '--template', 's3-single-bucket'], code: 64, stderr: /Parameter "bucket" is missing: give the bucket's name.*\(e\.g\. "example-reports"\)/},
		{name: 'parameter: empty value', args: ['create-policy', 'P', '--template', 's3-single-bucket', '--param', 'bucket='], code: 64, stderr: /Parameter "bucket" is missing/},
		{name: 'parameter: does not match its pattern', args: ['create-policy', 'P', '--template', 's3-single-bucket', '--param', 'bucket=My_Bucket'], code: 64, stderr: /Parameter "bucket": "My_Bucket" is not valid .* it must match/},
		{name: 'parameter: unknown', args: ['create-policy', 'P', '--template', 's3-single-bucket', '--param', 'bucket=reports', '--param', 'region=eu'], code: 64, stderr: /Unknown parameter "region" for template "s3-single-bucket": it takes "bucket"/},
		{name: 'parameter: template takes none', args: ['create-policy', 'P', '--template', 'lightsail-full-access', '--param', 'x=1'], code: 64, stderr: /it takes no parameters/},
		{name: 'parameter: not key=value', args: ['create-policy', 'P', '--template', 's3-single-bucket', '--param', 'reports'], code: 64, stderr: /--param "reports" is not key=value/},
		{name: 'parameter: missing, for an inline policy', args: ['put-group-policy', group, 'Inline', '--template', 's3-single-bucket'], code: 64, stderr: /Parameter "bucket" is missing/},
		{name: 'template file: a parameter never used', args: ['create-policy', 'P', ...template('unusedParameter')], code: 64, stderr: /template "unusedParameter" is not valid: parameter "bucket" is declared but the document never uses/},
		{name: 'template file: a pattern that is not a regex', args: ['create-policy', 'P', ...template('badPattern'), '--param', 'bucket=x'], code: 64, stderr: /has a pattern that is not a valid regular expression/},
		// Hostile text on the error paths: what iamtui quotes back (a file's text, an argument, a path, a
		// name from the account in "did you mean") reaches stderr without its escape sequences.
		{name: 'hostile text: a template description with escape sequences', args: ['create-policy', 'P', ...template('hostileTemplate'), '--param', 'b=X'], code: 64, stderr: /Parameter "b": "X" is not valid — the {2}bucket; it must match \[a-z\]\+/},
		{name: 'hostile text: a parameter value with escape sequences', args: ['create-policy', 'P', ...template('hostileTemplate'), '--param', 'b=\u001B[2J\u0007X'], code: 64, stderr: /Parameter "b": "X" is not valid/},
		{name: 'hostile text: a template path with escape sequences', args: ['create-policy', 'P', '--template', path.join(files.dir, 'no\u001B[31mfile\u0007.json')], code: 64, stderr: /no file at .*nofile\.json/},
		{name: 'hostile text: an unknown command with escape sequences', args: ['frob\u001B]0;pwned\u0007'], code: 64, stderr: /unknown command "frob" — commands: users/},
		{name: 'hostile text: "did you mean" a group named with escape sequences', args: ['add-to-group', user, 'grp'], code: 3, stderr: /no group named grp in this account — did you mean grpG\?/},
		{name: 'template file: a parameter named constructor, not given', args: ['create-policy', 'P', ...template('constructorParameter')], code: 64, stderr: /Parameter "constructor" is missing: give the bucket/},
		{name: 'template file: a pattern that backtracks for ever', args: ['create-policy', 'P', ...template('redosPattern'), '--param', `bucket=${'a'.repeat(40)}!`], code: 64, stderr: /parameter "bucket" has a pattern that could take exponential time to match/},
		// CSV paths for new secrets: refused before anything is created.
		{name: 'csv: missing folder', args: ['create-key', user, '--save-csv', path.join(files.dir, 'no-such-folder', 'k.csv')], code: 64, stderr: /The folder .*no-such-folder does not exist; create it or choose another path/},
		{name: 'csv: a folder', args: ['create-key', user, '--save-csv', bad.folder!], code: 64, stderr: /a-folder is a folder; add a file name to the path/},
		{name: 'csv: an existing file without --overwrite', args: ['create-key', user, '--save-csv', files.existing], code: 64, stderr: /already exists — choose another name, or add --overwrite/},
		{name: 'csv: below a file', args: ['create-key', user, '--save-csv', path.join(files.existing, 'k.csv')], code: 64, stderr: /is not a folder; choose another path/},
		{name: 'csv: empty path', args: ['create-key', user, '--save-csv', ''], code: 64, stderr: /would have nowhere to put it — add --save-csv FILE/},
		{name: 'csv: create-user, existing file', args: ['create-user', 'bea', '--console-password', '--save-csv', files.existing], code: 64, stderr: /already exists — choose another name, or add --overwrite/},
		// Endpoint URLs (nothing here may reach anything but 127.0.0.1) and profiles.
		{name: 'endpoint: not a URL', args: ['users', '--endpoint-url', 'not a url'], endpoint: 'own', code: 64, stderr: /the endpoint URL "not a url" is not a URL/},
		{name: 'endpoint: no scheme', args: ['users', '--endpoint-url', `127.0.0.1:${files.deadPort}`], endpoint: 'own', code: 64, stderr: /is not a URL — e\.g\. --endpoint-url http:\/\/127\.0\.0\.1:5000/},
		{name: 'endpoint: no host', args: ['users', '--endpoint-url', 'http://'], endpoint: 'own', code: 64, stderr: /the endpoint URL "http:\/\/" is not a URL/},
		{name: 'endpoint: not http(s)', args: ['users', '--endpoint-url', `ftp://127.0.0.1:${files.deadPort}`], endpoint: 'own', code: 64, stderr: /is not http or https/},
		// If the empty flag were dropped, AWS_ENDPOINT_URL (a dead loopback port) would catch the request.
		{name: 'endpoint: empty', args: ['users', '--endpoint-url', ''], endpoint: 'own', env: {AWS_ENDPOINT_URL: dead}, code: 64, stderr: /the endpoint URL is empty — give a URL/},
		// A region is checked before anything is signed for it: --region, AWS_REGION, the profile's in ~/.aws/config.
		{name: 'region: spaces', args: ['users', '--region', 'us east 1'], code: 64, stderr: /"us east 1" is not an AWS region — did you mean us-east-1\?/},
		{name: 'region: upper case, in AWS_REGION', args: ['who-can', 's3:GetObject'], env: {AWS_REGION: 'EU-WEST-1'}, code: 64, stderr: /"EU-WEST-1" is not an AWS region — did you mean eu-west-1\?/},
		{name: 'region: not one, for a write', args: ['create-group', 'Admins', '--region', 'moon'], code: 64, stderr: /"moon" is not an AWS region — a region looks like eu-west-1; it comes from --region, AWS_REGION/},
		{name: 'endpoint: nothing listens', args: ['users', '--endpoint-url', dead], endpoint: 'own', code: 3, stderr: new RegExp(`cannot reach ${dead}: connection refused`)},
		{name: 'endpoint: nothing listens, for a write', args: ['create-group', 'Admins', '--endpoint-url', dead], endpoint: 'own', code: 3, stderr: /connection refused/},
		{name: 'profile: does not exist', args: ['users', '--profile', 'no-such-profile'], code: 3, stderr: /AWS profile "no-such-profile" not found in ~\/\.aws\/config or ~\/\.aws\/credentials/},
		{name: 'profile: does not exist, for a write', args: ['create-user', 'bea', '--profile', 'no-such-profile'], code: 3, stderr: /AWS profile "no-such-profile" not found/},
		{name: 'profile: AWS_PROFILE does not exist', args: ['groups'], env: {AWS_PROFILE: 'ghost'}, code: 3, stderr: /AWS profile "ghost" not found/},
		{name: 'region: not a region', args: ['users', '--region', 'not a region!'], code: 64, stderr: /"not a region!" is not an AWS region — a region looks like eu-west-1/},
		// Other arguments of the write commands.
		{name: 'membership: no group given', args: ['add-to-group', user], code: 64, stderr: /add-to-group needs a user and a group — usage: iamtui add-to-group USER GROUP/},
		{name: 'membership: no such group', args: ['add-to-group', user, 'NoSuchGroup'], code: 3, stderr: /no group named NoSuchGroup in this account/},
		{name: 'membership: user name with a space', args: ['add-to-group', 'ana silva', group], code: 3, stderr: /no user named ana silva in this account/},
		{name: 'membership: removing a non-member is a no-op', args: ['remove-from-group', user, group, '--yes'], code: 0, stderr: /^$/, lines: 0, stdout: /skipped +Remove ana from group Ops — ana is not in Ops/},
		{name: 'offboard: no user given', args: ['offboard'], code: 64, stderr: /offboard needs one user name/},
		{name: 'offboard: no such user', args: ['offboard', 'ghost', '--yes'], code: 3, stderr: /no user named ghost in account \d{12}/},
		{name: 'restore: no such record', args: ['restore', path.join(files.dir, 'no-record.json')], code: 3, stderr: /cannot read .*no-record\.json \(ENOENT\) — list the records with `iamtui records`/},
		{name: 'restore: a corrupt record', args: ['restore', bad.truncated!], code: 64, stderr: /is not JSON: the record is corrupt/},
		{name: 'attach: no principal', args: ['attach-policy', existingPolicy], code: 64, stderr: /attach-policy needs --user USER or --group GROUP/},
		{name: 'attach: two principals', args: ['attach-policy', '--user', user, '--group', group, existingPolicy], code: 64, stderr: /takes one --user or one --group, not 2/},
		{name: 'attach: no such policy', args: ['attach-policy', '--user', user, 'NoSuchPolicy'], code: 3, stderr: /no policy named NoSuchPolicy: neither a customer managed policy/},
		{name: 'attach: no such user', args: ['attach-policy', '--user', 'ghost', existingPolicy], code: 3, stderr: /no user named ghost in this account/},
		{name: 'certificate: no such file', args: ['upload-certificate', user, path.join(files.dir, 'none.pem')], code: 64, stderr: /No file at .*none\.pem/},
		{name: 'certificate: not PEM', args: ['upload-certificate', user, bad.notPem!], code: 64, stderr: /is not a PEM certificate \(no -----BEGIN CERTIFICATE----- block\)/},
		{name: 'certificate: a private key', args: ['upload-certificate', user, bad.keyOnly!], code: 64, stderr: /holds a private key, not a certificate/},
		{name: 'certificate: a broken block', args: ['upload-certificate', user, bad.brokenPem!], code: 64, stderr: /does not parse/},
		{name: 'certificate: two in one file', args: ['upload-certificate', user, files.twoCertificates], code: 64, stderr: /holds 2 certificates; IAM takes one signing certificate at a time/},
		{name: 'certificate: no such user', args: ['upload-certificate', 'ghost', files.certificate], code: 3, stderr: /no user named ghost/},
		{name: 'key: no such user', args: ['create-key', 'ghost', '--show-secret'], code: 3, stderr: /no user named ghost in this account/},
		{name: 'reads: no such user', args: ['user', 'ghost'], code: 3, stderr: /no user named ghost in this account — list them with: iamtui users/},
		{name: 'reads: a user name a letter off', args: ['user', 'anna'], code: 3, stderr: /no user named anna in this account — did you mean ana\?/},
		{name: 'reads: not an action', args: ['who-can', 'ec2DescribeInstances'], code: 64, stderr: /"ec2DescribeInstances" is not an action: write service:Action/},
		{name: 'reads: a wildcard in the service', args: ['who-can', 's*:GetObject'], code: 64, stderr: /"s\*:GetObject": name one service \(no wildcard before the colon\), e\.g\. s3:GetObject — did you mean: s3:GetObject/},
		{name: 'reads: every action of every service', args: ['who-can', '*:*'], code: 64, stderr: /name a service, e\.g\. s3:\* or ec2:Describe\*/},
		{name: 'reads: resource not an ARN', args: ['who-can', 's3:GetObject', '--resource', 'bucket'], code: 64, stderr: /"bucket" is not an ARN/},
		{name: 'reads: an empty resource', args: ['who-can', 's3:GetObject', '--resource', ''], code: 64, stderr: /the resource is empty: give an ARN, or \* for every resource/},
		{name: 'reads: can, unknown user', args: ['can', 'ghost', 's3:GetObject'], code: 3, stderr: /no user or role named ghost in this account — list them with: iamtui users, iamtui roles/},
		// The names it is part of and its slips, as user NAME says them; not every name a few letters away.
		{name: 'reads: can, a user name a letter off', args: ['can', 'anna', 's3:GetObject'], code: 3, stderr: /no user or role named anna in this account — did you mean ana\?$/m},
		{name: 'reads: user without a name', args: ['user'], code: 64, stderr: /user needs a user name — usage: iamtui user NAME/},
		{name: 'reads: who-can without an action', args: ['who-can'], code: 64, stderr: /who-can needs an action/},
		{name: 'reads: can without an action', args: ['can', 'ghost'], code: 64, stderr: /can needs a user \(or role\) and an action/},
		{name: 'an unknown flag', args: ['users', '--frobnicate'], code: 64, stderr: /unknown flag --frobnicate for users — see iamtui users --help/},
		{name: 'command line: unknown command', args: ['frobnicate'], code: 64, stderr: /unknown command "frobnicate" — commands: users/},
	];
};
