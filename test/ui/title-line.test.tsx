// A detail screen's title is one row, whatever the name: at 80×24 a 64-character user name beside "(A: effective
// access)" used to wrap the hint onto a second row while the list below was sized for one, so the ARN and the
// "created" line were drawn over each other (seen in tmux). A long name keeps its start and its end (IAM names may
// differ only at the end), and the badges stay whole.
import {expect, it} from 'vitest';
import type {Group, User} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, users} from '../fixtures/account.js';
import {appHarness} from '../helpers/app.js';
import {jump} from '../helpers/moto-app.js';
import {keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();
const NAME = `platform-build-agent-for-the-shared-services-account-012345-east`;
const bruno = users.find(user => user.name === 'bruno.costa')!;
const longUser: User = {...bruno, name: NAME, path: '/engineering/platform/', arn: `arn:aws:iam::${ACCOUNT}:user/engineering/platform/${NAME}`};
const GROUP = `Platform-Engineering-Shared-Services-${'a'.repeat(86)}-east`;
const longGroup: Group = {...groups[4]!, name: GROUP, arn: `arn:aws:iam::${ACCOUNT}:group/${GROUP}`};

const start = () =>
	harness.start({columns: 80, rows: 24, snapshot: fixtureSnapshot({users: [...users, longUser], groups: [...groups, longGroup]})});

const rows = (frame: string) => frame.split('\n');

/** Filters the list to one row and opens it. */
const openOnly = async (tui: Rendered, filter: string, total: number) => {
	tui.write(`/${filter}`);
	await tui.waitFor(`1 of ${total} · enter keep`);
	tui.write(keys.enter);
	await tui.waitFor(`1 of ${total} · esc clears`);
	tui.write(keys.enter);
};

it('a 64-character user name: the title is one row with the end of the name and its hint; the ARN row is not overdrawn', async () => {
	expect(NAME).toHaveLength(64);
	const {tui} = start();
	await tui.waitFor('Users (13)');
	await openOnly(tui, 'platform-build', 13);
	const frame = await tui.waitFor('(A: effective access)');
	const [, title, next, after] = rows(frame);
	expect(title).toMatch(/^User platform-build.*….*-east {2}\(A: effective access\)$/);
	expect(title!.length).toBeLessThanOrEqual(80);
	expect(next).toMatch(/^[› ] arn:aws:iam::123456789012:user\/engineering\/platform\/platform-build/);
	expect(after).toMatch(/^[› ] created .* · path \/engineering\/platform\/$/);

	tui.write('A');
	const access = await tui.waitFor('Allowed by service');
	expect(rows(access)[1]).toMatch(/^Access of platform-build.*-east$/);
});

it('a 128-character group name: the Group screen shows its end', async () => {
	const {tui} = start();
	await tui.waitFor('Users (13)');
	await jump(tui, 'groups', 'Groups (6)');
	await openOnly(tui, 'aaaa-east', 6);
	const frame = await tui.waitFor('Group Platform-Engineering');
	const title = rows(frame)[1]!;
	expect(title).toMatch(/^Group Platform-Engineering.*….*-east$/);
	expect(title.length).toBeLessThanOrEqual(80);
});
