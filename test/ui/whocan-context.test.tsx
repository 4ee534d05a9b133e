// Who-can with a request context inside the App: `c` on the answer takes KEY=VALUE entries (as on the Access
// view); the same query is asked again assuming them, and the answer ends with whom the context changed among
// those Conditional without it, with what decided — a line that opens the principal.
import {describe, expect, it} from 'vitest';
import {MFA_USER, accessSnapshot} from '../fixtures/access.js';
import {askWhoCan, setRequestContext} from '../helpers/access-steps.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const {start} = appHarness();
const CTRL_U = '\u0015';

/** :whocan, the action, enter: the answer on screen. */
const askTerminate = (tui: Rendered) => askWhoCan(tui, 'ec2:TerminateInstances');

describe('Who-can with a request context (c)', () => {
	it('MFA absent: the MFA-bound user leaves the answer, and its end says so with what decided; enter opens her', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 180, rows: 60});
		const open = await askTerminate(tui);
		expect(open).toContain('Users who can ec2:TerminateInstances on * (6)');
		expect(open).toMatch(new RegExp(`${MFA_USER}\\s+Conditional`));
		expect(open).toContain('c request context');

		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=false');
		const answer = await tui.waitFor('What the request context changed (1)');
		expect(answer).toContain('Users who can ec2:TerminateInstances on * (5)');
		expect(answer).toContain('with the context given (aws:MultiFactorAuthPresent=false), of those Conditional without it:');
		expect(answer).toContain(`user ${MFA_USER}: not with the context given`);
		expect(answer).toContain('c request context (it changed 1: listed last, G)');
		expect(answer).toContain('decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (inline policy TerminateWithMfa');
		// Her line is the answer's last: it opens her User screen.
		tui.write('G');
		await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith('›') && line.includes('decided by aws:MultiFactorAuthPresent=false')));
		tui.write(keys.enter);
		await tui.waitFor(`User ${MFA_USER}`);
		// Back on the answer: the context and what it changed are as they were.
		tui.write(keys.escape);
		const back = await tui.waitFor('Who can… (in this account)');
		expect(back).toContain('request context: aws:MultiFactorAuthPresent=false (c changes it)');
	});

	it('MFA present: the MFA-bound user is Allowed, said as the context\'s doing; an empty line clears it', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 180, rows: 60});
		await askTerminate(tui);
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=true');
		const answer = await tui.waitFor('What the request context changed (1)');
		expect(answer).toContain('Users who can ec2:TerminateInstances on * (6)');
		expect(answer).toMatch(new RegExp(`${MFA_USER}\\s+Allowed`));
		expect(answer).toContain(`user ${MFA_USER}: Allowed`);
		expect(answer).toContain('Bool aws:MultiFactorAuthPresent true holds');

		tui.write('c');
		await tui.waitFor('enter applies');
		tui.write(CTRL_U);
		tui.write(keys.enter);
		const cleared = await tui.waitForFrame(f => !f.includes('request context:') && !f.includes('What the request context changed') && /mia\.mfa\s+Conditional/.test(f));
		expect(cleared).toContain('Users who can ec2:TerminateInstances on * (6)');
	});

	it('a misspelt key is named inline with the close name; esc keeps the answer as it was', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 180, rows: 60});
		await askTerminate(tui);
		tui.write('c');
		await tui.waitFor('enter applies');
		await tui.type('aws:MultiFactorAuthPresnt=true');
		tui.write(keys.enter);
		const wrong = await tui.waitFor('unknown context key "aws:MultiFactorAuthPresnt"');
		expect(wrong).toContain('did you mean aws:MultiFactorAuthPresent');
		tui.write(keys.escape);
		const kept = await tui.waitForFrame(f => !f.includes('unknown context key'));
		expect(kept).not.toContain('request context:');
		expect(kept).toMatch(new RegExp(`${MFA_USER}\\s+Conditional`));
	});
});
