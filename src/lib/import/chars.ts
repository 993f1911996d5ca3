/** Character classes the importer reasons with. */

const HAN = /^\p{Script=Han}$/u;

export const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);

/** Characters that can end a sentence or a paragraph in Chinese print (closing quotes included). */
const TERMINAL = /[。！？!?…；;：:”’」』）)》]$/u;
export const endsSentence = (text: string): boolean => TERMINAL.test(text.trimEnd());

/** Han characters only: what survives when comparing texts for duplicates. */
export const hanKey = (text: string): string => text.normalize('NFKC').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');

/** Ends with a stop that closes a sentence (a closing quote alone does not: “快乐老家” can end a headline). */
export const endsWithStop = (text: string): boolean => /[。！？!?…；;：:][”’」』）)]?$/u.test(text.trimEnd());
