import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/lexicon/lexicon.js';
import { wordNet } from '../../src/lexicon/wordnet.js';
import { parseSimilarWords, similarWords, type SimilarWords } from '../../src/lexicon/similar.js';
import { analyzeQuery } from '../../src/search/query.js';
import { expansionOf, RELATED } from '../../src/search/query-expansion.js';
import { domainAliases } from '../../src/search/aliases.js';

const vocabulary = new Set(['prison', 'diplomat', 'death', 'plane', 'castro', 'ambassador', 'missil', 'us', 'releas', 'start', 'tv', 'handshak', 'establish', 'group', 'intermediari', 'travel']);
const known = (term: string) => vocabulary.has(term);

describe('the lexicon', () => {
  describe('built from WordNet and restricted to a vocabulary', () => {
    const lexicon = Lexicon.build(wordNet(), known);

    it('bridges a synonym, a hypernym and a derivation to the corpus’s own words', () => {
      expect(lexicon.related('captiv')).toContainEqual({ term: 'prison', relation: 'synonym' });
      expect(lexicon.related('envoi')).toContainEqual({ term: 'diplomat', relation: 'hypernym' });
      expect(lexicon.related('die')).toContainEqual({ term: 'death', relation: 'derivation' });
    });

    it('never gives a name its instance’s class ("castro" is no "socialist", "cuba" no "island"), while a common word keeps its hypernym', () => {
      const classes = Lexicon.build(wordNet(), (t) => ['socialist', 'communist', 'island', 'countri', 'diplomat', 'citi'].includes(t));
      for (const name of ['castro', 'cuba', 'kissing', 'dalla']) expect(classes.related(name)).toEqual([]);
      expect(classes.related('envoi')).toContainEqual({ term: 'diplomat', relation: 'hypernym' });
    });

    it('bridges an adverb to the adjective it is made from ("secretly" → "secret"), never an adjective to its noun ("nuclear" → "nucleus")', () => {
      const forms = Lexicon.build(wordNet(), (t) => ['secret', 'public', 'nucleu'].includes(t));
      expect(forms.related('secretli')).toContainEqual({ term: 'secret', relation: 'derivation' });
      expect(forms.related('publicli')).toContainEqual(expect.objectContaining({ term: 'public' }));
      expect(forms.related('nuclear')).toEqual([]);
    });

    it('bridges a hyponym: the corpus’s word is the more specific one', () => {
      expect(lexicon.related('diplomat')).toContainEqual({ term: 'ambassador', relation: 'hyponym' });
      expect(lexicon.related('weapon')).toContainEqual({ term: 'missil', relation: 'hyponym' });
    });

    it('reaches a kind under a kind named only by compounds ("aircraft" → "heavier-than-air craft" → "plane"), never a class above one', () => {
      expect(lexicon.related('aircraft')).toContainEqual({ term: 'plane', relation: 'hyponym' });
      const thinking = Lexicon.build(wordNet(), (t) => ['process', 'research', 'think'].includes(t));
      expect(thinking.related('think').map((r) => r.term)).not.toContain('process');
    });

    it('finds an inflected verb’s links under the stem the stemmer leaves it ("freed", irregular "began")', () => {
      expect(lexicon.related('free')).toContainEqual({ term: 'releas', relation: 'synonym' });
      expect(lexicon.related('freed')).toEqual(lexicon.related('free'));
      expect(lexicon.related('begin')).toContainEqual({ term: 'start', relation: 'synonym' });
      expect(lexicon.related('began')).toEqual(lexicon.related('begin'));
    });

    it('never bridges to a longer word stemmed to two letters, which is another word more often than not ("use" → "us")', () => {
      for (const term of ['usag', 'util', 'employ', 'consum', 'function']) expect(lexicon.related(term).map((r) => r.term)).not.toContain('us');
      const withUse = Lexicon.build(wordNet(), (t) => t === 'us' || t === 'usag');
      expect(withUse.related('usag')).toEqual([]);
    });

    it('bridges words that mean something together ("shake hands", "set up") by their content words and particle', () => {
      expect(lexicon.related('shake hand')).toContainEqual({ term: 'handshak', relation: 'derivation' });
      expect(lexicon.related('set up')).toContainEqual({ term: 'establish', relation: 'synonym' });
      // Not a compound's head or class, which the question holds or says nothing of.
      expect(lexicon.related('abelian group')).toEqual([]);
    });

    it('bridges to a word of two letters that is itself ("television" → "TV")', () => {
      expect(lexicon.related('televis')).toContainEqual({ term: 'tv', relation: 'synonym' });
    });

    it('holds nothing but the vocabulary’s terms', () => {
      const decoded = Lexicon.decode(lexicon.encode().toString('utf8'));
      expect(decoded.size).toBe(lexicon.size);
      expect(decoded.related('captiv')).toEqual(lexicon.related('captiv'));
      for (const term of ['captiv', 'envoi', 'die', 'aircraft']) for (const r of lexicon.related(term)) expect(vocabulary.has(r.term)).toBe(true);
    });

    it('follows only the relations asked for', () => {
      const synonyms = Lexicon.build(wordNet(), known, { relations: ['synonym'] });
      expect(synonyms.related('envoi')).toEqual([]);
      expect(synonyms.related('captiv')).toContainEqual({ term: 'prison', relation: 'synonym' });
    });

    it('follows a word’s rarer senses when its first relate to nothing in the vocabulary, never to a class above it', () => {
      const speech = new Set(['speech', 'flight', 'diplomat', 'clergyman']);
      const deeper = Lexicon.build(wordNet(), (t) => speech.has(t));
      expect(deeper.related('address')).toEqual([{ term: 'speech', relation: 'synonym' }]);
      expect(deeper.related('escap')).toEqual([{ term: 'flight', relation: 'synonym' }]);
      expect(deeper.related('minist')).toEqual([{ term: 'clergyman', relation: 'hypernym' }]);
      expect(Lexicon.build(wordNet(), (t) => t === 'diplomat').related('minist')).toEqual([]);
      const first = Lexicon.build(wordNet(), (t) => speech.has(t), { fallbackSenses: 2 });
      expect(first.related('address')).toEqual([]);
      expect(first.related('escap')).toEqual([]);
    });

    it('adds the vocabulary’s words most used alike, after a word’s WordNet relatives and never one of them', () => {
      const alike: SimilarWords = new Map([
        ['soldiers', [['troops', 0.9], ['forces', 0.82], ['guards', 0.78], ['military', 0.76]]],
        ['soldier', [['military', 0.8], ['troops', 0.63]]],
        ['captives', [['prisoners', 0.78], ['detained', 0.76]]],
      ]);
      const army = new Set(['troop', 'forc', 'guard', 'militari', 'prison', 'detain']);
      const built = Lexicon.build(wordNet(), (t) => army.has(t), { similarPerWord: 3 }, alike);
      // "soldier" and "soldiers" are one term, "military" as alike as its best word says (0.8 above 0.76).
      expect(built.related('soldier')).toEqual([
        { term: 'troop', relation: 'similar' },
        { term: 'forc', relation: 'similar' },
        { term: 'militari', relation: 'similar' },
      ]);
      // "prisoners" is a synonym already: the synonym stays, and only "detained" is added.
      expect(built.related('captiv')).toEqual([
        { term: 'prison', relation: 'synonym' },
        { term: 'detain', relation: 'similar' },
      ]);
      expect(Lexicon.build(wordNet(), (t) => army.has(t), { similarPerWord: 1 }, alike).related('soldier')).toEqual([{ term: 'troop', relation: 'similar' }]);
      expect(Lexicon.build(wordNet(), (t) => army.has(t), { relations: ['synonym'] }, alike).related('soldier')).toEqual([]);
      expect(Lexicon.decode(built.encode().toString('utf8')).related('soldier')).toEqual(built.related('soldier'));
    });

    it('reads the committed table of words used alike ("soldiers" → "troops", "topple" → "overthrow")', () => {
      const table = similarWords();
      expect(table.get('soldiers')?.[0]).toEqual(['troops', 0.89]);
      for (const row of table.values()) for (const [, similarity] of row) expect(similarity).toBeGreaterThanOrEqual(0.75);
      const built = Lexicon.build(wordNet(), (t) => t === 'troop' || t === 'overthrow');
      expect(built.related('soldier')).toEqual([{ term: 'troop', relation: 'similar' }]);
      expect(built.related('toppl')).toEqual([{ term: 'overthrow', relation: 'similar' }]);
    });

    it('refuses a malformed entry of a table of words used alike', () => {
      expect(() => parseSimilarWords('{"words":{"soldiers":"troops:90 forces"}}')).toThrow(/malformed entry "forces"/);
      expect(() => parseSimilarWords('{"words":{"soldiers":"troops:190"}}')).toThrow(/malformed/);
      expect(parseSimilarWords('{"words":{"soldiers":"troops:90 forces:82"}}').get('soldiers')).toEqual([['troops', 0.9], ['forces', 0.82]]);
    });

    it('refuses a malformed saved line when it is read', () => {
      expect(() => Lexicon.decode('captiv\tprison:x').related('captiv')).toThrow(/malformed/);
      expect(() => Lexicon.decode('no tab here').related('captiv')).toThrow(/no term/);
    });

    it('finds every term of a saved table, and none that it lacks', () => {
      const decoded = Lexicon.decode(lexicon.encode().toString('utf8'));
      for (const term of ['captiv', 'envoi', 'die']) expect(decoded.related(term)).toEqual(lexicon.related(term));
      expect(decoded.related('zzzz')).toEqual([]);
      expect(decoded.related('a')).toEqual([]);
    });

    it('reads a saved line again after more distinct words than it remembers were looked up', () => {
      const decoded = Lexicon.decode(lexicon.encode().toString('utf8'));
      const captive = decoded.related('captiv');
      expect(captive.length).toBeGreaterThan(0);
      for (let i = 0; i < 140_000; i++) decoded.related(`w${i}`);
      expect(decoded.related('captiv')).not.toBe(captive);
      expect(decoded.related('captiv')).toEqual(captive);
    });
  });

  describe('in a question', () => {
    const lexicon = Lexicon.build(wordNet(), known);
    const q = analyzeQuery('where were the captives held', null, { known, related: (t) => lexicon.related(t) });

    it('searches related words below the question’s own', () => {
      const own = q.plan.terms.find((t) => t.term === 'captiv')!;
      const related = q.plan.terms.find((t) => t.term === 'prison')!;
      expect(own.weight).toBe(1);
      expect(related.weight).toBe(RELATED.synonym.search);
      expect(related.weight).toBeLessThan(own.weight);
    });

    it('credits a word used alike but neither searches nor marks it, as it may mean otherwise', () => {
      const alike: SimilarWords = new Map([['soldiers', [['troops', 0.9]]]]);
      const troops = Lexicon.build(wordNet(), (t) => t === 'troop' || t === 'castro', {}, alike);
      const sent = analyzeQuery('where did castro send soldiers', null, { known: (t) => t === 'troop' || t === 'castro', related: (t) => troops.related(t) });
      expect(sent.concepts.find((c) => c.term === 'soldier')!.related).toEqual([{ term: 'troop', relation: 'similar' }]);
      expect(sent.plan.terms.map((t) => t.term)).not.toContain('troop');
      expect(sent.markTerms.has('troop')).toBe(false);
      expect(RELATED.similar.credit).toBeLessThan(RELATED.hyponym.credit);
    });

    it('keeps a word’s words used alike beyond the cap on its WordNet relatives, and out of their share of its weight', () => {
      const six = ['wai', 'messag', 'symbol', 'sens', 'refer', 'idea'].map((term) => ({ term, relation: 'synonym' as const }));
      const table = new Lexicon(new Map([['meant', [...six, { term: 'implement', relation: 'synonym' as const }, { term: 'intend', relation: 'similar' as const }]]]));
      const expansion = expansionOf('meant', { related: (t) => table.related(t), aliases: null });
      expect(expansion.related.map((r) => r.term)).toEqual([...six.map((r) => r.term), 'intend']);
      expect(expansion.terms.map((t) => t.weight)).toEqual(six.map(() => RELATED.synonym.search / Math.sqrt(6)));
    });

    it('credits and marks a class or a kind of the word but never searches it', () => {
      const envoy = analyzeQuery('who was the envoy', null, { known, related: (t) => lexicon.related(t) });
      expect(envoy.concepts.find((c) => c.term === 'envoi')!.related).toContainEqual({ term: 'diplomat', relation: 'hypernym' });
      expect(envoy.plan.terms.map((t) => t.term)).not.toContain('diplomat');
      expect(envoy.markTerms.has('diplomat')).toBe(true);
    });

    it('relates what neighbouring words, or a verb and its particle, mean together to each of them', () => {
      const shake = analyzeQuery('where did they shake hands', null, { known, related: (t) => lexicon.related(t) });
      for (const term of ['shake', 'hand']) expect(shake.concepts.find((c) => c.term === term)!.related.map((r) => r.term)).toContain('handshak');
      const setUp = analyzeQuery('what did Carter set up in Havana', null, { known, related: (t) => lexicon.related(t) });
      expect(setUp.concepts.find((c) => c.term === 'set')!.related.map((r) => r.term)).toContain('establish');
      const setOf = analyzeQuery('what did Carter set of Havana', null, { known, related: (t) => lexicon.related(t) });
      expect(setOf.concepts.find((c) => c.term === 'set')!.related.map((r) => r.term)).not.toContain('establish');
    });

    it('reads a hyphenated word the lexicon knows whole by its own meaning, not its parts’ ("go-between" is no "go")', () => {
      const ask = (question: string) => analyzeQuery(question, null, { known, related: (t) => lexicon.related(t) });
      const goBetween = ask('who was the go-between').concepts.find((c) => c.term === 'go')!.related.map((r) => r.term);
      expect(goBetween).toContain('intermediari');
      expect(goBetween).not.toContain('travel');
      expect(ask('where did they go').concepts.find((c) => c.term === 'go')!.related.map((r) => r.term)).toContain('travel');
    });

    it('never expands a name', () => {
      const named = analyzeQuery('who met Castro', null, { known, related: () => [{ term: 'prison', relation: 'synonym' }] });
      expect(named.concepts.find((c) => c.term === 'castro')!.related).toEqual([]);
    });

    it('never expands the words of a proper name of several words the alias table knows, typed in lower case ("white house"), but does a phrase’s ("secret talks")', () => {
      const related = () => [{ term: 'prison', relation: 'synonym' as const }];
      const q = analyzeQuery('who found the white house tape of the secret talks', domainAliases, { known, related });
      for (const term of ['white', 'hous']) expect(q.concepts.find((c) => c.term === term)!.related).toEqual([]);
      for (const term of ['tape', 'talk']) expect(q.concepts.find((c) => c.term === term)!.related).not.toEqual([]);
    });
  });
});
