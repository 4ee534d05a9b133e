// Every test run gets a temporary folder of its own as TMPDIR (the forks inherit it), removed when the
// run ends: the tests' config stores, journals, CSVs and tmux scratch files (several hundred per run)
// are not left behind in /tmp, and a run never reads what an earlier one left there.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup() {
	const root = mkdtempSync(path.join(os.tmpdir(), 'iamtui-test-run-'));
	const before = process.env.TMPDIR;
	process.env.TMPDIR = root;
	return () => {
		if (before === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = before;
		rmSync(root, {recursive: true, force: true});
	};
}
