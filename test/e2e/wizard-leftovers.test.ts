// Issue 16, item 10: no stale footer or header after a wizard finishes. The built iamtui in tmux against
// seeded moto, at 80×24 and at 200×60: a group, a policy from a template and a user (with an access
// key, through the show-once secret) are created through their wizards. Every wizard screen's title
// and footer line is collected on the way; once the list is back, its footer must be the one it had
// before the wizard, its header its own, the new row selected, and no line of the wizard left. On the
// way, `?` over the show-once secret shows the help without it, and it is not in the scrollback after.
import {expect, it} from 'vitest';
import {e2eAccount} from '../helpers/e2e.js';
import {createUserStepOne, cursorLine, filterList, jump, showsSecret} from '../helpers/e2e-steps.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const linesOf = (screen: string) => screen.split('\n').map(line => line.trimEnd());
/** The footer: the last line with text (the pane may end in blank lines). */
const footerOf = (screen: string) => linesOf(screen).filter(Boolean).at(-1) ?? '';
/** The header: the line under the status line. */
const headerOf = (screen: string) => linesOf(screen)[1] ?? '';

/** A step: tmux keys to press, or text to type, then what the screen shows after it. */
type Step = {keys: string[]; then: string | RegExp} | {type: string; then: string | RegExp};

/** Walks a wizard's steps, collecting each wizard screen's header and footer on the way. */
class WizardLines {
	readonly seen = new Set<string>();
	constructor(private readonly tui: TmuxSession) {}
	async walk(steps: Step[]): Promise<void> {
		for (const step of steps) {
			if ('keys' in step) this.tui.keys(...step.keys);
			else this.tui.type(step.type);
			const screen = await this.tui.waitFor(step.then);
			for (const line of [headerOf(screen), footerOf(screen)]) if (line.trim()) this.seen.add(line);
		}
	}
}

/** Back on the list: its own footer and header, the new row selected, nothing of the wizard. */
const expectCleanList = (screen: string, list: {footer: string; header: RegExp; created: string}, wizard: WizardLines) => {
	expect(footerOf(screen), screen).toBe(list.footer);
	expect(headerOf(screen), screen).toMatch(list.header);
	expect(cursorLine(screen) ?? '', screen).toContain(list.created);
	const left = linesOf(screen).filter(line => wizard.seen.has(line));
	expect(left, `wizard lines left on:\n${screen}`).toEqual([]);
};

describeWithMoto('e2e: nothing of a wizard is left once it finishes', () => {
	const account = e2eAccount();

	it.each([
		{width: 80, height: 24},
		{width: 200, height: 60},
	])('at $width×$height: a group, a policy from a template, a user with a key', async size => {
		const tui = await account.open(size);
		const suffix = String(size.width);

		// A group: name, default path, no policies, the plan, run, back to Groups.
		const groups = await jump(tui, 'groups', /Groups \(\d+\)/);
		const group = `LeftoverGroup${suffix}`;
		const wizard = new WizardLines(tui);
		await wizard.walk([
			{keys: ['n'], then: 'Create a group'},
			{type: group, then: group},
			{keys: ['Enter'], then: 'optional: "/" or e.g. /teams/'},
			{keys: ['Enter'], then: `Policies to attach to ${group}`},
			{keys: ['Enter'], then: 'y/enter runs 1 step'},
			{keys: ['y'], then: new RegExp(`done\\s+Create group ${group}`)},
		]);
		tui.keys('Enter');
		const afterGroup = await tui.waitFor(screen => /^Groups \(\d+\)/m.test(screen) && (cursorLine(screen) ?? '').includes(group));
		expectCleanList(afterGroup, {footer: footerOf(groups), header: /^Groups \(\d+\)/, created: group}, wizard);

		// A customer managed policy from the s3-single-bucket template, not attached, back to Policies.
		const policies = await jump(tui, 'policies', /Policies \(\d+\)/);
		const policy = `LeftoverPolicy${suffix}`;
		await wizard.walk([{keys: ['n'], then: 'choose a template'}]);
		await filterList(tui, 's3-single-bucket');
		await wizard.walk([
			{keys: ['Enter'], then: /› Policy name/},
			{keys: ['C-u'], then: /^› Policy name\s*$/m},
			{type: policy, then: policy},
			{keys: ['Enter'], then: /› Path/},
			{keys: ['Enter'], then: /› Description/},
			{keys: ['Enter'], then: /› bucket/},
			{type: `leftover-bucket-${suffix}`, then: `leftover-bucket-${suffix}`},
			{keys: ['Enter'], then: `Preview of ${policy}`},
			{keys: ['Enter'], then: `Attach ${policy} to a group or a user?`},
			{keys: ['Enter'], then: 'y/enter runs 1 step'},
			{keys: ['y'], then: new RegExp(`done\\s+Create customer managed policy ${policy}`)},
		]);
		tui.keys('Enter');
		const afterPolicy = await tui.waitFor(screen => /^Policies \(\d+\)/m.test(screen) && (cursorLine(screen) ?? '').includes(policy));
		expectCleanList(afterPolicy, {footer: footerOf(policies), header: /^Policies \(\d+\)/, created: policy}, wizard);

		// A user with an access key: the wizard, the plan, the show-once secret (dismissed), back to Users.
		const users = await jump(tui, 'users', /Users \(\d+\)/);
		const user = `leftover.user${suffix}`;
		await createUserStepOne(tui, user);
		await wizard.walk([
			{keys: ['Tab'], then: /› Access key/},
			{keys: ['Space'], then: 'yes: create one'},
			{keys: ['Enter'], then: 'step 3 of 3'},
			{keys: ['Enter'], then: `Create user ${user}`},
			{keys: ['y'], then: /Secret access key\s+\S+/},
		]);
		// The help over the secret (item 5): shown without it, esc brings it back; later, not in the scrollback.
		const secret = /Secret access key\s+(\S+)/.exec(tui.screen())![1]!;
		tui.keys('?');
		expect(showsSecret(await tui.waitFor('Keys — secret'), secret)).toBe(false);
		tui.keys('Escape');
		await tui.waitFor(secret);
		await wizard.walk([{keys: ['d'], then: 'dismiss anyway? y/n'}]);
		tui.keys('y');
		const afterUser = await tui.waitFor(screen => /^Users \(\d+\)/m.test(screen) && (cursorLine(screen) ?? '').includes(user));
		expectCleanList(afterUser, {footer: footerOf(users), header: /^Users \(\d+\)/, created: user}, wizard);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
		expect(showsSecret(tui.scrollback(), secret)).toBe(false);
	}, 300_000);
});
