// A <Text> that says what it is (a tone) rather than how it looks: the theme in context decides the
// colour, dim and weight (ui/theme.ts).
import {Text, type TextProps} from 'ink';
import {toneProps, useTheme, type Tone} from '../theme.js';

export function ToneText({tone, ...text}: TextProps & {tone: Tone | undefined}) {
	const theme = useTheme();
	return <Text {...toneProps(theme, tone)} {...text} />;
}
