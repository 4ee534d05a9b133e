// Where secret files are offered and when saving one warns: a real temporary folder made into a git work
// tree (a `.git` folder, or a `.git` file as worktrees and submodules have), and one that is not.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defaultSecretFolder, gitTreeWarning, gitWorkTreeOf} from '../../source/store/secret-location.js';

let base: string;
let repo: string;
let plain: string;
beforeEach(() => {
	base = mkdtempSync(path.join(os.tmpdir(), 'iamtui-secret-location-'));
	repo = path.join(base, 'repo');
	plain = path.join(base, 'plain');
	mkdirSync(path.join(repo, '.git'), {recursive: true});
	mkdirSync(path.join(repo, 'src', 'deep'), {recursive: true});
	mkdirSync(plain);
});
afterEach(() => rmSync(base, {recursive: true, force: true}));

describe('gitWorkTreeOf', () => {
	it('finds the work tree from any folder inside it, and none outside', () => {
		expect(gitWorkTreeOf(path.join(repo, 'src', 'deep'))).toBe(repo);
		expect(gitWorkTreeOf(repo)).toBe(repo);
		expect(gitWorkTreeOf(plain)).toBeUndefined();
	});

	it('a .git file (a linked worktree or submodule) counts too', () => {
		const worktree = path.join(base, 'linked');
		mkdirSync(worktree);
		writeFileSync(path.join(worktree, '.git'), 'gitdir: /elsewhere/.git/worktrees/linked\n');
		expect(gitWorkTreeOf(worktree)).toBe(worktree);
	});
});

describe('defaultSecretFolder', () => {
	it('the current folder when it is not in a work tree', () => {
		expect(defaultSecretFolder(plain, plain)).toEqual({prefix: './'});
	});

	it('the home folder, saying why, when the current folder is in a work tree', () => {
		const folder = defaultSecretFolder(path.join(repo, 'src'), plain);
		expect(folder.prefix).toBe('~/');
		expect(folder.reason).toContain(`the current folder is in the git work tree ${repo}`);
	});

	it('stays in the current folder, with a warning, when the home folder is a work tree as well', () => {
		const folder = defaultSecretFolder(path.join(repo, 'src'), repo);
		expect(folder.prefix).toBe('./');
		expect(folder.reason).toMatch(/keep the file out of commits/);
	});
});

describe('gitTreeWarning', () => {
	it('warns for a file in a work tree (even a folder not yet made), not for one outside', () => {
		expect(gitTreeWarning(path.join(repo, 'src', 'ana_credentials.csv'))).toContain(`inside the git work tree ${repo}`);
		expect(gitTreeWarning(path.join(repo, 'missing', 'ana_credentials.csv'))).toContain(repo);
		expect(gitTreeWarning(path.join(plain, 'ana_credentials.csv'))).toBeUndefined();
	});
});

describe('.gitignore of this repository', () => {
	it('covers the default names of credential CSVs and signing keys', async () => {
		const {execFileSync} = await import('node:child_process');
		const root = path.resolve(import.meta.dirname, '..', '..');
		for (const name of ['ana.silva_credentials.csv', 'templates/rsdash-signing-key.pem']) {
			// git check-ignore exits 0 when the path is ignored (it need not exist).
			expect(() => execFileSync('git', ['check-ignore', '-q', '--no-index', name], {cwd: root})).not.toThrow();
		}
	});
});
