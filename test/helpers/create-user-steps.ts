// W1 through the create-user wizard in a rendered App (ink-testing-library): a name, optional tags, a
// generated password to be changed at next sign-in, an access key, and the LightsailFullAccessGroup.
// Ends when the plan is on screen; returns the frame of step 3 (the groups) for tests that check it.
import {tick, keys, type Rendered} from './render.js';

/** From the Users list of the fixture account: n opens the wizard, and `name` is typed (as one paste) into step 1. */
export const toNamedUser = async (tui: Rendered, name: string): Promise<void> => {
	await tui.waitFor('Users (12)');
	tui.write('n');
	await tui.waitFor('Create a user · step 1 of 3');
	tui.write(name);
	await tui.waitFor(name);
};

export const fillCreateUserWizard = async (tui: Rendered, options: {name: string; tags?: string}): Promise<{groups: string}> => {
	await toNamedUser(tui, options.name);
	tui.write(keys.enter);
	await tui.waitFor('› Path');
	tui.write(keys.enter);
	await tui.waitFor('› Tags');
	if (options.tags) {
		tui.write(options.tags);
		await tui.waitFor(options.tags);
	}
	tui.write(keys.enter);
	await tui.waitFor('step 2 of 3');
	tui.write(' '); // console: none → generated
	await tui.waitFor('generated password');
	tui.write(keys.tab); // → reset at next sign-in (yes)
	await tui.waitFor('yes (and attach IAMUserChangePassword');
	tui.write(keys.tab);
	await tui.waitFor('› Access key');
	tui.write(' ');
	await tui.waitFor('yes: create one');
	tui.write(keys.enter);
	const groups = await tui.waitFor('step 3 of 3');
	tui.write(keys.down);
	await tui.waitForFrame(f => /› +Managers/.test(f));
	await tick();
	tui.write(keys.down);
	await tui.waitForFrame(f => /› +LightsailFullAccessGroup/.test(f));
	await tick();
	tui.write(' ');
	await tui.waitFor('Marked: LightsailFullAccessGroup');
	tui.write(keys.enter);
	await tui.waitFor(`Create user ${options.name}`);
	return {groups};
};

/** From step 1 with the name typed: through path and tags to step 2, console access set to "generated password". */
export const toGeneratedPassword = async (tui: Rendered): Promise<void> => {
	for (const next of ['› Path', '› Tags', 'step 2 of 3']) {
		tui.write(keys.enter);
		await tui.waitFor(next);
	}
	tui.write(' ');
	await tui.waitFor('generated password');
};

/** From step 1 with the name typed: through path and tags to step 2, console access set to "typed password". */
export const toTypedPassword = async (tui: Rendered): Promise<void> => {
	await toGeneratedPassword(tui);
	tui.write(' ');
	await tui.waitFor('typed password');
};
