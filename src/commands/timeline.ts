import { z } from 'zod';
import type { Core } from '../core.js';
import type { Corpus } from '../corpus/types.js';
import { isBackchannelError } from '../errors.js';
import { buildTimeline } from '../timeline/events.js';
import { queryTimeline } from '../timeline/query.js';
import { badTimelineReply, timelineReply } from '../timeline/reply.js';
import type { Timeline, TimelineCore } from '../timeline/types.js';
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

const built = new WeakMap<Corpus, Timeline>();

/** The core's timeline; built from the corpus (once per corpus) when the core carries none. */
export function timelineOf(core: Core): Timeline {
  const own = (core as Core & Partial<TimelineCore>).timeline;
  if (own) return own;
  let timeline = built.get(core.corpus);
  if (!timeline) built.set(core.corpus, (timeline = buildTimeline(core.corpus)));
  return timeline;
}

/** /timeline: the dated events of a period, in order, each quoted with its citation. */
export const timelineCommand: CommandDefinition<typeof options> = {
  name: 'timeline',
  description: 'Dated events of a year, range or month, in order, quoted with citations',
  options,
  positional: 'period',
  run({ period, page }, core) {
    try {
      const answer = queryTimeline(timelineOf(core), period, core.corpus);
      return timelineReply(answer, core.corpus, page);
    } catch (error) {
      if (isBackchannelError(error) && error.code === 'BAD_INPUT') return badTimelineReply(period, error.userMessage);
      throw error;
    }
  },
};
