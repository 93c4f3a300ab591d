/** WordNet's `noun.person` lexicographer file: the number its data lines give in their second field. */
const NOUN_PERSON = '18';

/**
 * The single words (letters only) of WordNet's noun index whose first, most frequent sense lies in
 * `noun.person` and is no instance of a class (a particular person, pointer `@i`), in index order; with
 * `instances`, those whose first sense is one: a particular person's name ("castro", "kissinger").
 */
export function personNounsOf(index: string, data: string, instances = false): string[] {
  const words: string[] = [];
  for (const line of index.split('\n')) {
    if (!line || line.startsWith(' ')) continue; // the licence header
    const fields = line.split(' ');
    const lemma = fields[0]!;
    if (!/^[a-z]+$/.test(lemma)) continue;
    const offset = Number(fields[6 + Number(fields[3])]);
    const synset = data.slice(offset, data.indexOf('\n', offset)).split(' ');
    if (synset[1] !== NOUN_PERSON) continue;
    const wordCount = parseInt(synset[3]!, 16);
    const pointerCount = Number(synset[4 + 2 * wordCount]);
    const pointers = synset.slice(5 + 2 * wordCount, 5 + 2 * wordCount + 4 * pointerCount);
    if (pointers.some((symbol, i) => i % 4 === 0 && symbol === '@i') !== instances) continue;
    words.push(lemma);
  }
  return words;
}
