import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  findRepoRoot,
  gain,
  ndcgAt,
  parseDocuments,
  parseQrels,
  parseQueries,
  scoreRun,
} from '../../scripts/cranfield.js';

const DOCS = `.I 1
.T
experimental investigation of the aerodynamics of a
wing in a slipstream .
.A
brenckman,m.
.B
j. ae. scs. 25, 1958, 324.
.W
experimental investigation of the aerodynamics of a
wing in a slipstream .
  an experimental study of a wing .
.I 2
.T
simple shear flow .
.A
ting-yili
.B
rensselaer
.W
first part .
.A
stray author line
.W
second part .
`;

const QUERIES = `.I 001
.W
what similarity laws must be obeyed
when constructing aeroelastic models .
.I 004
.W
what problems of heat conduction .
`;

describe('Cranfield', () => {
  describe('parseDocuments', () => {
    const docs = parseDocuments(DOCS);

    it('reads every field of every document', () => {
      expect(docs).toHaveLength(2);
      expect(docs[0]).toEqual({
        id: '1',
        title: 'experimental investigation of the aerodynamics of a\nwing in a slipstream .',
        author: 'brenckman,m.',
        source: 'j. ae. scs. 25, 1958, 324.',
        text: 'experimental investigation of the aerodynamics of a\nwing in a slipstream .\n  an experimental study of a wing .',
      });
    });

    it('keeps both parts of a field the file marks twice', () => {
      expect(docs[1]?.text).toBe('first part .\nsecond part .');
      expect(docs[1]?.author).toBe('ting-yili\nstray author line');
    });
  });

  describe('parseQueries', () => {
    it('numbers queries by their order in the file, not their .I', () => {
      const queries = parseQueries(QUERIES);
      expect(queries.map((q) => [q.id, q.number])).toEqual([
        ['1', '001'],
        ['2', '004'],
      ]);
      expect(queries[0]?.text).toBe('what similarity laws must be obeyed\nwhen constructing aeroelastic models .');
    });
  });

  describe('parseQrels', () => {
    it('reads query, document and grade, including −1', () => {
      const qrels = parseQrels('1 184 2 \n1 29 -1\n2 12 4\n\n');
      expect([...(qrels.get('1') ?? [])]).toEqual([
        ['184', 2],
        ['29', -1],
      ]);
      expect(qrels.get('2')?.get('12')).toBe(4);
    });
  });

  describe('gain', () => {
    it('is 5 − grade for grades 1–4 and 0 otherwise', () => {
      expect([1, 2, 3, 4, -1].map(gain)).toEqual([4, 3, 2, 1, 0]);
      expect(gain(undefined)).toBe(0);
    });
  });

  describe('ndcgAt', () => {
    // Judged: a grade 1 (gain 4), b grade 3 (gain 2), c grade −1 (gain 0).
    const judged = new Map([
      ['a', 1],
      ['b', 3],
      ['c', -1],
    ]);

    it('is 1 for the ideal ranking', () => {
      expect(ndcgAt(['a', 'b', 'c'], judged, 10)).toBeCloseTo(1, 12);
    });

    it('matches a hand computation for a worse ranking', () => {
      // DCG = 0/log2(2) + 2/log2(3) + 4/log2(4) = 1.26186 + 2 = 3.26186
      // IDCG = 4/log2(2) + 2/log2(3) = 4 + 1.26186 = 5.26186
      expect(ndcgAt(['c', 'b', 'a'], judged, 10)).toBeCloseTo(3.261860 / 5.261860, 5);
    });

    it('only counts the first k ranks', () => {
      // k = 1: DCG = gain(b) = 2, IDCG = gain(a) = 4.
      expect(ndcgAt(['b', 'a'], judged, 1)).toBeCloseTo(0.5, 12);
    });

    it('is null for a query with nothing relevant', () => {
      expect(ndcgAt(['a'], new Map([['a', -1]]), 10)).toBeNull();
    });
  });

  describe('averagePrecision', () => {
    const judged = new Map([
      ['a', 1],
      ['b', 4],
      ['c', -1],
      ['d', 2],
    ]);

    it('matches a hand computation', () => {
      // Relevant: a, b, d (3). Ranking x a c b: a at 2 (P = 1/2), b at 4 (P = 2/4), d never.
      // AP = (0.5 + 0.5 + 0) / 3 = 1/3
      expect(averagePrecision(['x', 'a', 'c', 'b'], judged)).toBeCloseTo(1 / 3, 12);
    });

    it('is 1 when the relevant documents come first', () => {
      expect(averagePrecision(['d', 'a', 'b', 'c'], judged)).toBeCloseTo(1, 12);
    });
  });

  describe('scoreRun', () => {
    it('averages over queries and treats a missing run as an empty ranking', () => {
      const qrels = parseQrels('1 a 1\n2 b 1\n');
      const score = scoreRun(new Map([['1', ['a']]]), qrels);
      expect(score).toEqual({ ndcg10: 0.5, map: 0.5, queries: 2 });
    });
  });

  describe('findRepoRoot', () => {
    it('walks up to the nearest package.json', () => {
      const root = mkdtempSync(join(tmpdir(), 'cran-root-'));
      writeFileSync(join(root, 'package.json'), '{}');
      const deep = join(root, 'dist', 'scripts');
      mkdirSync(deep, { recursive: true });
      expect(findRepoRoot(deep)).toBe(root);
    });
  });
});
