// Where a secret file (credentials CSV, private key) goes by default, and whether a chosen path sits in a
// git work tree. A secret saved next to code is one `git add .` away from a public repository, so the
// default is the current folder only when that folder is not in a work tree; otherwise the home folder.
import {statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expandPath} from './private-file.js';

const exists = (file: string): boolean => {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
};

/** The top of the git work tree holding `folder` (a `.git` folder, or a `.git` file of a worktree/submodule), if any. */
export const gitWorkTreeOf = (folder: string): string | undefined => {
	let current = path.resolve(folder);
	for (;;) {
		if (exists(path.join(current, '.git'))) return current;
		const parent = path.dirname(current);
		if (parent === current) return undefined;
		current = parent;
	}
};

export interface SecretFolder {
	/** As shown to the operator and typed: `./` or `~/` (or an absolute folder), ending in a separator. */
	prefix: string;
	/** Why not the current folder, when it was moved (shown beside the path). */
	reason?: string;
}

/** The folder a default secret file name is offered in: `./`, or `~/` when the current folder is in a git work tree. */
export const defaultSecretFolder = (cwd: string = process.cwd(), home: string = os.homedir()): SecretFolder => {
	const tree = gitWorkTreeOf(cwd);
	if (tree === undefined) return {prefix: './'};
	if (gitWorkTreeOf(home) !== undefined) return {prefix: './', reason: `${tree} is a git work tree (so is your home folder): keep the file out of commits`};
	return {prefix: '~/', reason: `offered in your home folder: the current folder is in the git work tree ${tree}`};
};

/** A warning when a secret file is (to be) written inside a git work tree, else undefined. */
export const gitTreeWarning = (file: string): string | undefined => {
	const target = expandPath(file);
	const tree = gitWorkTreeOf(path.dirname(target));
	return tree === undefined ? undefined : `${target} is inside the git work tree ${tree}: make sure .gitignore covers it, or it can be committed by accident`;
};
