// The password rules a typed password must meet wrap at 80 columns instead of ending in "…" (issue 16,
// item 10): the create-user wizard's access step and the console password form (p on a user) read
// "IAM’s default rules: at least 8 characters…" and lost which kinds of characters count.
import {expect, it} from 'vitest';
import {appHarness} from '../helpers/app.js';
import {toGeneratedPassword, toNamedUser} from '../helpers/create-user-steps.js';
import {compact, type Rendered} from '../helpers/render.js';
import {openUser} from '../helpers/user-screen.js';

const harness = appHarness();
const RULES = 'The account has no password policy: IAM’s default rules: at least 8 characters, three of upper, lower, digits, symbols';

const rulesWhole = (tui: Rendered) => tui.waitForFrame(frame => compact(frame).includes(compact(RULES)));

it('create-user at 80×24: with a console password, the rules are said whole', async () => {
	const {tui} = harness.start({columns: 80, rows: 24});
	await toNamedUser(tui, 'typist');
	await toGeneratedPassword(tui);
	const frame = await rulesWhole(tui);
	expect(frame.split('\n').filter(row => row.includes('default rules') && row.endsWith('…'))).toEqual([]);
});

it('the console password form at 80×24 says the rules whole', async () => {
	const {tui} = harness.start({columns: 80, rows: 24});
	await openUser(tui, 'heidi.klum');
	await tui.waitFor('none: no console sign-in');
	tui.write('p');
	await rulesWhole(tui);
});
