// A stdin Ink accepts as a raw-mode TTY: write() delivers keys the way Ink reads them (readable + read,
// and data). Shared by the ui tests' renderer, the hostile-output test and the keypress benchmark.
import {EventEmitter} from 'node:events';

export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;
	write = (data: string) => {
		this.pending = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const data = this.pending;
		this.pending = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}
