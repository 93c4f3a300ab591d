import * as z from 'zod';
import { isBackchannelError } from '../errors.js';
import { queryTimeline } from '../timeline/query.js';
import { badTimelineReply, timelineReply } from '../timeline/reply.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';
import type { CommandDefinition } from './types.js';

const options = z.object({
  period: z
    .string()
    .transform(cleanInput)
    .pipe(z.string().max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`))
    .default('')
    .describe('A year, range or month, then an optional topic: 1963, 1962-1963, November 1963 Attwood'),
  page: z.coerce.number().int().min(1).max(INPUT_LIMITS.maxPage).default(1).describe('Page of events (20 a page)'),
});

/** /timeline: the dated events of a period, in order, each quoted with its citation. */
export const timelineCommand: CommandDefinition<typeof options> = {
  name: 'timeline',
  description: 'Dated events of a year, range or month, in order, quoted with citations, and a picture of them',
  options,
  positional: 'period',
  run({ period, page }, core) {
    try {
      const answer = queryTimeline(core.timeline, period, core.corpus);
      return timelineReply(answer, core.corpus, page);
    } catch (error) {
      if (isBackchannelError(error) && error.code === 'BAD_INPUT') return badTimelineReply(period, error.userMessage);
      throw error;
    }
  },
};
