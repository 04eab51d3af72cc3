/**
 * Independence: an `independent` safeguard may not be confirmed by anyone who wrote the change —
 * whoever opened the pull request, the author of any of its non-merge commits, and anyone a
 * commit names in a `Co-authored-by:` trailer — and by nobody while the gate cannot tell who all
 * of those are (an author with no GitHub account, a commit list GitHub cut short). A login alone
 * identifies a person on GitHub, so a writer who cannot be given one could be anyone, the person
 * ticking included: failing closed is the only answer that cannot be got round by committing
 * under an address one's account does not list.
 */
import type { ChangeWriter, ChangeWriters, CommitAuthorship, ReviewContext } from './inputs.js';

export interface Exclusion {
  user: string;
  /** Why, in words: `opened the pull request; authored commits 1a2b3c4, 5d6e7f8`. */
  why: string;
}

/** Who may not confirm an independent item in this change, and why. */
export interface Independence {
  excluded: Exclusion[];
  /** Why not every writer is known; while any is listed, nobody may confirm an independent item. */
  unknown: string[];
}

/** At most this many commits or reasons are named in one sentence; the rest are counted. */
const NAMED = 3;

function listed(items: string[], separator = ', '): string {
  const named = items.slice(0, NAMED).join(separator);
  return items.length > NAMED ? `${named} and ${items.length - NAMED} more` : named;
}

function commitList(verb: string, shas: Set<string>): string {
  const short = [...shas].map((sha) => sha.slice(0, 7));
  return `${verb} commit${short.length === 1 ? '' : 's'} ${listed(short)}`;
}

/** A login as GitHub spells it in REST (`app[bot]`) and in GraphQL (`app`) compares equal. */
function account(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

export function independenceOf(context: Pick<ReviewContext, 'author' | 'writers'>): Independence {
  const people = new Map<
    string,
    { user: string; opened: boolean; authored: Set<string>; coAuthored: Set<string> }
  >();
  const person = (login: string) => {
    const key = account(login);
    let found = people.get(key);
    if (!found) {
      found = { user: login, opened: false, authored: new Set(), coAuthored: new Set() };
      people.set(key, found);
    }
    return found;
  };
  if (context.author !== null) person(context.author).opened = true;
  for (const writer of context.writers.people) {
    const p = person(writer.login);
    for (const sha of writer.authored) p.authored.add(sha);
    for (const sha of writer.coAuthored) p.coAuthored.add(sha);
  }
  const excluded = [...people.values()].map((p) => ({
    user: p.user,
    why: [
      ...(p.opened ? ['opened the pull request'] : []),
      ...(p.authored.size > 0 ? [commitList('authored', p.authored)] : []),
      ...(p.coAuthored.size > 0 ? [commitList('co-authored', p.coAuthored)] : []),
    ].join('; '),
  }));
  return { excluded, unknown: [...context.writers.unknown] };
}

/** Why nobody at all may confirm an independent item in this change, or null. */
export function nobodyMayConfirm(independence: Independence): string | null {
  return independence.unknown.length > 0
    ? `nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: ${listed(independence.unknown, '; ')}`
    : null;
}

/** Why `user` may not confirm an independent item in this change, or null when they may. */
export function independenceBar(independence: Independence, user: string): string | null {
  const nobody = nobodyMayConfirm(independence);
  if (nobody !== null) return nobody;
  const writer = independence.excluded.find((e) => account(e.user) === account(user));
  return writer
    ? `wrote this change (${writer.why}), so may not confirm an independent safeguard`
    : null;
}

/**
 * Who wrote a change, from its commits: the author and co-authors of every commit with one parent.
 * A merge commit is skipped, author and all: the author of an *Update branch* merge only brought
 * the base in. The committer is never read. `unknown` carries what the caller already knows is
 * missing (a commit list cut short); a writer with no GitHub account is added to it.
 */
export function writersOf(commits: CommitAuthorship[], unknown: string[] = []): ChangeWriters {
  const people = new Map<string, ChangeWriter>();
  const nobody = new Map<string, { who: string; authored: Set<string>; coAuthored: Set<string> }>();
  const add = (
    person: CommitAuthorship['author'],
    sha: string,
    role: 'authored' | 'coAuthored',
  ) => {
    if (person.login !== null) {
      const key = account(person.login);
      const writer = people.get(key) ?? { login: person.login, authored: [], coAuthored: [] };
      people.set(key, writer);
      if (!writer[role].includes(sha)) writer[role].push(sha);
      return;
    }
    const key = person.email.toLowerCase();
    const entry = nobody.get(key) ?? {
      who: `${person.name} <${person.email}>`,
      authored: new Set<string>(),
      coAuthored: new Set<string>(),
    };
    nobody.set(key, entry);
    entry[role].add(sha);
  };
  for (const commit of commits) {
    if (commit.parents > 1) continue;
    add(commit.author, commit.sha, 'authored');
    for (const coAuthor of commit.coAuthors) add(coAuthor, commit.sha, 'coAuthored');
  }
  const unattributed = [...nobody.values()].map(
    (n) =>
      `${n.who} (${[
        ...(n.authored.size > 0 ? [commitList('author of', n.authored)] : []),
        ...(n.coAuthored.size > 0 ? [commitList('co-author of', n.coAuthored)] : []),
      ].join('; ')}) has no GitHub account that lists that email`,
  );
  return { people: [...people.values()], unknown: [...unknown, ...unattributed] };
}
