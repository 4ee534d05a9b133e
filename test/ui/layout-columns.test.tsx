// Columns share the width by content (issue 16, item 10): at 200×60 a long ARN and an id longer than the
// column's minimum show whole (a growing TITLE no longer takes all the room); at 80×24 the short id still
// shows whole and no line is wider than the terminal.
import {readFileSync} from 'node:fs';
import {afterEach, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {parseTemplate} from '../../source/model/templates.js';
import {PoliciesScreen} from '../../source/ui/screens/PoliciesScreen.js';
import {TemplateStep} from '../../source/ui/screens/TemplateStep.js';
import {ACCOUNT, fixtureSnapshot, policies} from '../fixtures/account.js';
import {renderTui, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());
const noop = () => {};
const widest = (frame: string) => Math.max(...frame.split('\n').map(line => Array.from(line).length));

const LONG_NAME = 'AWSApplicationMigrationReplicationServerPolicy';
const LONG_ARN = `arn:aws:iam::${ACCOUNT}:policy/service-role/migration/${LONG_NAME}`;

it(':policies at 200×60 shows a 101-character ARN and the long name whole', async () => {
	const long = {...policies[0]!, name: LONG_NAME, arn: LONG_ARN, path: '/service-role/migration/'};
	const index = buildIndex(fixtureSnapshot({policies: [...policies, long]}));
	ui = renderTui(<PoliciesScreen index={index} onOpenPolicy={noop} focused width={200} height={58} />, {columns: 200, rows: 60});
	const frame = await ui.waitFor('Policies (6)');
	expect(frame).toContain(LONG_ARN);
	expect(frame).toMatch(new RegExp(`${LONG_NAME} +customer`));
	expect(widest(frame)).toBeLessThanOrEqual(200);
});

const inventory = parseTemplate('read-only-inventory-tool', readFileSync(new URL('../../templates/inventory-read-only.json', import.meta.url), 'utf8'));
const picker = (width: number, height: number) => (
	<TemplateStep title="New policy from a template" templates={[inventory]} onChoose={noop} load={async () => inventory} onCancel={noop} focused width={width} height={height} />
);

it('the template picker at 200×60 shows the whole id read-only-inventory-tool', async () => {
	ui = renderTui(picker(200, 58), {columns: 200, rows: 60});
	const frame = await ui.waitFor('TEMPLATE');
	expect(frame).toMatch(/› read-only-inventory-tool +\S/);
	expect(widest(frame)).toBeLessThanOrEqual(200);
});

it('the template picker at 80×24 still shows the whole id, within 80 columns', async () => {
	ui = renderTui(picker(80, 22), {columns: 80, rows: 24});
	const frame = await ui.waitFor('TEMPLATE');
	expect(frame).toMatch(/› read-only-inventory-tool +\S/);
	expect(frame).not.toContain('read-only-inventory-to…');
	expect(widest(frame)).toBeLessThanOrEqual(80);
});
