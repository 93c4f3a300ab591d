import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCustomId, encodeCustomId, footerLines, planCustomId, readFooterValue } from '../../../adapters/discord/custom-id.js';

describe('button custom_id', () => {
  describe('encoding', () => {
    it('writes an action compactly, with typed values', () => {
      expect(encodeCustomId({ action: 'more', command: 'ask', private: false, args: { question: 'who was Lisa Howard', page: 2 } })).toBe(
        'bc1:more:ask:-:question=swho was Lisa Howard&page=n2',
      );
      expect(encodeCustomId({ action: 'context', command: 'passage', private: true, args: { id: 'pings#p1', full: true } })).toBe(
        'bc1:context:passage:p:id=spings#p1&full=t',
      );
    });

    it('reads back exactly what it wrote, separators in values included', () => {
      // Option values are JSON numbers, which have no negative zero: -0 is written as "0" and read as 0.
      const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
      fc.assert(
        fc.property(
          fc.record({
            action: fc.string({ minLength: 1, maxLength: 8 }),
            command: fc.string({ minLength: 1, maxLength: 8 }),
            private: fc.boolean(),
            args: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), finiteNumber, fc.boolean()), { maxKeys: 4 }),
          }),
          (state) => {
            expect(decodeCustomId(encodeCustomId(state))).toEqual({ ...state, elided: [] });
          },
        ),
      );
    });

    it('refuses ids it did not write, so an old button is recognised as stale', () => {
      for (const id of ['', 'ask:who', 'bc0:more:ask:-:question=sx', 'bc1:more:ask:x:question=sx', 'bc1:more:ask:-:question', 'bc1:more:ask:-:page=nx', 'bc1:more:ask:-:q=zzz'])
        expect(decodeCustomId(id), id).toBeNull();
    });
  });

  describe('planning', () => {
    it('keeps short arguments in the id', () => {
      expect(planCustomId({ id: 'more', label: 'More results', command: 'ask', args: { question: 'who was Lisa Howard', page: 2 } })).toEqual({
        customId: 'bc1:more:ask:-:question=swho was Lisa Howard&page=n2',
        elided: {},
      });
    });

    it('leaves out a question too long for 100 characters, to be read from the message', () => {
      const question = 'what did Kennedy write to Khrushchev about Cuba in April 1961 after the invasion at the Bay of Pigs';
      const planned = planCustomId({ id: 'more', label: 'More results', command: 'ask', args: { question, page: 2 } });
      expect(planned).toEqual({ customId: 'bc1:more:ask:-:question=@&page=n2', elided: { question } });
      const footer = footerLines(planned!.elided).join('\n');
      expect(readFooterValue(footer, 'question')).toBe(question);
      expect(decodeCustomId(planned!.customId)).toEqual({ action: 'more', command: 'ask', private: false, args: { question: '', page: 2 }, elided: ['question'] });
    });

    it('gives up when even the shortest form is too long', () => {
      expect(planCustomId({ id: 'x'.repeat(120), label: 'X', command: 'ask', args: {} })).toBeNull();
    });

    it('always stays within 100 characters', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 600 }), fc.integer({ min: 1, max: 50 }), (question, page) => {
          const planned = planCustomId({ id: 'more', label: 'More', command: 'ask', args: { question, page } });
          expect(planned).not.toBeNull();
          expect(planned!.customId.length).toBeLessThanOrEqual(100);
        }),
      );
    });
  });

  describe('footer', () => {
    it('finds nothing when the message has no such line', () => {
      expect(readFooterValue(undefined, 'question')).toBeNull();
      expect(readFooterValue('id: pings#p1', 'question')).toBeNull();
    });
  });
});
