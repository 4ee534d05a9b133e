// The OS clipboard, behind a two-method interface so the auto-clear logic (clipboard-auto-clear.ts) can be tested
// with a fake. clipboardy is loaded on first use: it is not needed to draw the first frame.

export interface Clipboard {
	write(text: string): Promise<void>;
	read(): Promise<string>;
}

const clipboardy = async () => (await import('clipboardy')).default;

/** The system clipboard (pbcopy, xsel/wl-clipboard, PowerShell…); fails on a machine without a display. */
export const systemClipboard: Clipboard = {
	async write(text) {
		await (await clipboardy()).write(text);
	},
	async read() {
		return (await clipboardy()).read();
	},
};
