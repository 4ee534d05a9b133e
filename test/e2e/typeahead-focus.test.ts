// Keys typed in one read, in the built iamtui in tmux: on the create-user wizard's password field, the
// password, then Down Down Space sent as ONE send-keys (one chunk, as a fast typist delivers it). Each
// keystroke must see the focus the previous one produced: the space toggles the access key instead of
// landing in the password.
import {expect, it} from 'vitest';
import {e2eAccount} from '../helpers/e2e.js';
import {createUserStepOne} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('e2e: keys typed in one read see the focus the previous key made', () => {
	const account = e2eAccount();

	it('password, Down, Down, Space in one send-keys: 14 bullets, the access key toggled', async () => {
		const tui = await account.open({height: 45});
		await createUserStepOne(tui, 'typeahead.user');
		tui.keys('Space');
		await tui.waitFor('generated password');
		tui.keys('Space');
		await tui.waitFor('typed password');
		tui.keys('Tab');
		const ready = await tui.waitFor(/^› Password/m);
		expect(ready).toMatch(/Access key +no\b/);
		tui.type('secret-Horse-9');
		await tui.waitFor(/Password +•{14}/);
		// One send-keys: tmux writes ↓ ↓ space to the terminal as one chunk.
		tui.type('\u001B[B\u001B[B ');
		const after = await tui.waitFor(/^› Access key +yes: create one/m);
		expect(after).toMatch(/Password +•{14}(?!•)/);
		tui.keys('Escape');
		await tui.waitFor('step 1 of 3');
		tui.keys('Escape');
		await tui.waitFor(/Users \(\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	}, 120_000);
});
