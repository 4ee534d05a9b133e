// On a wildcard resource (who-can's and explain's default, *), a grant limited to some resources says so
// in the TUI — Who-can's row and Explain's answer: "on arn:aws:s3:::reports/* only" — and a query on one
// resource does not. The fixture account plus one user whose only grant is on one bucket.
import React from 'react';
import {expect, it} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {AccessScreen} from '../../source/ui/screens/AccessScreen.js';
import {WhoCanScreen} from '../../source/ui/screens/WhoCanScreen.js';
import {ACCOUNT, fixtureSnapshot, users} from '../fixtures/account.js';
import {keys, renderTui} from '../helpers/render.js';

const REPORTS = 'arn:aws:s3:::reports/*';
const reporter = {
	...users[0]!,
	name: 'rita.reports',
	id: 'AIDARITAREPORTS',
	arn: `arn:aws:iam::${ACCOUNT}:user/rita.reports`,
	groups: [],
	attachedPolicies: [],
	inlinePolicies: [{name: 'Reports', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: REPORTS}]})}],
	tags: [],
};
const model = buildAccessModel(buildIndex(fixtureSnapshot({users: [...users, reporter]})));
const noop = () => {};
const inApp = (screen: React.ReactElement) => renderTui(<KeyboardProvider readOnly={false}>{screen}</KeyboardProvider>, {columns: 120, rows: 40});

it("who-can's row says a grant on some resources is on those only", async () => {
	const tui = inApp(<WhoCanScreen focused width={120} height={40} model={model} onOpenUser={noop} onOpenGroup={noop} onBack={noop} />);
	await tui.waitFor('Who can…');
	await tui.type('s3:GetObject');
	await tui.waitFor('do s3:GetObject');
	tui.write(keys.enter);
	const frame = await tui.waitFor(/Users who can s3:GetObject on \* \(\d+\)/);
	expect(frame).toMatch(/rita\.reports {2}Allowed {2}on arn:aws:s3:::reports\/\* only/);
	// eve.adams' own inline policy allows it on every resource: nothing to qualify.
	expect(frame).toMatch(/eve\.adams {2}Allowed\n/);
	tui.unmount();
});

it("explain's answer says it on *, and not for a query on one object", async () => {
	const tui = inApp(<AccessScreen focused width={120} height={40} model={model} name="rita.reports" onBack={noop} />);
	await tui.waitFor('Access of rita.reports');
	tui.write('e');
	await tui.waitFor('can rita.reports do');
	await tui.type('s3:GetObject');
	tui.write(keys.enter);
	const wildcard = await tui.waitFor('granted by');
	expect(wildcard).toContain(`on ${REPORTS} only`);

	tui.write('e');
	await tui.waitFor('e edits');
	tui.write(keys.down);
	tui.write(keys.backspace);
	await tui.type('arn:aws:s3:::reports/q3.csv');
	await tui.waitFor('on arn:aws:s3:::reports/q3.csv');
	tui.write(keys.enter);
	const one = await tui.waitFor('Allowed — s3:GetObject on arn:aws:s3:::reports/q3.csv');
	expect(one).toContain('granted by allow: user → inline policy Reports → statement #1');
	expect(one).not.toContain(' only');
	tui.unmount();
});

it('who-can on a resource with a policy variable says first that it is taken as written', async () => {
	const asked = 'arn:aws:s3:::reports/${aws:username}/x';
	const tui = inApp(<WhoCanScreen focused width={120} height={40} model={model} initial={{action: 's3:GetObject', resource: asked}} onOpenUser={noop} onOpenGroup={noop} onBack={noop} />);
	const frame = await tui.waitFor(`Users who can s3:GetObject on ${asked}`);
	const rows = frame.split('\n');
	const noteAt = rows.findIndex(row => row.includes('the resource is taken as written: ${aws:username} in it is those characters'));
	expect(noteAt).toBeGreaterThan(0);
	expect(noteAt).toBeLessThan(rows.findIndex(row => row.includes('Users who can')));
	// Said once: not again under Notes at the end.
	expect(frame).not.toContain('Notes');
	// The cursor starts on it, so it is shown whole below the list (the example to ask instead is its end).
	expect(rows.find(row => row.startsWith('› '))).toContain('› the resource is taken as written');
	expect(frame.replaceAll(/\s+/g, ' ')).toContain('e.g. arn:aws:s3:::reports/ana.silva/x');
	tui.write(keys.down);
	await tui.waitForFrame(f => /› \S+ {2}(Allowed|Conditional)/.test(f));
	tui.unmount();
});
