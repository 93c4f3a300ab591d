/**
 * The people of a core's corpus, found once (on first use) and looked up by any name the corpus uses,
 * in any case and with or without accents; a name it lacks gets the nearest names.
 */
import type { Completion } from '../reply/completion.js';
import type { Core } from '../core.js';
import type { Corpus } from '../corpus/types.js';
import { nearest } from '../sources/suggest.js';
import { fold } from '../text/fold.js';
import type { TimelineEvent } from '../timeline/types.js';
import { findPeople, type Person, type PersonMention } from './find.js';

/** A mention with the date the timeline reads in its sentence. */
export interface DatedMention {
  mention: PersonMention;
  event: TimelineEvent;
}

export interface PeopleIndex {
  /** Everyone, most mentioned first. */
  people: Person[];
  /** The person a name means: an exact spelling, else the surname, else null. */
  lookup(name: string): Person | null;
  /** Up to `limit` names nearest to one the corpus lacks, nearest first. */
  suggest(name: string, limit?: number): Array<{ person: Person; form: string }>;
  /** Names starting (by any of their words) with what was typed. */
  complete(prefix: string): Completion[];
  /** The person's first and last mentions in a dated statement, or null when none is dated. */
  datedRange(person: Person): { first: DatedMention; last: DatedMention } | null;
}

const built = new WeakMap<Corpus, PeopleIndex>();

/** The people of the core's corpus, found on first use and kept while the corpus is. */
export function peopleOf(core: Core): PeopleIndex {
  let index = built.get(core.corpus);
  if (!index) {
    index = buildIndex(findPeople(core.corpus), () => core.timeline.events);
    built.set(core.corpus, index);
  }
  return index;
}

function buildIndex(people: Person[], events: () => readonly TimelineEvent[]): PeopleIndex {
  // Exact keys: every full spelling; then surnames (a surname goes to the most mentioned person bearing it).
  const byForm = new Map<string, Person>();
  const bySurname = new Map<string, Person>();
  for (const person of people) {
    for (const { form } of person.forms) if (form.includes(' ') && !byForm.has(fold(form))) byForm.set(fold(form), person);
    for (const { form } of person.forms) {
      const last = fold(form.split(/\s/).pop()!);
      if (!bySurname.has(last)) bySurname.set(last, person);
    }
  }
  const candidates = [
    ...[...byForm.keys()].map((key) => ({ id: key, key })),
    ...[...bySurname.keys()].map((key) => ({ id: key, key })),
  ];
  const personOf = (key: string) => byForm.get(key) ?? bySurname.get(key)!;

  let sentenceEvents: Map<string, Array<{ start: number; end: number; event: TimelineEvent }>> | undefined;
  const eventsIn = (passageId: string) => {
    if (!sentenceEvents) {
      sentenceEvents = new Map();
      for (const event of events())
        for (const c of event.citations) sentenceEvents.set(c.passageId, [...(sentenceEvents.get(c.passageId) ?? []), { start: c.start, end: c.end, event }]);
    }
    return sentenceEvents.get(passageId) ?? [];
  };

  return {
    people,
    lookup(name) {
      const key = fold(name).replace(/[’']s$/, '');
      if (key === '') return null;
      return byForm.get(key) ?? bySurname.get(key) ?? bySurname.get(key.split(' ').pop()!) ?? null;
    },
    suggest(name, limit = 5) {
      const seen = new Set<Person>();
      const out: Array<{ person: Person; form: string }> = [];
      for (const key of nearest(fold(name), candidates, limit * 3)) {
        const person = personOf(key);
        if (seen.has(person)) continue;
        seen.add(person);
        out.push({ person, form: person.name });
        if (out.length === limit) break;
      }
      return out;
    },
    complete(prefix) {
      const typed = fold(prefix);
      return people
        .filter((p) => typed === '' || p.forms.some((f) => fold(f.form).startsWith(typed) || fold(f.form).split(' ').some((w) => w.startsWith(typed))))
        .slice(0, 25)
        .map((p) => ({ name: `${p.name} (${p.mentions.length})`, value: p.name }));
    },
    datedRange(person) {
      const dated: DatedMention[] = [];
      for (const mention of person.mentions) {
        const found = eventsIn(mention.passageId).filter((e) => e.start <= mention.start && mention.end <= e.end);
        for (const { event } of found) dated.push({ mention, event });
      }
      if (dated.length === 0) return null;
      dated.sort((a, b) => a.event.from.localeCompare(b.event.from) || a.event.to.localeCompare(b.event.to));
      return { first: dated[0]!, last: dated[dated.length - 1]! };
    },
  };
}
