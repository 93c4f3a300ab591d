import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { loadCore } from '../../src/core.js';
import { statesSumAs, sumRole } from '../../src/answer/sum-role.js';

describe('the role of a sum of money in a deal', () => {
  describe('asked of a question', () => {
    it('reads a sum wanted at first, or by a verb of asking, as the sum asked for', () => {
      for (const q of ['how much did Castro originally want for the prisoners?', 'what ransom did he demand?', 'how much did Castro ask for to free them', 'how much did he want in exchange for the prisoners?']) expect(sumRole(q), q).toBe('asked');
    });

    it('reads a sum paid in the end, or by a verb of paying, as the sum paid', () => {
      for (const q of ['what was the final price for the prisoners?', 'What did the US end up paying?', 'how much ransom was finally paid?', 'how much did the US pay to free them?']) expect(sumRole(q), q).toBe('paid');
    });

    it('reads no role in a question that gives none', () => {
      expect(sumRole('how much did Obama budget for democracy promotion?')).toBeNull();
    });
  });

  describe('stated in a sentence', () => {
    const demand = 'He was to talk Castro down from his demands for $62 million and an additional $26 million in food.';
    const exchange = 'A memo was signed for the release of all prisoners in exchange for $2.9 million and an additional $53 million in medicine.';

    it('finds a sum with the role’s words before it in its clause', () => {
      expect(statesSumAs(demand, 'asked')).toBe(true);
      expect(statesSumAs(exchange, 'paid')).toBe(true);
    });

    it('never reads a sum as the other role’s, nor a sentence without a sum', () => {
      expect(statesSumAs(demand, 'paid')).toBe(false);
      expect(statesSumAs(exchange, 'asked')).toBe(false);
      expect(statesSumAs('Castro demanded more than anyone expected.', 'asked')).toBe(false);
    });
  });

  it('puts first, for a question asking one role, the passage stating the sum as that role', () => {
    const core = loadCore();
    const first = (q: string) => ask(core, q).results[0]!.quote.text;
    expect(first('in the end, how much was paid to release the Bay of Pigs prisoners?')).toContain('$2.9 million');
    expect(first('how much did Castro first ask for the Bay of Pigs prisoners?')).toContain('$62 million');
  });
});
