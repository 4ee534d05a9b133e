// The template picker at 80×24: every template's notes and the key hint are shown whole under the list,
// which gives up rows for them (it used to cut the notes of the longer templates at the bottom).
import {afterEach, describe, expect, it} from 'vitest';
import {listTemplates} from '../../source/store/template-files.js';
import {wrapText} from '../../source/ui/components/text.js';
import {TemplateStep} from '../../source/ui/screens/TemplateStep.js';
import {keys, renderTui, type Rendered} from '../helpers/render.js';

const noop = () => {};
let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** The frame's text with lines joined, so a note wrapped over rows reads as written. */
const joined = (frame: string) => frame.split('\n').map(line => line.trim()).join(' ');

describe('template picker at 80×24', () => {
	it('shows each template\'s notes whole and the key hint, moving through every template', async () => {
		const templates = await listTemplates();
		const withNotes = templates.filter(t => t.notes.length > 0);
		// The case means something: templates whose notes need several rows at 80 columns.
		expect(withNotes.some(t => t.notes.reduce((rows, note) => rows + wrapText(note, 78).length, 0) >= 3)).toBe(true);
		// The height the wizard gives the picker at 24 rows (the top line and footer take two).
		ui = renderTui(<TemplateStep title="New policy from a template" templates={templates} onChoose={noop} load={async () => templates[0]!} onCancel={noop} focused width={80} height={22} />, {columns: 80, rows: 24});
		for (const [n, template] of templates.entries()) {
			const frame = await ui.waitFor(template.title);
			const text = joined(frame);
			for (const note of template.notes) expect(text, `${template.id}: ${note}`).toContain(`note: ${note}`.replace(/\s+/g, ' '));
			expect(frame, template.id).toContain('enter chooses');
			expect(frame.split('\n').length).toBeLessThanOrEqual(22);
			if (n < templates.length - 1) {
				ui.write(keys.down);
				await ui.waitForFrame(f => f.includes(templates[n + 1]!.title) && f !== frame);
			}
		}
	});
});
