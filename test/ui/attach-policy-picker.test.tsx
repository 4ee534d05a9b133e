// The attach-policy pickers offer every AWS managed policy (issue 16, item 5d), read through the real
// gateway from moto (ListPolicies Scope=AWS; moto serves AWS's managed policies): searched by name,
// picked, planned and attached — not only the account's own and a short hard-coded list.
import {expect, it} from 'vitest';
import {EMPTY_GROUP} from '../../scripts/seed.js';
import {filterTo} from '../helpers/group-steps.js';
import {keys, type Rendered} from '../helpers/render.js';
import {jump, motoAppHarness, openFiltered} from '../helpers/moto-app.js';
import {describeWithMoto} from '../helpers/with-moto.js';

/** In an open picker: waits for the whole AWS list, `/name`, keeps the filter, picks the row. */
const pick = async (tui: Rendered, title: string, policy: string) => {
	await tui.waitForFrame(frame => frame.includes(title) && !frame.includes('listing every AWS managed policy'), {timeoutMs: 20_000});
	const total = Number(new RegExp(`${title}[^(]*\\((\\d+)\\)`).exec(tui.lastFrame())?.[1]);
	expect(total).toBeGreaterThan(500);
	tui.write('/');
	await tui.waitFor('type to filter');
	await tui.type(policy);
	const found = await tui.waitForFrame(frame => frame.includes(`/${policy}`) && /\b1 of \d+/.test(frame));
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
	tui.write(keys.enter);
	return found;
};

describeWithMoto('attach-policy pickers: every AWS managed policy', () => {
	const harness = motoAppHarness();

	it('a group: AmazonS3ReadOnlyAccess (attached nowhere, in no short list) is found by name and attached', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'groups', /Groups \(\d+\)/);
		await openFiltered(tui, EMPTY_GROUP, `Group ${EMPTY_GROUP}`);
		tui.write('m');
		await pick(tui, `Attach a managed policy to group ${EMPTY_GROUP}`, 'AmazonS3ReadOnlyAccess');
		const plan = await tui.waitFor(`aws iam attach-group-policy --group-name ${EMPTY_GROUP} --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`);
		expect(plan).toContain('AmazonS3ReadOnlyAccess');
		tui.write('y');
		await tui.waitFor('enter/esc goes back', {timeoutMs: 10_000});
		tui.write(keys.enter);
		await tui.waitForFrame(frame => frame.includes(`Group ${EMPTY_GROUP}`) && frame.includes('AmazonS3ReadOnlyAccess'), {timeoutMs: 10_000});
	});

	it('a user: AmazonEC2ReadOnlyAccess is offered and planned', async () => {
		const {tui} = await harness.start();
		await openFiltered(tui, 'eli.cohen');
		tui.write('m');
		const found = await pick(tui, 'Attach a managed policy to eli.cohen', 'AmazonEC2ReadOnlyAccess');
		// Its columns say what they hold, and the row names its kind once (not "AWS managed · AWS managed").
		expect(found).toMatch(/POLICY\s+ABOUT/);
		expect(found).toMatch(/› AmazonEC2ReadOnlyAccess\s+AWS managed\s*$/m);
		await tui.waitFor('aws iam attach-user-policy --user-name eli.cohen --policy-arn arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess');
	});
});

describeWithMoto('the create-group wizard: every AWS managed policy', () => {
	const harness = motoAppHarness();

	it('n on :groups, a name, then AmazonS3ReadOnlyAccess (in no short list) found by name, marked and planned with the group', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'groups', /Groups \(\d+\)/);
		tui.write('n');
		await tui.waitFor('Create a group');
		await tui.type('S3Readers');
		await tui.waitFor('S3Readers');
		tui.write(keys.enter);
		await tui.waitFor(/› Path/);
		tui.write(keys.enter);
		const title = 'Policies to attach to S3Readers';
		// The count follows the title (a long title is cut before it): the whole AWS list is in once it passes 500.
		const shown = (frame: string) => Number(/\((\d+)\)(?: · row \d+\/\d+)?$/.exec(frame.split('\n').find(line => line.includes(title)) ?? '')?.[1]);
		await tui.waitForFrame(frame => shown(frame) > 500, {timeoutMs: 20_000});
		expect(tui.lastFrame()).not.toContain('listing every AWS managed policy');
		await filterTo(tui, 'AmazonS3ReadOnlyAccess');
		tui.write(' ');
		await tui.waitFor('with 1 marked');
		tui.write(keys.enter);
		const plan = await tui.waitFor('aws iam attach-group-policy --group-name S3Readers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
		expect(plan).toContain('aws iam create-group --group-name S3Readers');
	});
});
