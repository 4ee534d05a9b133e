import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface TerminalSize {
	columns: number;
	rows: number;
}

// Erase the screen, cursor to the top-left corner.
const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/**
 * The terminal's size, updated on resize; 80×24 when the stream does not say (pipes, tests).
 * On a resize the frame is drawn again from the top-left corner of a cleared screen: Ink draws
 * incrementally, moving up from where it left the cursor, and a resize can move what is on the screen
 * under it (a terminal that loses rows drops its top ones; resizes in quick succession arrive as one).
 */
export const useTerminalSize = (): TerminalSize => {
	const {stdout, write} = useStdout();
	const [size, setSize] = useState<TerminalSize>(() => readSize(stdout));
	useEffect(() => {
		const onResize = () => {
			// Ink's write() erases its frame, writes this, and draws its frame again below it.
			write(CLEAR_SCREEN);
			setSize(readSize(stdout));
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, write]);
	return size;
};

const readSize = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: Math.max(20, stdout.columns || 80),
	rows: Math.max(8, stdout.rows || 24),
});
