import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface TerminalSize {
	columns: number;
	rows: number;
}

/** The terminal's size, updated on resize; 80×24 when the stream does not say (pipes, tests). */
export const useTerminalSize = (): TerminalSize => {
	const {stdout} = useStdout();
	const [size, setSize] = useState<TerminalSize>(() => readSize(stdout));
	useEffect(() => {
		const onResize = () => setSize(readSize(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
};

const readSize = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: Math.max(20, stdout.columns || 80),
	rows: Math.max(8, stdout.rows || 24),
});
