// npm's postinstall: applies patches/*.patch (patch-package) to node_modules, so the tests and the bundle
// run the same patched code: Ink (patches/ink+6.8.0.patch: frame rows reused across frames, see
// scripts/ink-patches.ts), the policy simulator (patches/@cloud-copilot+iam-simulate+0.1.173.patch:
// resource types of an (action, ARN) worked out once; test/unit/iam-simulate-patched.test.ts) and the AWS
// SDK's XML parser (patches/@aws-sdk+xml-builder+3.972.43.patch: text sliced, not built a character at a
// time; test/unit/xml-parser-patched.test.ts). All three packages are pinned exactly in package.json: a
// patch fits one version. Only a development install has patch-package (a devDependency) and patches/;
// someone installing the published package has neither (and no scripts/: package.json's postinstall
// runs this file only when it exists), so then this does nothing and the install goes on.
// A patch that does not apply (another Ink version) fails the install loudly: --error-on-fail/-warn.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const patchPackageBin = () => {
	try {
		return createRequire(path.join(root, 'package.json')).resolve('patch-package/index.js');
	} catch {
		return undefined;
	}
};

const bin = patchPackageBin();
if (!existsSync(path.join(root, 'patches')) || bin === undefined) {
	process.stderr.write('iamtui: no patches/ or no patch-package (not a development install): nothing to patch\n');
} else {
	const result = spawnSync(process.execPath, [bin, '--error-on-fail', '--error-on-warn'], {cwd: root, stdio: 'inherit'});
	if (result.status !== 0) {
		process.stderr.write('iamtui: patch-package could not apply patches/ (see above): the UI would run unpatched Ink\n');
		process.exit(result.status ?? 1);
	}
}
