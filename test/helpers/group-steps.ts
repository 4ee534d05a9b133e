// Steps through the real App that several ui tests share: filter a list to one row, open a group from
// :groups, and put an inline policy on the open group from a template.
import {keys, type Rendered} from './render.js';

/** Filters the focused list to the one row matching `text` (typed key by key) and keeps the filter. */
export const filterTo = async (tui: Rendered, text: string) => {
	tui.write('/');
	await tui.waitFor('type to filter');
	await tui.type(text);
	await tui.waitForFrame(frame => frame.includes(`/${text}`) && /\b1 of \d+/.test(frame));
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
};

/** From the Users list: `:groups`, then the group `name` opened. */
export const openGroup = async (tui: Rendered, name: string, groups = 5) => {
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write('groups');
	await tui.waitFor(':groups');
	tui.write(keys.enter);
	await tui.waitFor(`Groups (${groups})`);
	await filterTo(tui, name);
	tui.write(keys.enter);
	await tui.waitFor(`Group ${name}`);
};

/** On an open group: i, the template `template`, the policy named `name`; stops on the first parameter (or the preview). */
export const inlineFromTemplate = async (tui: Rendered, group: string, template: string, name: string) => {
	tui.write('i');
	await tui.waitFor(`Inline policy for group ${group}: choose a template`);
	await filterTo(tui, template);
	tui.write(keys.enter);
	await tui.waitFor('Inline policy name');
	tui.write('\u0015');
	tui.write(name);
	await tui.waitFor(name);
	tui.write(keys.enter);
};
